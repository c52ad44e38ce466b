"""French translations through wagtail-localize: the conference's taxonomies are translated
with it, and the French programme shows them (and sessions) in French."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_french_programme_shows_translated_sessions_themes_rooms_and_formats(
    client, tictec, speaker_factory, translate
):
    ada = speaker_factory("Ada Lovelace", role="Researcher")
    session = tictec.session(
        "Using FOI to make climate risks known",
        start="14:20",
        themes=[tictec.climate],
        speakers=[ada],
    )

    translate(tictec.conference.get_parent())
    french_conference = translate(tictec.conference)
    translate(tictec.programme)
    french_session = translate(session)
    translate(ada.get_parent())
    translate(ada)

    assert [theme.name for theme in french_conference.themes.all()] == [
        "FR Access to information and open data",
        "FR Climate change",
    ]
    # Synchronised slugs keep filter links working in every language.
    assert [theme.slug for theme in french_conference.themes.all()] == ["ati", "climate"]
    assert french_session.room.name == "FR Main hall"
    assert french_session.room.conference_id == french_conference.pk

    response = client.get("/fr/tictec/tictec-2025/programme/", {"theme": "climate"})
    page = BeautifulSoup(response.content, "html.parser")

    assert page.html["lang"] == "fr"
    # Interface strings come from the app's French catalogue.
    assert page.select_one("table caption").get_text() == (
        "Sessions du FR Day one (mardi 10 juin 2025), par heure de début et par salle. "
        "Heures : Europe/Brussels (CEST, UTC+02:00)."
    )
    assert page.select_one(".programme-filters button").get_text() == "Afficher les sessions"
    assert [a.get_text() for a in page.select(".programme-session__title")] == [
        "FR Using FOI to make climate risks known"
    ]
    assert [tag.get_text() for tag in page.select(".programme-session .tag")] == [
        "FR Climate change"
    ]
    assert [th.get_text() for th in page.select("thead th")][1:] == ["FR Main hall"]
    assert page.select_one(".programme-session__title")["href"] == (
        "/fr/tictec/tictec-2025/programme/using-foi-to-make-climate-risks-known/"
    )

    session_page = BeautifulSoup(client.get(french_session.url).content, "html.parser")
    assert [a["href"] for a in session_page.select(".speaker-list a")] == [
        "/fr/tictec/speakers/ada-lovelace/"
    ]
