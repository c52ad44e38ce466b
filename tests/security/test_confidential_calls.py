"""A call restricted to a group is invisible outside that group, in every view.

The board vacancy below is restricted to "Board appointments". Everyone else with a
reason to be in the admin (the Programme team outside that group, a reviewer not
assigned, an editor, a moderator), another applicant to the same vacancy and an
anonymous stranger try every URL that shows a submission, by direct address: the
applicant's name, email, answers and file names never appear, and the response is a
refusal or a listing without them. A member of the group sees them.

Also: the call's confidentiality settings belong to people who manage calls, not to
page editors; and an anonymised reviewer sees no name, organisation or email anywhere.
"""

import html
import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cohorts import demo_content as seed
from cohorts.factories import (
    ActionLabPageFactory,
    CohortApplicationFactory,
    CohortFactory,
    CohortMembershipFactory,
    CohortProgrammePageFactory,
    OpportunityIndexPageFactory,
    VacancyPageFactory,
    add_call_questions,
    add_rubric,
)
from cohorts.models import VacancyPage
from home.factories import EmailLogFactory
from home.models import EmailKind
from proposals.factories import (
    CallPageFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionFileFactory,
    UserFactory,
)
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db

NAME = "Margaret Okafor"
EMAIL = "margaret.okafor@example.org"
ANSWER = "I chaired the Information Rights Tribunal user group for six years."
CV_NAME = "Okafor-CV-2025.pdf"
SECRETS = (NAME, "Okafor", EMAIL, ANSWER, CV_NAME)
REFUSED = (302, 403, 404)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def index_page(home_page):
    return OpportunityIndexPageFactory(parent=home_page, slug="opportunities")


@pytest.fixture
def board_group(db):
    return Group.objects.create(name="Board appointments")


@pytest.fixture
def vacancy(index_page, board_group):
    page = VacancyPageFactory(
        parent=index_page, title="Chair of the charity board", restricted_to_group=board_group
    )
    add_call_questions(page, seed.BOARD_QUESTIONS)
    add_rubric(page, seed.BOARD_RUBRIC)
    return page


def board_application(vacancy, *, name, email, answer, status=SubmissionStatus.SUBMITTED):
    first, last = name.split(" ", 1)
    applicant = UserFactory(email=email, first_name=first, last_name=last)
    return SubmissionFactory(
        call=vacancy,
        applicant=applicant,
        status=status,
        title=name,  # a board application's title is the applicant's name
        applicant_name=name,
        applicant_email=email,
        answers={"your_email_address": email, "motivation": answer},
        questions=[
            {
                "key": "your_email_address",
                "label": "Your email address",
                "field_type": "email",
                "help_text": "",
                "choices": "",
            },
            {
                "key": "your_cv",
                "label": "Your CV",
                "field_type": "file",
                "help_text": "",
                "choices": "",
            },
            {
                "key": "motivation",
                "label": "Why this board?",
                "field_type": "multiline",
                "help_text": "",
                "choices": "",
            },
        ],
    )


@pytest.fixture
def application(vacancy):
    """Margaret's application: accepted, reviewed, with her CV and the emails sent to her."""
    submission = board_application(
        vacancy, name=NAME, email=EMAIL, answer=ANSWER, status=SubmissionStatus.ACCEPTED
    )
    SubmissionFileFactory(submission=submission, question_key="your_cv", original_name=CV_NAME)
    EmailLogFactory(
        submission=submission,
        recipient_user=submission.applicant,
        to=EMAIL,
        kind=EmailKind.CONFIRMATION,
        subject=f"We received your application, {NAME}",
        body=f"Dear {NAME},\n\nYou told us: {ANSWER}\n",
    )
    return submission


@pytest.fixture
def assigned_review(application):
    reviewer = UserFactory(email="nominations@example.org", groups=["Reviewers"])
    return ReviewFactory(submission=application, reviewer=reviewer)


@pytest.fixture
def other_applicant(vacancy):
    return board_application(
        vacancy,
        name="Daniel Hughes",
        email="daniel.hughes@example.org",
        answer="Twenty years in local government digital services.",
    ).applicant


