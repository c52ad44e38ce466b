"""iCalendar and frab exports: they parse, carry correct times, and validate against the
published frab/c3voc schemas (the site never reads /work/shared; tests may)."""

import datetime
import json
import zoneinfo
from pathlib import Path

import icalendar
import jsonschema
import pytest
import xmlschema

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "frab"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture(scope="module")
def xml_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd"))


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((SCHEMAS / "schema.json").read_text())
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


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
