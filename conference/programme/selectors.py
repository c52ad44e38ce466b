"""Reads for public pages: each runs a fixed number of queries whatever the programme's size."""

import dataclasses
import datetime
from collections import defaultdict
from itertools import groupby
from urllib.parse import urlencode

from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from conference.models import (
    ConferencePage,
    ProgrammePage,
    SessionPage,
    SessionSpeaker,
    SpeakerIndexPage,
    SpeakerPage,
)
from home import page_cache
from home.selectors import localized_pages


@dataclasses.dataclass
class Taxonomies:
    """A conference's days, rooms, formats, themes and approaches in its locale."""

    days: list
    rooms: list
    formats: list
    themes: list
    approaches: list

    @classmethod
    def for_conference(cls, conference):
        return cls(
            days=list(conference.days.all()),
            rooms=list(conference.rooms.all()),
            formats=list(conference.formats.all()),
            themes=list(conference.themes.all()),
            approaches=list(conference.approaches.all()),
        )


def conference_for(page):
    """The ConferencePage above ``page`` (a programme or session)."""
    return ConferencePage.objects.ancestor_of(page, inclusive=True).get()


def conference_and_taxonomies(page):
    """The conference above ``page`` and its days, rooms, formats, themes and approaches:
    six queries the first time, then none until the next publish (they change only when
    the conference is published), so the programme, its exports and the now-and-next
    view read them from the cache."""
    return page_cache.remember(
        ("conference-taxonomies", page.path),
        lambda: _conference_and_taxonomies(page),
    )


def _conference_and_taxonomies(page):
    conference = conference_for(page)
    return conference, Taxonomies.for_conference(conference)


# Conference index ----------------------------------------------------------------


def conference_index(*, index_page):
    conferences = list(
        ConferencePage.objects.live().public().child_of(index_page).order_by("-start_date")
    )
    return {
        "current_conferences": sorted(
            (conference for conference in conferences if not conference.is_past),
            key=lambda conference: conference.start_date,
        ),
        "past_conferences": [conference for conference in conferences if conference.is_past],
    }


# Programme -------------------------------------------------------------------------


@dataclasses.dataclass
class ProgrammeFilters:
    """The attendee's filter choices, read from the query string (no JavaScript needed)."""

    FIELDS = ("theme", "format", "approach", "room", "attendance", "agenda")

    values: dict
    # The person's starred sessions' translation keys; None when their stars are kept in
    # their browser, where the page's script applies ``agenda`` instead.
    starred: frozenset | None = None

    @classmethod
    def from_query(cls, query, taxonomies, *, starred=None):
        allowed = {
            "theme": {theme.slug: theme.name for theme in taxonomies.themes},
            "format": {fmt.slug: fmt.name for fmt in taxonomies.formats},
            "approach": {approach.slug: approach.name for approach in taxonomies.approaches},
            "room": {room.slug: room.name for room in taxonomies.rooms},
            "attendance": {
                SessionPage.Attendance.IN_PERSON: _("In person"),
                SessionPage.Attendance.REMOTE: _("Online"),
            },
            "agenda": {"1": _("In my agenda")},
        }
        values = {}
        for field in cls.FIELDS:
            value = query.get(field, "")
            if value in allowed[field]:
                values[field] = (value, allowed[field][value])
        return cls(values=values, starred=starred)

    def __bool__(self):
        return bool(self.values)

    def selected(self, field):
        return self.values.get(field, ("", ""))[0]

    def apply(self, sessions):
        if "theme" in self.values:
            sessions = sessions.filter(themes__slug=self.selected("theme"))
        if "format" in self.values:
            sessions = sessions.filter(session_format__slug=self.selected("format"))
        if "approach" in self.values:
            sessions = sessions.filter(approach__slug=self.selected("approach"))
        if "room" in self.values:
            # Keynotes, plenaries and breaks happen in every room.
            sessions = sessions.filter(
                Q(room__slug=self.selected("room")) | ~Q(session_format__kind="session")
            )
        if "attendance" in self.values:
            sessions = sessions.filter(
                attendance__in=[self.selected("attendance"), SessionPage.Attendance.HYBRID]
            )
        if "agenda" in self.values and self.starred is not None:
            sessions = sessions.filter(translation_key__in=self.starred)
        return sessions

    def active(self):
        """Each active filter with the query string that removes it."""
        labels = {
            "theme": _("Theme"),
            "format": _("Format"),
            "approach": _("Approach"),
            "room": _("Room"),
            "attendance": _("In person or online"),
            "agenda": _("Sessions"),
        }
        active = []
        for field, (_value, label) in self.values.items():
            remaining = {key: value for key, (value, _label) in self.values.items() if key != field}
            active.append(
                {
                    "field": labels[field],
                    "label": label,
                    "remove_query": f"?{urlencode(remaining)}" if remaining else "?",
                }
            )
        return active