@pytest.fixture
def cohort(index_page):
    """A cohort on an ordinary (unrestricted) programme, so its edit form has a chooser."""
    programme = CohortProgrammePageFactory(parent=index_page)
    members = [CohortApplicationFactory(submission__call=programme) for _ in range(2)]
    cohort = CohortFactory(programme=programme, name="North")
    for member in members:
        CohortMembershipFactory(cohort=cohort, submission=member.submission)
    return cohort


@pytest.fixture
def ordinary_submission(call_page):
    return SubmissionFactory(call=call_page, title="Open data for home retrofit decisions")


@pytest.fixture
def call_page(home_page):
    return CallPageFactory(parent=home_page, slug="tictec-call")


STAFF = {
    "programme team outside the group": ["Programme team", "Reviewers"],
    "reviewer not assigned": ["Reviewers"],
    "editor": ["Editors"],
    "moderator": ["Moderators"],
}


def probes(*, application, review, cohort):
    """Every admin (and public) URL that shows a submission, by direct address."""
    call_id, pk = application.call_id, application.pk
    log = application.email_logs.get()
    stored = application.files.get()
    submissions = reverse("proposals_submissions:index")
    email_log = reverse("email_log:index")
    ranking = reverse("proposals_admin:ranking", args=[call_id])
    return {
        "submission listing": submissions,
        "submission listing search": f"{submissions}?q=Margaret",
        "submission listing results": reverse("proposals_submissions:index_results"),
        "submission inspect": reverse("proposals_submissions:inspect", args=[pk]),
        "submission edit": reverse("proposals_submissions:edit", args=[pk]),
        "submission history": reverse("proposals_submissions:history", args=[pk]),
        "submission delete": reverse("proposals_submissions:delete", args=[pk]),
        "submission export CSV": f"{submissions}?export=csv",
        "submission export XLSX": f"{submissions}?export=xlsx",
        "calls overview": reverse("proposals_admin:calls"),
        "ranking": ranking,
        "ranking export CSV": f"{ranking}?export=csv",
        "ranking export XLSX": f"{ranking}?export=xlsx",
        "submission admin page": reverse("proposals_admin:submission", args=[call_id, pk]),
        "outcome emails": reverse("proposals_admin:outcomes", args=[call_id]),
        "email log listing": email_log,
        "email log search": f"{email_log}?q=Margaret",
        "email log export CSV": f"{email_log}?export=csv",
        "email log export XLSX": f"{email_log}?export=xlsx",
        "email log inspect": reverse("email_log:inspect", args=[log.pk]),
        "email log edit": reverse("email_log:edit", args=[log.pk]),
        "email log history": reverse("email_log:history", args=[log.pk]),
        "cohort member chooser (new cohort)": reverse("wagtailsnippets_cohorts_cohort:add"),
        "cohort member chooser (edit cohort)": reverse(
            "wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk]
        ),
        "review page": reverse("proposals_admin:review", args=[review.pk]),
        "reviewer queue": reverse("proposals_admin:queue"),
        "applicant's submission page": reverse("proposals:submission_detail", args=[pk]),
        "CV download": stored.get_absolute_url(),
    }


OBJECT_PAGES = {
    "submission inspect",
    "submission edit",
    "submission history",
    "submission delete",
    "submission admin page",
    "email log inspect",
    "email log edit",
    "email log history",
    "review page",
    "applicant's submission page",
    "CV download",
}


