"""The demo content: TICTeC 2025 with a believable programme and TICTeC 2019 Paris,
loaded twice without duplicates; its exports pass the frab validators."""

import json

import icalendar
import pytest
from django.contrib.auth import get_user_model

from conference import demo
from conference.models import (
    AgendaFeedToken,
    ConferencePage,
    SessionPage,
    SessionStar,
    SpeakerPage,
)
from conference.programme import services
from home import demo as home_demo
from tests.schemas import frab_json_validator, frab_xml_schema

pytestmark = pytest.mark.django_db


def test_demo_content_loads_twice_and_its_exports_validate(client, home_page):
    demo.load()
    counts = (
        ConferencePage.objects.count(),
        SessionPage.objects.count(),
        SpeakerPage.objects.count(),
    )
    demo.load()

    assert (
        ConferencePage.objects.count(),
        SessionPage.objects.count(),
        SpeakerPage.objects.count(),
    ) == counts
    tictec = ConferencePage.objects.get(slug="tictec-2025")
    paris = ConferencePage.objects.get(slug="tictec-2019")
    assert (tictec.city, tictec.time_zone, tictec.online_participation) == (
        "Mechelen",
        "Europe/Brussels",
        True,
    )
    assert [theme.name for theme in tictec.themes.all()] == [
        "Access to information and open data",
        "Democracy, people and politics",
        "Climate change",
    ]
    assert [approach.name for approach in tictec.approaches.all()] == ["Defensive", "Constructive"]
    assert [(f.name, f.duration_minutes) for f in tictec.formats.all()][:3] == [
        ("20-minute presentation", 20),
        ("35-minute short workshop", 35),
        ("75-minute long workshop or panel", 75),
    ]
    assert tictec.days.count() == 2 and tictec.rooms.count() >= 3
    sessions = list(SessionPage.objects.live().descendant_of(tictec))
    assert len([s for s in sessions if not s.spans_all_rooms]) >= 30
    assert all(s.speaker_links.exists() for s in sessions if s.session_format.kind == "session")
    # A believable schedule: no clashes and nobody in two places at once.
    assert [s.title for s in sessions if services.find_room_clash(session=s)] == []
    assert [s.title for s in sessions if services.find_speaker_conflicts(session=s)] == []
    assert paris.is_past and paris.venue == "OECD Conference Centre"
    rosa = SpeakerPage.objects.get(slug="rosa-whitfield")
    assert [group["conference"].title for group in client.get(rosa.url).context["sessions"]] == [
        "TICTeC 2025",
        "TICTeC 2019 Paris",
    ]

    xml_schema = frab_xml_schema()
    validator = frab_json_validator()
    for conference in (tictec, paris):
        url = f"/en/tictec/{conference.slug}/programme/"
        xml = client.get(url + "schedule/xml/").content.decode()
        data = json.loads(client.get(url + "schedule/json/").content)
        calendar = icalendar.Calendar.from_ical(client.get(url + "schedule/ics/").content)

        xml_schema.validate(xml)
        assert [error.message for error in validator.iter_errors(data)] == []
        events = [
            event
            for day in data["schedule"]["conference"]["days"]
            for room_events in day["rooms"].values()
            for event in room_events
        ]
        assert len(events) == len(calendar.walk("VEVENT"))
        # Stable ids: the same in XML, JSON and iCalendar, and on every request.
        xml_guids = {
            event["@guid"]
            for day in xml_schema.to_dict(xml)["day"]
            for room in day["room"]
            for event in room.get("event", [])
        }
        assert xml_guids == {event["guid"] for event in events}
        assert {str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")} == xml_guids
        assert json.loads(client.get(url + "schedule/json/").content) == data

    keynote = next(
        event
        for day in json.loads(
            client.get("/en/tictec/tictec-2025/programme/schedule/json/").content
        )["schedule"]["conference"]["days"]
        for room_events in day["rooms"].values()
        for event in room_events
        if event["title"].startswith("Ten years of TICTeC")
    )
    assert (keynote["date"], keynote["duration"], keynote["room"]) == (
        "2025-06-10T09:30:00+02:00",
        "01:00",
        "Main hall",
    )
    assert [person["name"] for person in keynote["persons"]] == ["Miriam Okafor"]


def test_demo_sessions_have_materials_and_the_applicant_an_agenda_and_a_feed(client, home_page):
    home_demo.ensure_users()
    demo.load()
    demo.load()

    tictec = ConferencePage.objects.get(slug="tictec-2025")
    with_materials = [
        s.slug for s in SessionPage.objects.live().descendant_of(tictec) if s.has_materials
    ]
    assert sorted(with_materials) == [
        "foi-for-marginalised-groups",
        "following-the-money",
        "fossil-fuel-narratives",
        "ten-years-of-tictec",
    ]
    keynote = SessionPage.objects.get(slug="ten-years-of-tictec")
    assert keynote.video_player.src == "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    applicant = get_user_model().objects.get(email="applicant@example.org")
    assert SessionStar.objects.filter(user=applicant).count() == 4
    [token] = AgendaFeedToken.objects.active().filter(user=applicant)

    calendar = icalendar.Calendar.from_ical(
        client.get(f"/en/tictec/tictec-2025/programme/agenda/feed/{token.token}/").content
    )
    assert sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")) == [
        "Citizens’ assemblies on climate: what happens after the recommendations?",
        "Monitoring fossil-fuel narratives repeated by politicians",
        "Ten years of TICTeC: from civic tech to pro-democracy tech",
        "What ten organisations learned using FOI in their campaigns",
    ]