# The columns the programme table and the exports read; everything else stays in the database.
SESSION_LISTING_FIELDS = [
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "translation_key",
    "live",
    "last_published_at",
    "abstract",
    "session_format_id",
    "approach_id",
    "day_id",
    "start_time",
    "duration_minutes",
    "room_id",
    "attendance",
    "slides_url",
    "video_url",
    "notes",
]


def names_in_active_language(*, rows):
    """{translation_key: name} of the same taxonomy rows (themes, formats, approaches) in
    the visitor's language, where the conference is translated: a form built on the
    English conference's rows labels its choices with these. One query."""
    locale = Locale.get_active()
    return dict(
        rows.model.objects.filter(
            translation_key__in=rows.values("translation_key"), locale=locale
        ).values_list("translation_key", "name")
    )


def programme_sessions(*, programme):
    """Live sessions of a programme, in time order. Formats, rooms, days, themes and
    speakers are attached by ``attach_details`` from rows already loaded."""
    # Not .public(), which loads every privacy restriction on the site first: whoever sees
    # the programme passed its own (and its ancestors') restrictions, so only a session's
    # own restriction can hide it, and that is a join.
    return (
        SessionPage.objects.live()
        .child_of(programme)
        .filter(view_restrictions__isnull=True)
        .only(*SESSION_LISTING_FIELDS)
        # An alias (a session not translated yet) shows its source's title: the listing
        # marks it with that language (a join, no query).
        .annotate(source_language=F("alias_of__locale__language_code"))
        .order_by("day__date", "start_time", "room__sort_order", "title")
    )


class SessionRow:
    """A session as the programme table and now-and-next list it: its columns from one
    ``values()`` query (building 150 SessionPage instances costs a tenth of the page),
    with the page type's own properties for what is worked out from them."""

    def __init__(self, values):
        self.__dict__.update(values)
        self.pk = self.id

    is_scheduled = SessionPage.is_scheduled
    spans_all_rooms = SessionPage.spans_all_rooms
    length_minutes = SessionPage.length_minutes
    end_time = SessionPage.end_time
    has_materials = SessionPage.has_materials
    local_start = SessionPage.local_start
    local_end = SessionPage.local_end


def session_rows(sessions):
    """SessionRow objects for a queryset of :func:`programme_sessions` (filtered or not)."""
    return [
        SessionRow(values) for values in sessions.values(*SESSION_LISTING_FIELDS, "source_language")
    ]


@dataclasses.dataclass(frozen=True)
class SpeakerRef:
    """What listings and exports need of a speaker, without loading the whole page."""

    pk: int
    title: str
    slug: str
    translation_key: object
    locale_id: int