def body(response):
    """Everything a response carries, as text: HTML, a streamed CSV, or an XLSX's XML."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            raw = b"".join(archive.read(name) for name in archive.namelist())
    return html.unescape(raw.decode("utf-8", errors="replace"))


def leaks(client, urls):
    """{probe: what went wrong} for every URL that shows the applicant or is not refused."""
    found = {}
    for label, url in urls.items():
        response = client.get(url)
        text = body(response)
        shown = [secret for secret in SECRETS if secret.lower() in text.lower()]
        if shown:
            found[label] = f"{response.status_code}: shows {shown}"
        elif label in OBJECT_PAGES and response.status_code not in REFUSED:
            found[label] = f"{response.status_code}: not refused"
    return found


def test_nobody_outside_the_board_group_sees_the_applicant_by_any_address(
    client, application, assigned_review, cohort, other_applicant
):
    """Every role, every URL: a refusal or a listing without her."""
    urls = probes(application=application, review=assigned_review, cohort=cohort)
    people = {
        role: UserFactory(email=f"staff{number}@example.org", groups=groups)
        for number, (role, groups) in enumerate(STAFF.items())
    }
    people["another applicant to the vacancy"] = other_applicant

    found = {}
    for role, person in people.items():
        client.force_login(person)
        found[role] = leaks(client, urls)
    client.logout()
    found["anonymous stranger"] = leaks(client, urls)
    stranger = {label: client.get(url) for label, url in urls.items()}

    assert found == dict.fromkeys(found, {})
    assert {label: r.status_code for label, r in stranger.items()} == dict.fromkeys(urls, 302)
    assert all("/login/" in r["Location"] for r in stranger.values())


def test_programme_team_outside_the_group_still_see_unrestricted_submissions(
    client, application, ordinary_submission, cohort
):
    """The listings that leave the board applicant out still work for everything else."""
    client.force_login(UserFactory(groups=["Programme team", "Reviewers"]))
    accepted = cohort.memberships.first().submission

    listing = body(client.get(reverse("proposals_submissions:index")))
    export = body(client.get(reverse("proposals_submissions:index") + "?export=csv"))
    chooser = body(client.get(reverse("wagtailsnippets_cohorts_cohort:add")))

    assert "Open data for home retrofit decisions" in listing
    assert "Open data for home retrofit decisions" in export
    assert accepted.title in chooser
    assert NAME not in listing + export + chooser


def test_a_member_of_the_group_sees_the_board_applicant_where_others_in_the_team_do_not(
    client, application, board_group
):
    member = UserFactory(email="chair@example.org", groups=["Programme team", "Reviewers"])
    member.groups.add(board_group)
    outsider = UserFactory(email="pat@example.org", groups=["Programme team", "Reviewers"])
    reminder = EmailLogFactory(
        kind=EmailKind.REVIEW_REMINDER, to=outsider.email, subject="Reviews waiting for you"
    )
    log = application.email_logs.get()
    submissions = reverse("proposals_submissions:index")
    email_log = reverse("email_log:index")
    urls = {
        "listing": submissions,
        "inspect": reverse("proposals_submissions:inspect", args=[application.pk]),
        "export": f"{submissions}?export=csv",
        "ranking": reverse("proposals_admin:ranking", args=[application.call_id]),
        "admin page": reverse(
            "proposals_admin:submission", args=[application.call_id, application.pk]
        ),
        "email log": email_log,
        "email log inspect": reverse("email_log:inspect", args=[log.pk]),
        "email log export": f"{email_log}?export=csv",
    }

    seen = {}
    for person in (member, outsider):
        client.force_login(person)
        seen[person.email] = {label: body(client.get(url)) for label, url in urls.items()}

    assert {label: NAME in text for label, text in seen[member.email].items()} == dict.fromkeys(
        urls, True
    )
    assert {label: NAME in text for label, text in seen[outsider.email].items()} == dict.fromkeys(
        urls, False
    )
    assert EMAIL in seen[member.email]["inspect"]
    assert ANSWER in seen[member.email]["admin page"]
    assert ANSWER in seen[member.email]["email log inspect"]
    # Messages about no submission (reminders to reviewers) are every manager's.
    assert reminder.subject in seen[member.email]["email log"]
    assert reminder.subject in seen[outsider.email]["email log"]


def test_the_cohort_chooser_lists_only_accepted_applications_to_cohort_programmes(
    client, application, cohort
):
    """A board applicant is not a cohort candidate, whoever asks: not even a superuser."""
    client.force_login(UserFactory(email="ada@example.org", is_superuser=True, is_staff=True))
    accepted = [m.submission.title for m in cohort.memberships.all()]

    chooser = body(client.get(reverse("wagtailsnippets_cohorts_cohort:add")))

    assert all(title in chooser for title in accepted)
    assert NAME not in chooser


def test_a_board_applicant_posted_as_a_cohort_member_is_refused(client, application, cohort):
    """Posting an id the chooser does not offer is refused, with the cohort unchanged."""
    client.force_login(UserFactory(groups=["Programme team"]))
    data = {
        "programme": cohort.programme_id,
        "name": "South",
        "notes": "",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-submission": application.pk,
        "memberships-0-ORDER": "1",
        "memberships-1-submission": cohort.memberships.first().submission_id,
        "memberships-1-ORDER": "2",
    }

    response = client.post(reverse("wagtailsnippets_cohorts_cohort:add"), data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert NAME not in response.content.decode()
    assert not cohort.programme.cohorts.filter(name="South").exists()


# --- The confidentiality settings belong to people who manage calls ----------------


def posted(value):
    """A form field's value as a browser would post it."""
    if isinstance(value, bool):
        return "on" if value else None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M")
    return getattr(value, "pk", value)


