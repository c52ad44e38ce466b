"""On the French programme, a session not translated yet shows its English title, marked
lang="en" (screen readers, axe); a translated one is not marked."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from home.localization import synchronise_locales
from proposals.factories import SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_untranslated_session_titles_are_marked_as_english(client, tictec, translate):
    tictec.session("Opening talk", start="09:00")
    translated = tictec.session("Open contracting", start="10:00")
    translate(tictec.conference.get_parent())
    translate(tictec.conference)
    translate(tictec.programme)
    translate(translated)
    synchronise_locales(source_language_code="en", language_codes=["fr"])

    page = BeautifulSoup(client.get("/fr/tictec/tictec-2025/programme/").content, "html.parser")

    titles = {a.get_text(): a.get("lang") for a in page.select(".programme-session__title")}
    assert titles["Opening talk"] == "en"
    assert [lang for title, lang in titles.items() if title != "Opening talk"] == [None]
    english = BeautifulSoup(client.get("/en/tictec/tictec-2025/programme/").content, "html.parser")
    assert [a.get("lang") for a in english.select(".programme-session__title")] == [None, None]


def test_the_french_call_form_names_formats_themes_and_approaches_in_french(
    client, tictec, translate
):
    call = CallForProposalsPageFactory(parent=tictec.conference, slug="call-for-proposals")
    call.save_revision().publish()
    translate(tictec.conference.get_parent())
    translate(tictec.conference)
    synchronise_locales(source_language_code="en", language_codes=["fr"])
    client.force_login(UserFactory())

    form = BeautifulSoup(
        client.get("/fr/tictec/tictec-2025/call-for-proposals/").content, "html.parser"
    )

    # The choices are the English conference's rows (answers are stored against them),
    # named in French.
    formats = {
        int(radio["value"]): form.select_one(f"label[for={radio['id']}]").get_text(strip=True)
        for radio in form.select("input[name=details-session_format]")
    }
    assert formats[tictec.talk.pk] == "FR 20-minute presentation"
    themes = [
        form.select_one(f"label[for={box['id']}]").get_text(strip=True)
        for box in form.select("input[name=details-themes]")
    ]
    assert themes and all(name.startswith("FR ") for name in themes)


def test_a_proposal_is_summarised_with_french_names_in_french(tictec, translate):
    call = CallForProposalsPageFactory(parent=tictec.conference, slug="call-for-proposals")
    translate(tictec.conference)
    proposal = SessionProposalFactory(
        submission=SubmissionFactory(call=call), session_format=tictec.talk, themes=[tictec.ati]
    )

    with translation.override("fr"):
        french = dict(proposal.summary_rows())
    english = dict(proposal.summary_rows())

    assert french["Format"] == "FR 20-minute presentation"
    assert french["Thèmes"] == f"FR {tictec.ati.name}"
    assert english["Format"] == "20-minute presentation"
