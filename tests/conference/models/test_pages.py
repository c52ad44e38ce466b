"""Conference, session and speaker pages: what attendees see, and fixed query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from conference.factories import (
    ConferenceDayFactory,
    ConferencePageFactory,
    ProgrammePageFactory,
    RoomFactory,
    SessionFormatFactory,
    SessionPageFactory,
    SpeakerPageFactory,
)
from conference.models import (
    CallForProposalsPage,
    ConferenceIndexPage,
    ConferencePage,
    ProgrammePage,
    SessionPage,
    SessionSpeaker,
    SpeakerIndexPage,
    SpeakerPage,
    TicketsPage,
)
from conference.tickets.factories import TicketsPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


class TestPageTree(WagtailPageTestCase):
    def test_editors_can_only_build_the_conference_tree(self):
        self.assertAllowedParentPageTypes(ConferenceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConferenceIndexPage, {ConferencePage, SpeakerIndexPage})
        self.assertAllowedSubpageTypes(
            ConferencePage, {ProgrammePage, CallForProposalsPage, TicketsPage}
        )
        self.assertAllowedSubpageTypes(ProgrammePage, {SessionPage})
        self.assertAllowedParentPageTypes(SessionPage, {ProgrammePage})
        self.assertAllowedSubpageTypes(SessionPage, set())
        self.assertAllowedParentPageTypes(SpeakerPage, {SpeakerIndexPage})
        self.assertAllowedSubpageTypes(SpeakerPage, set())


def test_conference_index_separates_current_and_past_conferences_by_date(client, conference_index):
    next_year = datetime.date.today() + datetime.timedelta(days=365)
    ConferencePageFactory(
        parent=conference_index,
        title="TICTeC 2027",
        slug="tictec-2027",
        start_date=next_year,
        end_date=next_year,
    )
    ConferencePageFactory(
        parent=conference_index,
        title="TICTeC 2019 Paris",
        slug="tictec-2019",
        start_date=datetime.date(2019, 3, 19),
        end_date=datetime.date(2019, 3, 20),
        city="Paris",
        online_participation=False,
        # Staff never marked it past: its dates say so.
        status=ConferencePage.Status.PROGRAMME_PUBLISHED,
    )

    page = soup(client.get(conference_index.url))

    current, past = page.select("main section")
    assert [text(h) for h in current.select("h3")] == ["TICTeC 2027"]
    assert [text(h) for h in past.select("h3")] == ["TICTeC 2019 Paris"]
    assert [text(p) for p in past.select(".meta")] == ["19–20 March 2019 · Paris"]


def test_conference_page_shows_dates_place_registration_and_programme(client, tictec):
    page = soup(client.get(tictec.conference.url))

    assert [text(h) for h in page.select("h1")] == ["TICTeC 2025"]
    facts = {
        text(dt): text(dd) for dt, dd in zip(page.select("dt"), page.select("dd"), strict=True)
    }
    assert facts == {
        "When": "10–11 June 2025",
        "Where": "Lamot Congress Centre, Mechelen, Belgium",
        "Online": "You can also take part online.",
        "Status": "Programme published",
    }
    programme_link = page.select_one("#programme-heading + p a")
    assert programme_link["href"] == "/en/tictec/tictec-2025/programme/"


def test_session_page_names_the_time_zone_links_speakers_calendar_and_related_sessions(
    client, tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace", role="Researcher", organisation="mySociety")
    grace = speaker_factory("Grace Hopper", role="", organisation="Democracy Club")
    session = tictec.session(
        "Using FOI to make climate risks known",
        start="14:20",
        themes=[tictec.climate],
        speakers=[grace, ada],
        approach=tictec.defensive,
        abstract="<p>Batch requests to every council.</p>",
    )
    tictec.session("Climate assemblies", start="15:00", themes=[tictec.climate])
    tictec.session("Open contracting", start="15:00", room=tictec.studio, themes=[tictec.ati])

    page = soup(client.get(session.url))

    assert [text(h) for h in page.select("h1")] == ["Using FOI to make climate risks known"]
    facts = {
        text(dt): text(dd) for dt, dd in zip(page.select("dt"), page.select("dd"), strict=True)
    }
    assert facts == {
        "When": "Tuesday 10 June 2025, 14:20 – 14:40 Europe/Brussels time (CEST, UTC+02:00)",
        "Where": "Main hall, Lamot Congress Centre, Mechelen",
        "Format": "20-minute presentation (20 minutes)",
        "In person or online": "In person",
        "Themes": "Climate change",
        "Approach": "Defensive",
    }
    assert page.select_one("time")["datetime"] == "2025-06-10T14:20:00+02:00"
    calendar = page.select_one("a[download]")
    assert calendar["href"] == session.url + "calendar/"
    assert text(calendar) == "Add to calendar (iCalendar file)"
    assert [(text(a), a["href"]) for a in page.select(".speaker-list a")] == [
        ("Grace Hopper", "/en/tictec/speakers/grace-hopper/"),
        ("Ada Lovelace", "/en/tictec/speakers/ada-lovelace/"),
    ]
    assert [text(h) for h in page.select("#related-heading ~ ul h3")] == ["Climate assemblies"]


def test_session_page_queries_do_not_grow_with_speakers_or_related_sessions(
    client, tictec, speaker_factory
):
    few = tictec.session(
        "Few", start="09:00", themes=[tictec.climate], speakers=[speaker_factory("Only One")]
    )
    many = tictec.session(
        "Many",
        start="09:00",
        room=tictec.studio,
        themes=[tictec.climate, tictec.ati],
        speakers=[speaker_factory(f"Speaker {n}") for n in range(8)],
    )
    for n in range(6):
        tictec.session(f"Related {n}", start=None, day=None, room=None, themes=[tictec.climate])

    assert queries_for(client, few.url) == queries_for(client, many.url)
    assert queries_for(client, many.url) <= 30


def test_speaker_index_lists_speakers_with_a_fixed_number_of_queries(
    client, speaker_index, django_assert_max_num_queries
):
    SpeakerPageFactory(
        parent=speaker_index,
        title="Ada Lovelace",
        slug="ada",
        role="Researcher",
        organisation="mySociety",
    )
    small = queries_for(client, speaker_index.url)
    for n in range(25):
        SpeakerPageFactory(parent=speaker_index, title=f"Zed {n:02d}", slug=f"zed-{n}")

    with django_assert_max_num_queries(small):
        page = soup(client.get(speaker_index.url))

    names = [text(h) for h in page.select(".speaker-cards h2")]
    assert len(names) == 26
    assert names[0] == "Ada Lovelace"
    assert text(page.select_one(".speaker-cards .meta")) == "Researcher, mySociety"
    assert page.select_one(".speaker-cards a")["href"] == "/en/tictec/speakers/ada/"
    assert small <= 22


def test_speaker_page_lists_sessions_across_conferences_newest_first(
    client, tictec, conference_index, speaker_factory
):
    rosa = speaker_factory("Rosa Whitfield", organisation="mySociety", bio="Researches impact.")
    tictec.session("Measuring impact", start="11:35", speakers=[rosa])
    paris = ConferencePageFactory(
        parent=conference_index,
        title="TICTeC 2019 Paris",
        slug="tictec-2019",
        start_date=datetime.date(2019, 3, 19),
        end_date=datetime.date(2019, 3, 20),
        time_zone="Europe/Paris",
        status=ConferencePage.Status.PAST,
    )
    day = ConferenceDayFactory(conference=paris, date=datetime.date(2019, 3, 19))
    room = RoomFactory(conference=paris, name="Auditorium")
    talk = SessionFormatFactory(conference=paris, name="Presentation")
    programme_2019 = ProgrammePageFactory(parent=paris)
    offline = SessionPageFactory(
        parent=programme_2019,
        title="Meeting people where they are",
        slug="offline",
        session_format=talk,
        day=day,
        start_time=datetime.time(10, 45),
        room=room,
    )
    SessionSpeaker.objects.create(session=offline, speaker=rosa)

    page = soup(client.get(rosa.url))

    assert [text(h) for h in page.select("h1")] == ["Rosa Whitfield"]
    assert [text(h) for h in page.select("main section h3")] == [
        "TICTeC 2025",
        "TICTeC 2019 Paris",
    ]
    assert [text(a) for a in page.select("main section li a")] == [
        "Measuring impact",
        "Meeting people where they are",
    ]
    assert [text(span) for span in page.select("main section li .meta")] == [
        "Tuesday 10 June 2025, 11:35 · Main hall · 20-minute presentation",
        "Tuesday 19 March 2019, 10:45 · Auditorium · Presentation",
    ]


def test_registration_button_goes_to_the_tickets_page_without_an_external_link(client, tictec):
    next_year = datetime.date.today() + datetime.timedelta(days=365)
    tictec.conference.start_date = tictec.conference.end_date = next_year  # still to come
    tictec.conference.registration_url = ""
    tictec.conference.registration_text = "Early Bird tickets are available until 3rd March 2025."
    tictec.conference.save()
    TicketsPageFactory(parent=tictec.conference, title="Tickets", slug="tickets")

    page = soup(client.get(tictec.conference.url))

    assert text(page.select_one(".call-to-action p")) == (
        "Early Bird tickets are available until 3rd March 2025."
    )
    button = page.select_one(".call-to-action a.button")
    assert (text(button), button["href"]) == ("Register", "/en/tictec/tictec-2025/tickets/")
    assert [text(a) for a in page.select("#more-heading + ul a")] == ["Tickets"]


def test_a_past_conference_offers_no_registration(client, tictec):
    TicketsPageFactory(parent=tictec.conference, title="Tickets", slug="tickets")

    page = soup(client.get(tictec.conference.url))  # 10-11 June 2025 is over

    assert page.select(".call-to-action") == []
