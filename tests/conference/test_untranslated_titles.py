"""On the French programme, a session not translated yet shows its English title, marked
lang="en" (screen readers, axe); a translated one is not marked."""

import pytest
from bs4 import BeautifulSoup

from home.localization import synchronise_locales

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