def attach_details(sessions, taxonomies, *, locale_id):
    """Set each session's format, room, day and approach from the conference's taxonomy
    rows, and ``theme_list`` and ``speaker_list`` (localised, in order). Two queries (three
    when some speakers are not yet translated into ``locale_id``), whatever the number of
    sessions. A session not yet translated (an alias of the English one) still points at
    the English conference's rows: one more query per kind of row maps them to this
    conference's by translation key."""
    by_id = {
        "session_format": {row.pk: row for row in taxonomies.formats},
        "room": {row.pk: row for row in taxonomies.rooms},
        "day": {row.pk: row for row in taxonomies.days},
        "approach": {row.pk: row for row in taxonomies.approaches},
    }
    for field, rows in by_id.items():
        rows.update(_rows_of_other_languages(sessions, field, rows))
    session_ids = [session.pk for session in sessions]
    themes_by_key = {theme.translation_key: theme for theme in taxonomies.themes}
    theme_rows = (
        SessionPage.themes.through.objects.filter(sessionpage_id__in=session_ids)
        .order_by("theme__sort_order")
        .values_list("sessionpage_id", "theme__translation_key")
    )
    themes = defaultdict(list)
    for session_id, key in theme_rows:
        if key in themes_by_key:
            themes[session_id].append(themes_by_key[key])
    speaker_rows = (
        SessionSpeaker.objects.filter(session_id__in=session_ids)
        .order_by("session_id", "sort_order")
        .values_list(
            "session_id",
            "speaker_id",
            "speaker__title",
            "speaker__slug",
            "speaker__translation_key",
            "speaker__locale_id",
        )
    )
    speakers = defaultdict(list)
    for session_id, *speaker in speaker_rows:
        speakers[session_id].append(SpeakerRef(*speaker))
    localized = localize_speaker_refs(
        [speaker for people in speakers.values() for speaker in people], locale_id=locale_id
    )
    for session in sessions:
        for field, rows in by_id.items():
            row = rows.get(getattr(session, f"{field}_id"))
            if row is not None:
                setattr(session, field, row)
                # As a page's foreign key does (a SessionRow's does not follow by itself).
                setattr(session, f"{field}_id", row.pk)
        session.theme_list = themes[session.pk]
        session.speaker_list = [localized.get(ref.pk, ref) for ref in speakers[session.pk]]
    return sessions


def _rows_of_other_languages(sessions, field, rows):
    """{pk: this conference's row} for the ``field`` rows sessions point at that are not
    this conference's (another language's), matched by translation key. No query when
    every session points at this conference's rows."""
    foreign = {getattr(session, f"{field}_id") for session in sessions} - set(rows) - {None}
    if not foreign:
        return {}
    by_key = {row.translation_key: row for row in rows.values()}
    model = SessionPage._meta.get_field(field).related_model
    return {
        pk: by_key[key]
        for pk, key in model.objects.filter(pk__in=foreign).values_list("pk", "translation_key")
        if key in by_key
    }


def localize_speaker_refs(refs, *, locale_id):
    """Speakers linked from a translated session may still be the source-language pages:
    swap in their live translations. No query when every speaker is already local."""
    foreign = {ref.translation_key: ref for ref in refs if ref.locale_id != locale_id}
    if not foreign:
        return {}
    translations = (
        SpeakerPage.objects.live()
        .filter(locale_id=locale_id, translation_key__in=foreign)
        .values_list("pk", "title", "slug", "translation_key", "locale_id")
    )
    localized = {row[3]: SpeakerRef(*row) for row in translations}
    return {ref.pk: localized[key] for key, ref in foreign.items() if key in localized}


def attach_labels(sessions):
    """What a session's card shows, worked out once per session in Python rather than by
    template tags and filters (rendering 150 cards dominates the programme's time): times
    as “09:30”, the speakers' names, whether and how it is followed online, the language
    of a title not translated yet (for ``lang``), and whether it is a break (no star)."""
    language = translation.get_language()
    attendance_labels = {
        SessionPage.Attendance.REMOTE: gettext("Online"),
        SessionPage.Attendance.HYBRID: gettext("In person and online"),
    }
    for session in sessions:
        if session.start_time:
            session.start_label = session.start_time.strftime("%H:%M")
            session.end_label = session.end_time.strftime("%H:%M")
        session.speaker_names = ", ".join(speaker.title for speaker in session.speaker_list)
        session.attendance_label = attendance_labels.get(session.attendance, "")
        source = getattr(session, "source_language", None)
        session.title_language = source if source and source != language else ""
        session.is_break = session.session_format_id is not None and (
            session.session_format.kind == "break"
        )
    return sessions


