"""A call in French or Dutch: its questions, choices and rubric are translated with the page,
answers land under the English questions' keys, and each applicant hears from us in their
own language (a staff template's version in it, else the English one)."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.factories import EmailTemplateFactory
from home.languages import preferred_language, set_preferred_language
from home.models import EmailKind, EmailLog, EmailTemplate
from proposals import emails, services
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import CallQuestion, RubricCriterion, Submission

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db

THEMES = "Access to information and open data\nDemocracy, people and politics\nClimate change"
FRENCH = {
    "TICTeC 2025: call for session proposals": "TICTeC 2025 : appel à propositions de sessions",
    "Summary": "Résumé",
    "What will you share?": "Que partagerez-vous ?",
    "Theme": "Thème",
    # Translators see a plain-text field's lines separated by <br/>.
    THEMES.replace("\n", "<br/>"): "Accès à l’information et données ouvertes<br/>"
    "Démocratie, citoyens et politique<br/>"
    "Changement climatique",
    "Contact email": "Adresse e-mail de contact",
    "Supporting document": "Document justificatif",
    "Alignment with the conference themes": "Adéquation avec les thèmes de la conférence",
}
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
FRENCH_CONFIRMATION = (
    "Nous avons bien reçu votre proposition : {{ title }}",
    "Bonjour {{ applicant_name }},\n\nMerci pour votre proposition à {{ call_title }}.\n"
    "Décision avant le {{ decisions_by }}.\n\n{{ answers }}",
)


def translate(page, language_code, words):
    """Translate ``page`` as a translator would in wagtail-localize (every string from
    ``words``, else marked with the language), then publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, f"{language_code.upper()} {entry.msgid}")
    translation.import_po(po)
    translation.save_target(publish=True)
    return page.get_translation(Locale.objects.get(language_code=language_code)).specific


CLOSES_AT = datetime.datetime(2030, 6, 11, 12, 0, tzinfo=datetime.UTC)  # 14:00 in Brussels


@pytest.fixture
def french_call(call, django_capture_on_commit_callbacks):
    call.time_zone = "Europe/Brussels"
    call.decisions_by = datetime.datetime(2025, 6, 10, 14, 20, tzinfo=BRUSSELS)
    call.closes_at = CLOSES_AT
    call.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        return translate(call, "fr", FRENCH)


@pytest.fixture
def french_applicant(db):
    user = UserFactory(email="camille@example.org", first_name="Camille", last_name="Dupont")
    set_preferred_language(user=user, language="fr")
    return user


def french_post(valid_post):
    return valid_post | {
        "idempotency_key": "0b6f8a54-9a0c-4d3e-9d07-0f3c1e5a7b21",
        "supporting_document": pdf_upload(),
    }


# --- The call, translated ------------------------------------------------------------


def test_questions_choices_and_rubric_are_translated_with_the_page(call, french_call):
    english = {q.clean_name: q for q in CallQuestion.objects.filter(page=call)}
    french = {q.clean_name: q for q in CallQuestion.objects.filter(page=french_call)}

    assert (
        set(french) == set(english) == {"summary", "theme", "contact_email", "supporting_document"}
    )
    assert french["summary"].label == "Résumé"
    assert french["summary"].help_text == "Que partagerez-vous ?"
    assert french["theme"].choices == (
        "Accès à l’information et données ouvertes\n"
        "Démocratie, citoyens et politique\n"
        "Changement climatique"
    )
    # What gives an answer its meaning is the source's, not translated.
    assert french["summary"].word_limit == 20
    assert french["contact_email"].personal_data is True
    assert french["supporting_document"].allowed_file_types == "pdf,png"
    for key, question in french.items():
        assert question.translation_key == english[key].translation_key
        assert question.locale.language_code == "fr"
    criteria = RubricCriterion.objects.filter(page=french_call).order_by("sort_order")
    assert [(c.name, c.weight, c.applies_to) for c in criteria] == [
        ("Adéquation avec les thèmes de la conférence", 2, ""),
        ("FR Practical experience and evidence of impact", 1, ""),
        ("FR Quality of audience participation", 1, "workshop"),
    ]


def test_an_untranslated_call_follows_its_english_questions_as_they_change(call):
    alias = call.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True, alias=True
    )
    summary = call.call_questions.get(clean_name="summary")
    summary.label = "Summary of your session"
    summary.save()
    CallQuestion.objects.create(page=call, label="Audience", field_type="singleline")

    call.save_revision().publish()

    labels = dict(CallQuestion.objects.filter(page=alias).values_list("clean_name", "label"))
    assert labels["summary"] == "Summary of your session"
    assert labels["audience"] == "Audience"
    assert set(
        CallQuestion.objects.filter(page=alias).values_list("locale__language_code", flat=True)
    ) == {"fr"}