def edit_form_data(client, page, url=None, **changes):
    """The page editor's form as it stands (read as a superuser), with ``changes``."""
    url = url or reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        if isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(form[name].value() or "")
        elif isinstance(field, BlockField):
            data[name] = streamfield([])
        elif posted(form[name].value()) is not None:
            data[name] = posted(form[name].value())
    for name, formset in form.formsets.items():
        rows = [
            {field: posted(child[field].value()) for field in child.fields}
            | {"id": child.instance.pk}
            for child in formset.forms
        ]
        data[name] = inline_formset(
            [{k: v for k, v in row.items() if v is not None} for row in rows], initial=len(rows)
        )
    data.update(changes)
    return nested_form_data(data)


def field_names(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return {
        name for name in ("restricted_to_group", "anonymised_review") if f'name="{name}"' in html
    }


@pytest.fixture
def board_vacancy(vacancy):
    vacancy.anonymised_review = True
    vacancy.save_revision().publish()
    return VacancyPage.objects.get(pk=vacancy.pk)


def test_only_people_who_manage_calls_see_the_confidentiality_settings(client, board_vacancy):
    shown = {}
    for groups in (["Editors"], ["Moderators"], ["Programme team"]):
        client.force_login(UserFactory(email=f"{groups[0]}@example.org", groups=groups))
        shown[groups[0]] = field_names(client, board_vacancy)

    assert shown == {
        "Editors": set(),
        "Moderators": set(),
        "Programme team": {"restricted_to_group", "anonymised_review"},
    }


@pytest.mark.parametrize(
    ("groups", "action"), [(["Editors"], {}), (["Moderators"], {"action-publish": "publish"})]
)
def test_a_page_editor_cannot_clear_the_confidentiality_settings_by_post(
    client, board_vacancy, board_group, groups, action
):
    superuser = UserFactory(email="ada@example.org", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    data = edit_form_data(
        client,
        board_vacancy,
        restricted_to_group="",
        summary="Chair our board: two days a month.",
        **action,
    )
    data.pop("anonymised_review", None)  # an unticked box is simply not posted
    client.force_login(UserFactory(email="editor@example.org", groups=groups))

    response = client.post(reverse("wagtailadmin_pages:edit", args=[board_vacancy.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    live = VacancyPage.objects.get(pk=board_vacancy.pk)
    latest = live.get_latest_revision_as_object()
    assert latest.summary == "Chair our board: two days a month."
    assert (latest.restricted_to_group, latest.anonymised_review) == (board_group, True)
    assert (live.restricted_to_group, live.anonymised_review) == (board_group, True)
    if action:
        assert live.summary == "Chair our board: two days a month."


# --- Anonymised review: no name, organisation or email anywhere --------------------


@pytest.fixture
def reviewer(db):
    return UserFactory(email="rae@example.org", first_name="Rae", groups=["Reviewers"])


def anonymised(page):
    page.anonymised_review = True
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def as_reviewer(client, user, review):
    """The reviewer's queue and review page, as one text."""
    client.force_login(user)
    queue = client.get(reverse("proposals_admin:queue"))
    page = client.get(reverse("proposals_admin:review", args=[review.pk]))
    assert (queue.status_code, page.status_code) == (200, 200)
    return body(queue) + body(page)


def test_an_anonymised_reviewer_sees_no_name_organisation_or_email(
    client, index_page, vacancy, board_group, call_page, reviewer
):
    """Where the title is the applicant (board, Action Lab, cohort), a reference instead;
    the conference call's title is a session's, so it stays. Who manages the call, and a
    reviewer of a call that is not anonymised, still see the name."""
    board = board_application(anonymised(vacancy), name=NAME, email=EMAIL, answer=ANSWER)
    cv = SubmissionFileFactory(submission=board, question_key="your_cv", original_name=CV_NAME)
    lab_page = ActionLabPageFactory(parent=index_page)
    add_call_questions(lab_page, seed.ACTION_LAB_QUESTIONS)
    questions = [question.snapshot() for question in lab_page.get_questions()]
    lab = SubmissionFactory(
        call=anonymised(lab_page),
        title="Lucía Fernández",
        applicant_name="Lucía Fernández",
        questions=questions,
        answers={
            "your_email_address": "lucia@example.org",
            "organisation_and_role": "Civic tech lead, Fundación Ciudadana",
            "country": "Argentina",
        },
    )
    organisation = CohortApplicationFactory(
        submission__call=anonymised(CohortProgrammePageFactory(parent=index_page)),
        submission__status=SubmissionStatus.SUBMITTED,
        organisation_name="Leeds Renters Together",
    ).submission
    session = SubmissionFactory(
        call=anonymised(call_page), title="Open data for home retrofit decisions"
    )
    open_lab = SubmissionFactory(
        call=ActionLabPageFactory(parent=index_page, slug="open-lab"), title="Tomasz Nowak"
    )
    cases = {
        "board vacancy": (board, [NAME, EMAIL, CV_NAME], f"Application #{board.pk}"),
        "action lab": (
            lab,
            ["Fernández", "Fundación Ciudadana", "lucia@example.org", lab.applicant_email],
            f"Application #{lab.pk}",
        ),
        "cohort programme": (
            organisation,
            ["Leeds Renters Together", organisation.applicant_email],
            f"Application #{organisation.pk}",
        ),
        "conference call": (session, [session.applicant_name, session.applicant_email], None),
    }
    manager = UserFactory(email="chair@example.org", groups=["Programme team", "Reviewers"])
    manager.groups.add(board_group)

    shown, titles = {}, {}
    for host, (submission, hidden, reference) in cases.items():
        text = as_reviewer(
            client, reviewer, ReviewFactory(submission=submission, reviewer=reviewer)
        )
        shown[host] = [secret for secret in hidden if secret in text]
        titles[host] = f"<title>Review: {reference or submission.title}" in text
    reviewer_download = client.get(cv.get_absolute_url())["Content-Disposition"]
    managed = as_reviewer(client, manager, ReviewFactory(submission=board, reviewer=manager))
    manager_download = client.get(cv.get_absolute_url())["Content-Disposition"]
    not_anonymised = as_reviewer(
        client, reviewer, ReviewFactory(submission=open_lab, reviewer=reviewer)
    )

    assert shown == dict.fromkeys(cases, [])
    assert titles == dict.fromkeys(cases, True)
    assert "Open data for home retrofit decisions" in as_reviewer(
        client, reviewer, session.reviews.get()
    )
    assert "Argentina" in as_reviewer(client, reviewer, lab.reviews.get())
    assert f"<title>Review: {NAME}" in managed
    assert EMAIL in managed and CV_NAME in managed
    assert reviewer_download.startswith(f'attachment; filename="application-{board.pk}-your_cv')
    assert CV_NAME in manager_download
    assert "<title>Review: Tomasz Nowak" in not_anonymised


def test_reverting_to_a_revision_from_before_the_restriction_keeps_it(
    client, index_page, board_group
):
    """A moderator restores an old revision (made before the call was restricted) and
    publishes it: the restriction and anonymised review, set since, stay."""
    page = VacancyPageFactory(parent=index_page, title="Trustee")
    before = page.save_revision()
    before.publish()
    page.restricted_to_group = board_group
    page.anonymised_review = True
    page.save_revision().publish()
    client.force_login(UserFactory(email="ada@example.org", is_superuser=True, is_staff=True))
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, before.pk])
    data = edit_form_data(client, page, url=revert, **{"action-publish": "publish"})
    client.force_login(UserFactory(email="mo@example.org", groups=["Moderators"]))

    response = client.post(revert, data)

    live = VacancyPage.objects.get(pk=page.pk)
    assert response.status_code == 302, response.context["form"].errors
    assert live.live_revision_id != before.pk and live.live_revision_id is not None
    assert (live.restricted_to_group, live.anonymised_review) == (board_group, True)
