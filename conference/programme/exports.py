"""Programme exports: iCalendar (RFC 5545) and the frab/c3voc schedule (XML and JSON).

Identifiers are stable: a session's ``translation_key`` (a UUID shared by its
translations) is its iCalendar UID and frab ``guid``; its page id is the frab ``id``;
rooms use their own ``translation_key`` as ``guid``.
"""

import datetime
import html
import json
import re
import xml.etree.ElementTree as ET  # builds documents, never parses untrusted XML

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from icalendar import Calendar, Event

from conference.models import SessionPage

GENERATOR = "mySociety TICTeC site"
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>", re.IGNORECASE)


def rich_text_to_plain(value):
    """Rich text (HTML) as readable plain text: paragraphs kept apart, entities decoded."""
    text = BLOCK_END.sub("\n\n", str(value or ""))
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _session_location(session, conference):
    place = ", ".join(part for part in (conference.venue, conference.city) if part)
    if session.attendance == SessionPage.Attendance.REMOTE:
        return "Online"
    room = session.room.name if session.room_id else ""
    return ", ".join(part for part in (room, place) if part)


def _session_description(session, url):
    lines = [rich_text_to_plain(session.abstract)]
    speakers = ", ".join(speaker.title for speaker in getattr(session, "speaker_list", []))
    if speakers:
        lines.append(f"Speakers: {speakers}")
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


# iCalendar ------------------------------------------------------------------------