def test_the_french_form_asks_in_french_and_stores_the_english_choice(
    client, call, french_call, french_applicant
):
    client.force_login(french_applicant)

    html = client.get(french_call.url).content.decode()

    assert french_call.url == "/fr/tictec-2025-call/"
    assert '<label for="id_summary">Résumé <span class="required">(obligatoire)</span>' in html
    assert (
        '<p class="help" id="id_summary-help">Que partagerez-vous ? 20 mots au maximum.</p>' in html
    )
    assert "<legend>Thème <span" in html
    assert (
        '<input type="radio" name="theme" value="Democracy, people and politics" id="id_theme_1"'
        ' required> <label for="id_theme_1" class="choice-label">'
        "Démocratie, citoyens et politique</label>"
    ) in html
    assert "Summary" not in html
    assert "Democracy, people and politics</label>" not in html


def test_a_french_application_is_stored_under_the_english_questions(
    client, call, french_call, french_applicant, applicant, valid_post, on_commit
):
    client.force_login(applicant)
    with on_commit(execute=True):
        client.post(call.url, valid_post | {"supporting_document": pdf_upload()})
    client.force_login(french_applicant)

    with on_commit(execute=True):
        response = client.post(
            french_call.url,
            french_post(valid_post)
            | {
                "title": "Les demandes d’accès à l’information à Lyon",
                "summary": "Comment les demandes ont révélé des dons.",
            },
        )

    french = Submission.objects.get(applicant=french_applicant)
    english = Submission.objects.get(applicant=applicant)
    assert response.status_code == 302
    assert french.call_id == english.call_id == call.pk
    assert french.language == "fr"
    assert french.answers == {
        "summary": "Comment les demandes ont révélé des dons.",
        "theme": "Democracy, people and politics",
        "contact_email": "amani@example.org",
    }
    assert set(french.answers) == set(english.answers)
    assert french.questions == english.questions
    assert [q["label"] for q in french.questions] == [
        "Summary",
        "Theme",
        "Contact email",
        "Supporting document",
    ]
    assert french.files.get().question_key == "supporting_document"


def test_the_ranking_and_its_export_show_one_set_of_criteria_for_every_language(
    client, call, french_call, french_applicant, applicant, programme, valid_post, on_commit
):
    client.force_login(applicant)
    with on_commit(execute=True):
        client.post(call.url, valid_post)
    client.force_login(french_applicant)
    with on_commit(execute=True):
        client.post(french_call.url, french_post(valid_post) | {"title": "Lyon"})
    client.force_login(programme)

    response = client.get(f"/admin/calls/{call.pk}/ranking/?export=csv")

    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][-3:] == [
        "Alignment with the conference themes",
        "Practical experience and evidence of impact",
        "Quality of audience participation",
    ]
    assert sorted(row[1] for row in rows[1:]) == [
        "Lyon",
        "Using FOI data to track political donations",
    ]


