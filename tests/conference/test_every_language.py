"""The conference in every language (issue #11): with French synchronised from English,
the French programme lists every session in its table, and the French TICTeC call takes
applications for the one call."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale

from conference.call.factories import CallForProposalsPageFactory
from home.localization import synchronise_locales
from proposals import selectors
from proposals.factories import CallQuestionFactory, RubricCriterionFactory, UserFactory
from proposals.models import Submission
from proposals.registry import call_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()  # rate limits count per IP per minute


def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def call_page(tictec):
    page = CallForProposalsPageFactory(parent=tictec.conference, slug="call-for-proposals")
    CallQuestionFactory(
        page=page, label="Evidence of impact", field_type="multiline", word_limit=200
    )
    RubricCriterionFactory(page=page, name="Alignment with the conference themes", weight=2)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_french_programme_lists_sessions_not_yet_translated_in_its_table(
    client, tictec, translate
):
    tictec.session("Opening talk", start="09:00")
    tictec.session("Using FOI to make climate risks known", start="10:00", room=tictec.studio)
    tictec.session("Coffee", start="11:00", session_format=tictec.coffee)
    tictec.session("Open contracting", start="10:00", day=tictec.day_two)
    # The conference and its programme are translated; the sessions are not yet.
    translate(tictec.conference.get_parent())
    translate(tictec.conference)
    translate(tictec.programme)

    synchronise_locales(source_language_code="en", language_codes=["fr"])

    page = BeautifulSoup(client.get("/fr/tictec/tictec-2025/programme/").content, "html.parser")
    tables = page.select("table")
    assert len(tables) == 2  # one per day, in French
    assert [th.get_text() for th in tables[0].select("thead th")][1:] == [
        "FR Main hall",
        "FR Studio",
    ]
    first_day = [a.get_text() for a in tables[0].select(".programme-session__title")]
    assert first_day == ["Opening talk", "Using FOI to make climate risks known", "Coffee"]
    assert [a.get_text() for a in tables[1].select(".programme-session__title")] == [
        "Open contracting"
    ]
    assert page.select_one(".programme-session__title")["href"] == (
        "/fr/tictec/tictec-2025/programme/opening-talk/"
    )
    session = client.get("/fr/tictec/tictec-2025/programme/open-contracting/")
    assert session.status_code == 200
    assert BeautifulSoup(session.content, "html.parser").select_one("main div[lang=en] h1")


def test_a_french_applicant_applies_through_fr_to_the_one_tictec_call(
    client, tictec, call_page, translate, django_capture_on_commit_callbacks
):
    translate(tictec.conference.get_parent())
    french_conference = translate(tictec.conference)
    synchronise_locales(source_language_code="en", language_codes=["fr"])
    french_call = call_page.get_translation(french())
    assert french_call.alias_of_id == call_page.pk
    assert french_call.get_parent().pk == french_conference.pk
    applicant = UserFactory(email="camille@example.org", first_name="Camille")
    client.force_login(applicant)

    form = BeautifulSoup(client.get(french_call.url).content, "html.parser")
    # The form offers the one call's formats (the English conference's), in the French page.
    offered = {int(radio["value"]) for radio in form.select("input[name=details-session_format]")}
    assert offered == {tictec.talk.pk, tictec.workshop.pk}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            french_call.url,
            {
                "title": "Dix ans de demandes d’accès à l’information",
                "details-speaker_name": "Camille Martin",
                "details-speaker_organisation": "Ma Dada",
                "details-abstract": "Ce que nos demandes ont appris aux journalistes.",
                "details-session_format": tictec.workshop.pk,
                "details-themes": [tictec.ati.pk],
                "details-approach": tictec.defensive.pk,
                "evidence_of_impact": "Trois enquêtes.",
                "idempotency_key": "5b0c8e0f-0d7c-4a52-9a53-5a0e5f1d2c3b",
                "action": "submit",
            },
        )

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("proposals:submission_detail", args=[submission.pk])
    assert submission.call_id == call_page.pk  # the one call, not its French alias
    assert submission.session_proposal.session_format == tictec.workshop
    assert [row.submission for row in selectors.ranking(call=call_page)[0]] == [submission]
    # Staff see one call, with the French application in its ranking.
    assert [page.pk for page in call_pages() if page.pk in {call_page.pk, french_call.pk}] == [
        call_page.pk
    ]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    ranking = client.get(reverse("proposals_admin:ranking", args=[call_page.pk]))
    assert "Dix ans de demandes d’accès à l’information" in ranking.content.decode()

    # Back on the French call page, the applicant finds their submission listed.
    client.force_login(applicant)
    again = client.get(french_call.url).content.decode()
    assert "Dix ans de demandes d’accès à l’information" in again