class SessionCard(dict):
    """What a session's card shows, as plain values: a template reads each with one dict
    lookup (a model attribute costs it several tries); Python code reads attributes."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def session_card(session):
    """The :class:`SessionCard` of a session that went through attach_details and
    attach_labels and was given its ``room_label``."""
    return SessionCard(
        {
            "translation_key": session.translation_key,
            "slug": session.slug,
            "title": session.title,
            "title_language": session.title_language,
            "kind": session.session_format.kind if session.session_format_id else "",
            "format_name": session.session_format.name if session.session_format_id else "",
            "start_label": getattr(session, "start_label", ""),
            "end_label": getattr(session, "end_label", ""),
            "room_label": session.room_label,
            "attendance_label": session.attendance_label,
            "themes": [theme.name for theme in session.theme_list],
            "speaker_names": session.speaker_names,
            "is_break": session.is_break,
            "is_starred": getattr(session, "is_starred", False),
            "has_materials": session.has_materials,
            "slides_url": session.slides_url,
            "video_url": session.video_url,
            "notes": bool(session.notes),
        }
    )


@dataclasses.dataclass
class ScheduleCell:
    """A cell of the programme table: the sessions in one room at one time (``colspan``
    above 1 for keynotes, plenaries and breaks, which happen in every room)."""

    sessions: list
    colspan: int = 1


@dataclasses.dataclass
class ScheduleRow:
    """A row of the programme table: a start time and a cell per room in use that day, or
    one cell across them all (``all_rooms``)."""

    time_label: str
    cells: list
    all_rooms: bool = False


@dataclasses.dataclass
class ScheduleDay:
    day: object
    rooms: list
    rows: list
    anchor: str = ""

    @property
    def column_count(self):
        return max(len(self.rooms), 1)


def build_schedule(sessions, taxonomies):
    """Group scheduled sessions into one table per day: a row per start time and a column
    per room in use that day; keynotes, plenaries and breaks at that time get a row of
    their own before it, one cell across every column. Cells hold each session's card
    (:func:`session_card`)."""
    days = {day.pk: day for day in taxonomies.days}
    scheduled = [session for session in sessions if session.is_scheduled and session.day_id in days]
    all_rooms_label = gettext("All rooms")
    schedule = []
    for day_id, day_sessions in groupby(scheduled, key=lambda session: session.day_id):
        day_sessions = list(day_sessions)
        used_rooms = {session.room_id for session in day_sessions if not session.spans_all_rooms}
        rooms = [room for room in taxonomies.rooms if room.pk in used_rooms]
        column = {room.pk: index for index, room in enumerate(rooms)}
        rows = []
        for time, at_time in groupby(day_sessions, key=lambda session: session.start_time):
            time_label = time.strftime("%H:%M")
            spanning, cells = [], [[] for _room in rooms]
            for session in at_time:
                if session.spans_all_rooms or session.room_id not in column:
                    session.room_label = all_rooms_label
                    spanning.append(session)
                else:
                    session.room_label = session.room.name
                    cells[column[session.room_id]].append(session)
            if spanning:
                cell = ScheduleCell(
                    sessions=[session_card(session) for session in spanning],
                    colspan=max(len(rooms), 1),
                )
                rows.append(ScheduleRow(time_label=time_label, cells=[cell], all_rooms=True))
            if any(cells):
                row_cells = [
                    ScheduleCell(sessions=[session_card(session) for session in cell])
                    for cell in cells
                ]
                rows.append(ScheduleRow(time_label=time_label, cells=row_cells))
        day = days[day_id]
        schedule.append(
            ScheduleDay(day=day, rooms=rooms, rows=rows, anchor=f"day-{day.date.isoformat()}")
        )
    return schedule


def programme(*, programme, query, starred=None):
    """The programme table. ``starred``: the translation keys of the sessions the person
    starred, when kept on the server (None: their browser keeps them, nothing is starred
    in the page and its script applies the ``agenda`` filter)."""
    conference, taxonomies = conference_and_taxonomies(programme)
    filters = ProgrammeFilters.from_query(query, taxonomies, starred=starred)
    sessions = session_rows(filters.apply(programme_sessions(programme=programme)))
    attach_details(sessions, taxonomies, locale_id=programme.locale_id)
    attach_labels(sessions)
    for session in sessions:
        session.is_starred = starred is not None and session.translation_key in starred
    return {
        "conference": conference,
        "taxonomies": taxonomies,
        "filters": filters,
        "active_filters": filters.active(),
        "attendance_choices": [
            (SessionPage.Attendance.IN_PERSON, _("In person")),
            (SessionPage.Attendance.REMOTE, _("Online")),
        ],
        "schedule": build_schedule(sessions, taxonomies),
        # Once it has taken place, the programme is the conference's archive.
        "is_archive": conference.is_past,
        "session_count": len(sessions),
        "unscheduled": [session for session in sessions if not session.is_scheduled],
        "time_zone": time_zone_label(conference),
    }


def time_zone_offset(conference):
    """“CEST, UTC+02:00”: the zone's abbreviation and offset on the conference's first day."""
    moment = datetime.datetime.combine(
        conference.start_date, datetime.time(12), tzinfo=conference.tz
    )
    offset = moment.strftime("%z")
    return f"{moment.tzname()}, UTC{offset[:3]}:{offset[3:]}"


def time_zone_label(conference):
    """“Europe/Brussels (CEST, UTC+02:00)”."""
    return f"{conference.time_zone} ({time_zone_offset(conference)})"


# Now and next ----------------------------------------------------------------------

NOW_AND_NEXT_WINDOW = datetime.timedelta(minutes=60)


@dataclasses.dataclass
class RoomNow:
    """A room's sessions at one moment: those running and those starting soon. ``room``
    is None for keynotes, plenaries and breaks (and sessions without a room): every room."""

    room: object
    running: list
    starting: list

    @property
    def every_room(self):
        return self.room is None


def now_and_next(*, programme, now=None, window=NOW_AND_NEXT_WINDOW):
    """What is on at ``now`` (default: this moment) where the conference happens, whatever
    the visitor's or the server's time zone: per room, the sessions running and those
    starting within ``window`` (a session starting exactly ``window`` later included).
    Before the conference, when it starts; after it, that it has ended. At most eleven
    queries, whatever the size of the programme."""
    conference, taxonomies = conference_and_taxonomies(programme)
    local_now = (now or timezone.now()).astimezone(conference.tz)
    today = local_now.date()
    first_day = taxonomies.days[0] if taxonomies.days else None
    result = {
        "conference": conference,
        "now": local_now,
        "now_label": local_now.strftime("%H:%M"),
        "today": today,
        "time_zone": time_zone_label(conference),
        "rooms": [],
        "later": None,
        "doors_open": (
            first_day.starts_at if first_day and first_day.date == conference.start_date else None
        ),
    }
    if today < conference.start_date:
        return {**result, "state": "before"}
    if today > conference.end_date:
        return {**result, "state": "after"}

    horizon = local_now + window
    days = [day.pk for day in taxonomies.days if day.date >= today]
    sessions = session_rows(
        programme_sessions(programme=programme).filter(day_id__in=days, start_time__isnull=False)
    )
    attach_details(sessions, taxonomies, locale_id=programme.locale_id)
    attach_labels(sessions)
    all_rooms_label = gettext("All rooms")
    every_room = RoomNow(room=None, running=[], starting=[])
    rooms = {room.pk: RoomNow(room=room, running=[], starting=[]) for room in taxonomies.rooms}
    later = None
    for session in sessions:  # in time order
        starts, ends = session.local_start(conference.tz), session.local_end(conference.tz)
        if starts <= local_now < ends:
            running = True
        elif local_now < starts <= horizon:
            running = False
        else:
            if later is None and starts > horizon:
                later = session
            continue
        group = every_room
        if not session.spans_all_rooms and session.room_id in rooms:
            group = rooms[session.room_id]
        session.room_label = group.room.name if group.room else all_rooms_label
        (group.running if running else group.starting).append(session_card(session))
    groups = [group for group in (every_room, *rooms.values()) if group.running or group.starting]
    return {**result, "state": "during", "rooms": groups, "later": later}


# Session --------------------------------------------------------------------------


def session_detail(*, session):
    conference = conference_for(session)
    # The served page comes from Wagtail's router without its foreign keys: one query
    # for all four instead of one each when the template reads them.
    related_rows = (
        SessionPage.objects.select_related("session_format", "room", "day", "approach")
        .only("pk", "session_format", "room", "day", "approach")
        .get(pk=session.pk)
    )
    for field in ("session_format", "room", "day", "approach"):
        setattr(session, field, getattr(related_rows, field))
    themes = list(session.themes.all())
    theme_keys = [theme.translation_key for theme in themes]
    localized_themes = {
        theme.translation_key: theme
        for theme in conference.themes.filter(translation_key__in=theme_keys)
    }
    links = SessionSpeaker.objects.filter(session=session).select_related(
        "speaker", "speaker__photo"
    )
    speakers = [link.speaker for link in links.order_by("sort_order")]
    localized = localized_pages(speakers, locale_id=session.locale_id)
    related = []
    if theme_keys:
        related = list(
            SessionPage.objects.live()
            .public()
            .sibling_of(session, inclusive=False)
            .filter(themes__translation_key__in=theme_keys)
            .select_related("session_format", "room", "day")
            .distinct()
            .order_by("day__date", "start_time", "title")[:4]
        )
    return {
        "conference": conference,
        "programme": session.get_parent(),
        "session_themes": [
            localized_themes.get(key, theme) for key, theme in zip(theme_keys, themes, strict=True)
        ],
        "speakers": [localized[speaker.pk] for speaker in speakers],
        "related_sessions": related,
        "time_zone": time_zone_label(conference),
        "time_zone_offset": time_zone_offset(conference),
        "starts_at": session.local_start(conference.tz),
        "ends_at": session.local_end(conference.tz),
    }


# Speakers -------------------------------------------------------------------------


def speaker_index(*, index_page):
    return list(
        SpeakerPage.objects.live()
        .public()
        .child_of(index_page)
        .select_related("photo")
        .prefetch_related("photo__renditions")
        .order_by("title")
    )


def speaker_sessions(*, speaker):
    """The speaker's live sessions in the speaker page's locale, grouped by conference
    (most recent first). Three queries."""
    sessions = list(
        SessionPage.objects.live()
        .public()
        .filter(locale_id=speaker.locale_id)
        .filter(speaker_links__speaker__translation_key=speaker.translation_key)
        .select_related("session_format", "room", "day")
        .distinct()
        .order_by("day__date", "start_time", "title")
    )
    # A session's conference is its grandparent: ProgrammePage → ConferencePage.
    step = SessionPage.steplen
    conference_paths = {session.path[: -2 * step] for session in sessions}
    conferences = {
        conference.path: conference
        for conference in ConferencePage.objects.filter(path__in=conference_paths)
    }
    grouped = defaultdict(list)
    for session in sessions:
        grouped[session.path[: -2 * step]].append(session)
    return [
        {"conference": conferences[path], "sessions": grouped[path]}
        for path in sorted(grouped, key=lambda path: conferences[path].start_date, reverse=True)
        if path in conferences
    ]


# Home page -------------------------------------------------------------------------


def next_conference(*, locale_id, default_locale_id, now=None):
    """The conference the home page leads with: the next or current one by its dates (in
    its own time zone), else the latest past one; in ``locale_id`` where translated.
    Returns (conference, its live children by type) or (None, {})."""
    conferences = list(
        ConferencePage.objects.live()
        .public()
        .filter(locale_id__in={locale_id, default_locale_id})
        .order_by("start_date")
    )
    by_key = {}
    for conference in conferences:
        if conference.translation_key not in by_key or conference.locale_id == locale_id:
            by_key[conference.translation_key] = conference
    conferences = sorted(by_key.values(), key=lambda conference: conference.start_date)
    upcoming = [conference for conference in conferences if not conference.has_ended(now)]
    conference = upcoming[0] if upcoming else (conferences[-1] if conferences else None)
    if conference is None:
        return None, {}
    children = {
        type(child)._meta.model_name: child
        for child in conference.get_children().live().public().specific()
    }
    return conference, children


def current_programme(*, language_code):
    """The programme of the conference the home page leads with (on now or next, else the
    latest), in that language where translated; None when there is none."""
    locale = Locale.objects.filter(language_code=language_code).first() or Locale.get_default()
    _conference, children = next_conference(
        locale_id=locale.pk, default_locale_id=Locale.get_default().pk
    )
    return children.get("programmepage")


# Offline copies --------------------------------------------------------------------


def offline_page_paths(*, request):
    """The URL paths under which a phone keeps the pages it visits for offline use: every
    live public programme (its sessions, now and next, the agenda) and speaker index (its
    speakers), in every language. Four queries."""
    pages = [
        *ProgrammePage.objects.live().public(),
        *SpeakerIndexPage.objects.live().public(),
    ]
    paths = {page.get_url_parts(request) for page in pages} - {None}
    return sorted(page_path for _site_id, _root_url, page_path in paths)