def test_the_applicant_reads_their_answers_in_their_language(
    client, call, french_call, french_applicant, valid_post, on_commit
):
    client.force_login(french_applicant)
    with on_commit(execute=True):
        client.post(french_call.url, french_post(valid_post))
    submission = Submission.objects.get()

    french = client.get(submission.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    # Applying through /fr/ kept French in the language cookie; an English browser has none.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    english = client.get(submission.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Thème" in french and "Démocratie, citoyens et politique" in french
    assert "Theme" in english and "Democracy, people and politics" in english
    assert "Démocratie" not in english


@pytest.mark.parametrize(
    ("language", "closes", "decisions"),
    [
        ("en", "Tuesday 11 June 2030, 14:00 CEST", "Tuesday 10 June 2025"),
        ("fr", "mardi 11 juin 2030, 14:00 CEST", "mardi 10 juin 2025"),
        ("nl", "dinsdag 11 juni 2030 om 14:00 CEST", "dinsdag 10 juni 2025"),
    ],
)
def test_the_call_gives_its_dates_in_the_readers_language_and_the_calls_time_zone(
    client, call, french_call, language, closes, decisions, django_capture_on_commit_callbacks
):
    if language == "nl":
        with django_capture_on_commit_callbacks(execute=True):
            translate(call, "nl", {})
    page = call.get_translation(Locale.objects.get(language_code=language))

    html = client.get(page.url).content.decode()

    assert f'<time datetime="2030-06-11T12:00:00+00:00">{closes}</time>' in html
    assert f'<time datetime="2025-06-10T12:20:00+00:00">{decisions}</time>' in html


def test_the_home_page_gives_a_calls_closing_time_in_the_calls_own_time_zone(
    client, call, french_call
):
    html = client.get("/fr/").content.decode()

    assert "mardi 11 juin 2030, 14:00 CEST" in html


def test_my_submissions_names_the_call_and_its_time_in_the_readers_language(
    client, call, french_call, french_applicant
):

    submission = SubmissionFactory(call=call, applicant=french_applicant)
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=datetime.datetime(2025, 6, 10, 12, 20, tzinfo=datetime.UTC)
    )
    client.force_login(french_applicant)

    html = client.get("/my-submissions/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "<td>TICTeC 2025 : appel à propositions de sessions</td>" in html
    assert ">mardi 10 juin 2025, 14:20 CEST</time>" in html


def test_a_reviewer_reads_the_rubric_and_questions_in_their_language_and_scores_one_rubric(
    client, call, french_call, applicant
):

    submission = SubmissionFactory(
        call=call,
        applicant=applicant,
        questions=[q.snapshot() for q in call.get_questions()],
        answers={"summary": "Open data in Lyon.", "theme": "Climate change"},
    )
    french = UserFactory(email="lou@example.org", groups=["Reviewers"], is_staff=True)
    set_preferred_language(user=french, language="fr")
    english = UserFactory(email="rae@example.org", groups=["Reviewers"], is_staff=True)
    reviews = {
        user: ReviewFactory(submission=submission, reviewer=user) for user in (french, english)
    }
    alignment = call.rubric_criteria.get(name="Alignment with the conference themes")

    pages = {}
    for user, review in reviews.items():
        client.force_login(user)
        pages[user] = client.get(f"/admin/calls/reviews/{review.pk}/").content.decode()

    assert "Adéquation avec les thèmes de la conférence" in pages[french]
    assert "Résumé" in pages[french] and "Changement climatique" in pages[french]
    assert "Alignment with the conference themes" in pages[english]
    assert "Adéquation" not in pages[english]
    assert f'name="criterion_{alignment.pk}"' in pages[french]
    assert f'name="criterion_{alignment.pk}"' in pages[english]


# --- Email in the recipient's language -----------------------------------------------


def test_a_french_applicant_gets_the_french_template_with_french_dates_and_questions(
    client, call, french_call, french_applicant, valid_post, on_commit
):
    EmailTemplateFactory(
        call=call, kind=EmailKind.CONFIRMATION, subject="English: {{ title }}", body="English"
    )
    subject, body = FRENCH_CONFIRMATION
    EmailTemplateFactory(
        call=call,
        kind=EmailKind.CONFIRMATION,
        locale=Locale.objects.get(language_code="fr"),
        subject=subject,
        body=body,
    )
    client.force_login(french_applicant)

    with on_commit(execute=True):
        client.post(french_call.url, french_post(valid_post) | {"title": "Lyon"})

    message = mail.outbox[0]
    assert message.to == ["camille@example.org"]
    assert message.subject == "Nous avons bien reçu votre proposition : Lyon"
    assert "Merci pour votre proposition à TICTeC 2025 : appel à propositions de sessions." in (
        message.body
    )
    assert "Décision avant le mardi 10 juin 2025, 14:20 CEST." in message.body
    assert "Thème:\nDémocratie, citoyens et politique\n" in message.body
    assert "Résumé:\n" in message.body
    assert EmailLog.objects.get().language == "fr"


def test_without_a_staff_template_the_built_in_one_is_in_the_applicants_language(
    client, call, french_call, french_applicant, valid_post, on_commit
):
    client.force_login(french_applicant)

    with on_commit(execute=True):
        client.post(french_call.url, french_post(valid_post) | {"title": "Lyon"})

    message = mail.outbox[0]
    assert message.subject == "Nous avons reçu votre proposition : Lyon"
    assert message.body.startswith("Bonjour Camille Dupont,\n\n")
    assert "mardi 10 juin 2025, 14:20 CEST" in message.body
    assert "http://localhost/fr/tictec-2025-call/" not in message.body  # the submission's link
    assert f"/my-submissions/{Submission.objects.get().pk}/" in message.body


def test_a_dutch_applicant_gets_the_english_template_when_there_is_no_dutch_one(call, on_commit):
    EmailTemplateFactory(call=call, kind=EmailKind.ACCEPTED, subject="Accepted: {{ title }}")
    EmailTemplateFactory(
        call=call,
        kind=EmailKind.ACCEPTED,
        locale=Locale.objects.get(language_code="fr"),
        subject="Acceptée : {{ title }}",
    )
    dutch = UserFactory(email="daan@example.org")
    set_preferred_language(user=dutch, language="nl")
    submission = services_submission(call, dutch)

    with on_commit(execute=True):
        emails.queue_submission_email(submission=submission, kind=EmailKind.ACCEPTED)

    assert [m.subject for m in mail.outbox] == ["Accepted: Ten years of monitoring"]
    assert EmailLog.objects.get().language == "nl"


def test_the_default_template_in_the_recipients_language_beats_the_english_default(call, on_commit):
    EmailTemplateFactory(kind=EmailKind.ACCEPTED, subject="Accepted: {{ title }}")
    EmailTemplateFactory(
        kind=EmailKind.ACCEPTED,
        locale=Locale.objects.get(language_code="nl"),
        subject="Geaccepteerd: {{ title }}",
    )
    dutch = UserFactory(email="daan@example.org")
    set_preferred_language(user=dutch, language="nl")
    submission = services_submission(call, dutch)

    with on_commit(execute=True):
        emails.queue_submission_email(submission=submission, kind=EmailKind.ACCEPTED)

    assert [m.subject for m in mail.outbox] == ["Geaccepteerd: Ten years of monitoring"]


def test_someone_without_an_account_hears_in_the_language_they_applied_in(call, on_commit):
    submission = services_submission(call, None, language="nl")

    with on_commit(execute=True):
        emails.queue_submission_email(submission=submission, kind=EmailKind.REJECTED)

    assert mail.outbox[0].subject == "Over je inzending: Ten years of monitoring"


def test_a_reviewer_reminder_is_in_the_reviewers_language(call, programme, on_commit):
    reviewer = UserFactory(email="lou@example.org", first_name="Lou", groups=["Reviewers"])
    set_preferred_language(user=reviewer, language="fr")
    ReviewFactory(submission=services_submission(call, UserFactory()), reviewer=reviewer)

    with on_commit(execute=True):
        services.remind_reviewers(call=call, by=programme)

    assert mail.outbox[0].to == ["lou@example.org"]
    assert mail.outbox[0].subject.startswith("Rappel : 1 évaluation(s) à terminer pour ")


def test_staff_write_a_template_per_language_and_the_listing_says_which(client, call, programme):
    client.force_login(programme)
    french = Locale.objects.get(language_code="fr")
    EmailTemplateFactory(call=call, kind=EmailKind.ACCEPTED)

    # Here staff write the defaults for every call (a call's own are on its Emails tab).
    response = client.post(
        "/admin/email_templates/new/",
        {
            "kind": EmailKind.ACCEPTED,
            "locale": french.pk,
            "subject": "Acceptée : {{ title }}",
            "body": "Bonjour {{ applicant_name }}",
        },
    )
    again = client.post(
        "/admin/email_templates/new/",
        {
            "kind": EmailKind.ACCEPTED,
            "locale": french.pk,
            "subject": "Encore",
            "body": "Encore",
        },
    )
    listing = client.get("/admin/email_templates/").content.decode()

    assert response.status_code == 302
    assert EmailTemplate.objects.filter(locale=french).get().subject == "Acceptée : {{ title }}"
    assert again.status_code == 200
    assert "already a default template of this kind in this language" in again.content.decode()
    assert "Encore" in again.content.decode()  # what was typed is kept
    assert "French" in listing and "English" in listing


def test_submitting_gives_an_applicant_without_a_language_the_one_they_applied_in(
    client, call, french_call, applicant, valid_post, on_commit
):
    client.force_login(applicant)

    with on_commit(execute=True):
        client.post(french_call.url, valid_post)

    assert preferred_language(applicant) == "fr"


def test_submitting_does_not_overrule_a_language_someone_chose(
    client, call, french_call, applicant, valid_post, on_commit
):
    set_preferred_language(user=applicant, language="nl")
    client.force_login(applicant)

    with on_commit(execute=True):
        client.post(french_call.url, valid_post)

    assert preferred_language(applicant) == "nl"
    assert mail.outbox[0].subject == "We hebben je inzending ontvangen: " + valid_post["title"]


def services_submission(call, user, *, language=""):

    return SubmissionFactory(
        call=call,
        applicant=user,
        title="Ten years of monitoring",
        language=language,
        applicant_email=user.email if user else "sam@example.org",
        applicant_name="Sam",
    )