def calendar_for_sessions(*, conference, sessions, url_for, host, name):
    """An iCalendar document (bytes) with one VEVENT per scheduled session and the
    VTIMEZONE of the conference's time zone."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{GENERATOR}//{conference.acronym}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", conference.time_zone)
    tz = conference.tz
    now = timezone.now()
    for session in sessions:
        if not session.is_scheduled:
            continue
        url = url_for(session)
        event = Event()
        event.add("uid", f"{session.translation_key}@{host}")
        event.add("dtstamp", session.last_published_at or now)
        event.add("dtstart", session.local_start(tz))
        event.add("dtend", session.local_end(tz))
        event.add("summary", session.title)
        event.add("description", _session_description(session, url))
        event.add("location", _session_location(session, conference))
        event.add("url", url)
        themes = [theme.name for theme in getattr(session, "theme_list", [])]
        if themes:
            event.add("categories", themes)
        calendar.add_component(event)
    # Only the transitions around the conference, not every one since 1970.
    margin = datetime.timedelta(days=366)
    calendar.add_missing_timezones(
        first_date=conference.start_date - margin, last_date=conference.end_date + margin
    )
    return calendar.to_ical()


# frab -----------------------------------------------------------------------------


def _hhmm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _event_slug(conference, session):
    title = slugify(session.title)[:60].strip("-_") or "session"
    return f"{conference.acronym.replace('-', '_')}-{session.pk}-{title}"


def _day_bounds(day, sessions, tz):
    start = datetime.datetime.combine(day.date, day.starts_at, tzinfo=tz)
    end = datetime.datetime.combine(day.date, day.ends_at, tzinfo=tz)
    for session in sessions:
        start = min(start, session.local_start(tz))
        end = max(end, session.local_end(tz))
    return start, end


def frab_schedule(*, conference, taxonomies, sessions, url_for, programme_url, language):
    """The schedule as plain data in the frab JSON shape (``schedule.json``)."""
    tz = conference.tz
    rooms = taxonomies.rooms
    default_room = rooms[0] if rooms else None
    scheduled = [session for session in sessions if session.is_scheduled]
    versions = [session.last_published_at for session in scheduled if session.last_published_at]
    version = max(versions).isoformat() if versions else conference.start_date.isoformat()

    days = []
    for index, day in enumerate(taxonomies.days, start=1):
        day_sessions = [session for session in scheduled if session.day_id == day.pk]
        day_start, day_end = _day_bounds(day, day_sessions, tz)
        by_room = {}
        for session in day_sessions:
            room = session.room if session.room_id else default_room
            room_name = room.name if room else ""
            by_room.setdefault(room_name, []).append(
                _frab_event(conference, session, room_name, url_for, language)
            )
        days.append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": by_room,
            }
        )

    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {
            "version": version,
            "base_url": programme_url,
            "conference": {
                "acronym": conference.acronym,
                "title": conference.title,
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:05",
                "time_zone_name": conference.time_zone,
                "url": programme_url,
                "tracks": [
                    {"name": theme.name, "slug": slugify(theme.slug)} for theme in taxonomies.themes
                ],
                "rooms": [
                    {
                        "name": room.name,
                        "slug": slugify(room.slug),
                        "guid": str(room.translation_key),
                    }
                    for room in rooms
                ],
                "days": days,
            },
        },
    }


def _frab_event(conference, session, room_name, url_for, language):
    tz = conference.tz
    url = url_for(session)
    themes = getattr(session, "theme_list", [])
    links = []
    if session.slides_url:
        links.append({"type": "slides", "url": session.slides_url, "title": "Slides"})
    if session.video_url:
        links.append({"type": "media", "url": session.video_url, "title": "Video"})
    return {
        "guid": str(session.translation_key),
        "id": session.pk,
        "date": session.local_start(tz).isoformat(),
        "start": session.start_time.strftime("%H:%M"),
        "end": session.local_end(tz).isoformat(),
        "duration": _hhmm(session.length_minutes),
        "room": room_name,
        "slug": _event_slug(conference, session),
        "url": url,
        "title": session.title,
        "subtitle": "",
        "track": themes[0].name if themes else session.session_format.name,
        "type": session.session_format.name,
        "language": language,
        "abstract": rich_text_to_plain(session.abstract),
        "description": "",
        "persons": [
            {"name": speaker.title, "guid": str(speaker.translation_key), "id": speaker.pk}
            for speaker in getattr(session, "speaker_list", [])
        ],
        "links": links,
    }


def frab_json(schedule):
    return json.dumps(schedule, ensure_ascii=False, indent=1)


def frab_xml(schedule):
    """The same schedule as frab ``schedule.xml`` (bytes)."""
    data = schedule["schedule"]
    conference = data["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    ET.SubElement(root, "version").text = data["version"]
    conf = ET.SubElement(root, "conference")
    for key in ("acronym", "title", "start", "end"):
        ET.SubElement(conf, key).text = conference[key]
    ET.SubElement(conf, "days").text = str(conference["daysCount"])
    ET.SubElement(conf, "timeslot_duration").text = conference["timeslot_duration"]
    ET.SubElement(conf, "base_url").text = data["base_url"]
    ET.SubElement(conf, "url").text = conference["url"]
    ET.SubElement(conf, "time_zone_name").text = conference["time_zone_name"]
    for track in conference["tracks"]:
        ET.SubElement(conf, "track", name=track["name"], slug=track["slug"]).text = track["name"]
    room_guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for room_name, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", name=room_name)
            if room_name in room_guids:
                room_element.set("guid", room_guids[room_name])
            for event in events:
                _frab_xml_event(room_element, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _frab_xml_event(parent, event):
    element = ET.SubElement(parent, "event", guid=event["guid"], id=str(event["id"]))
    for key in (
        "date",
        "start",
        "duration",
        "room",
        "slug",
        "url",
        "title",
        "subtitle",
        "track",
        "type",
        "language",
        "abstract",
        "description",
    ):
        ET.SubElement(element, key).text = event[key] or ""
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        ET.SubElement(persons, "person", id=str(person["id"]), guid=person["guid"]).text = person[
            "name"
        ]
    links = ET.SubElement(element, "links")
    for link in event["links"]:
        ET.SubElement(links, "link", href=link["url"], type=link["type"]).text = link["title"]
    ET.SubElement(element, "attachments")
