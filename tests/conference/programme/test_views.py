"""Pages whose content comes from the programme's selectors are served by
conference.programme.views (the page names its view): on the site and in the editor's
preview (ServedByView.serve_preview; Wagtail's own renders without ``serve``)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from conference.factories import ConferencePageFactory

pytestmark = pytest.mark.django_db


def texts(response, selector):
    response.render()
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(node.get_text(" ", strip=True).split()) for node in page.select(selector)]


def test_a_speaker_page_lists_their_sessions_on_the_site_and_in_preview(
    client, tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace")
    tictec.session("Panel on donations", start="11:00", speakers=[ada])

    served = client.get(ada.url)
    previewed = ada.make_preview_request()

    for response in (served, previewed):
        assert texts(response, "main li a") == ["Speakers", "Panel on donations"]
        assert texts(response, "main h3") == ["TICTeC 2025"]


def test_a_session_page_names_its_speakers_on_the_site_and_in_preview(
    client, tictec, speaker_factory
):
    session = tictec.session(
        "Panel on donations", start="11:00", speakers=[speaker_factory("Ada Lovelace")]
    )

    for response in (client.get(session.url), session.make_preview_request()):
        assert texts(response, ".speaker-list a") == ["Ada Lovelace"]


def test_the_speaker_index_and_conference_index_list_their_pages(
    client, tictec, speaker_factory, speaker_index, conference_index
):
    speaker_factory("Grace Hopper")
    speaker_factory("Ada Lovelace")
    ConferencePageFactory(
        parent=conference_index,
        title="TICTeC 2019",
        slug="tictec-2019",
        acronym="tictec2019",
        start_date=datetime.date(2019, 3, 20),
        end_date=datetime.date(2019, 3, 21),
    )

    speakers = client.get(speaker_index.url)
    conferences = [client.get(conference_index.url), conference_index.make_preview_request()]

    assert texts(speakers, ".speaker-cards h2 a") == ["Ada Lovelace", "Grace Hopper"]
    for response in conferences:
        listed = texts(response, "section[aria-labelledby] .card h3")
        assert sorted(listed) == ["TICTeC 2019", "TICTeC 2025"]
