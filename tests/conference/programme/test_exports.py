"""iCalendar and frab exports: they parse, carry correct times, and validate against the
published frab/c3voc schemas (vendored in tests/schemas/frab)."""

import datetime
import json
import zoneinfo

import icalendar
import pytest

from tests.schemas import frab_json_validator, frab_xml_schema

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def test_session_calendar_file_has_the_time_zone_place_link_and_description(
    client, tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace")
    session = tictec.session(
        "Using FOI to make climate risks known",
        start="14:20",
        themes=[tictec.climate],
        speakers=[ada],
        abstract="<p>Batch requests to every council about flood &amp; heat risks.</p>",
    )

    response = client.get(session.url + "calendar/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="using-foi-to-make-climate-risks-known.ics"'
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.datetime(2025, 6, 10, 14, 20, tzinfo=BRUSSELS)
    assert event.decoded("DTSTART").astimezone(datetime.UTC).time() == datetime.time(12, 20)
    assert event.decoded("DTEND") == datetime.datetime(2025, 6, 10, 14, 40, tzinfo=BRUSSELS)
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert str(event["UID"]) == f"{session.translation_key}@localhost"
    assert str(event["SUMMARY"]) == "Using FOI to make climate risks known"
    assert str(event["LOCATION"]) == "Main hall, Lamot Congress Centre, Mechelen"
    assert str(event["URL"]) == (
        "http://localhost/en/tictec/tictec-2025/programme/using-foi-to-make-climate-risks-known/"
    )
    assert str(event["DESCRIPTION"]) == (
        "Batch requests to every council about flood & heat risks.\n\n"
        "Speakers: Ada Lovelace\n\n"
        "http://localhost/en/tictec/tictec-2025/programme/using-foi-to-make-climate-risks-known/"
    )
    assert event["CATEGORIES"].cats == ["Climate change"]


def test_programme_calendar_has_one_event_per_scheduled_session(client, tictec):
    tictec.session("Morning talk", start="09:00")
    tictec.session("Remote talk", start="09:00", room=tictec.studio, attendance="remote")
    tictec.session("Unplaced", start=None, day=None, room=None)

    calendar = icalendar.Calendar.from_ical(
        client.get(tictec.programme.url + "schedule/ics/").content
    )

    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == ["Morning talk", "Remote talk"]
    assert str(events["Remote talk"]["LOCATION"]) == "Online"
    assert str(calendar["X-WR-CALNAME"]) == "TICTeC 2025"


def test_frab_xml_and_json_validate_against_the_published_schemas(client, tictec):
    tictec.session("Morning talk", start="09:00")
    tictec.session("Remote talk", start="10:00", room=tictec.studio, attendance="remote")

    xml = client.get(tictec.programme.url + "schedule/xml/").content.decode()
    data = json.loads(client.get(tictec.programme.url + "schedule/json/").content)

    frab_xml_schema().validate(xml)
    assert [error.message for error in frab_json_validator().iter_errors(data)] == []
    titles = sorted(
        event["title"]
        for day in data["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    )
    assert titles == ["Morning talk", "Remote talk"]
