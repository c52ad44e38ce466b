"""Reads for the agenda: whose stars, which sessions. Each runs a fixed number of queries."""

import dataclasses
import uuid
from itertools import groupby

from django.db.models import Case, Value, When

from conference.models import AgendaFeedToken, SessionPage, SessionStar
from conference.programme import selectors

# The Django session's list of starred sessions' translation keys (anonymous visitors).
SESSION_STARS = "conference_agenda_stars"


def parse_keys(values):
    """The valid UUIDs among ``values`` (form fields, session data), in order, once each."""
    keys = {}
    for value in values:
        try:
            keys[uuid.UUID(str(value))] = None
        except ValueError:
            continue
    return list(keys)


def session_star_keys(session):
    """Stars kept in an anonymous visitor's Django session. No query without a session."""
    return parse_keys(session.get(SESSION_STARS, ()))


@dataclasses.dataclass(frozen=True)
class Agenda:
    """The stars a page shows to the person asking for it."""

    keys: frozenset
    signed_in: bool
    personal: bool

    def __contains__(self, key):
        return key in self.keys


def agenda_for(*, user, session, has_messages=False):
    """The person's stars: their account's when signed in (one query), else their session's.

    ``personal`` is true when the page depends on who asks (signed in, stars in the
    session, or a message to show): such a page carries a CSRF token and is never cached.
    Anonymous visitors without server-side stars all get the same page; JavaScript shows
    the stars kept in their browser."""
    if user.is_authenticated:
        keys = (
            SessionStar.objects.filter(user=user).order_by().values_list("session_key", flat=True)
        )
        return Agenda(keys=frozenset(keys), signed_in=True, personal=True)
    keys = frozenset(session_star_keys(session))
    return Agenda(keys=keys, signed_in=False, personal=bool(keys) or has_messages)


def live_sessions_by_key(keys, *, language_code=None):
    """Live, public sessions with these translation keys, one per key (in ``language_code``
    where there is a translation), in the order of ``keys``: one query."""
    if not keys:
        return {}
    sessions = (
        SessionPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .annotate(
            other_language=Case(
                When(locale__language_code=language_code, then=Value(0)), default=Value(1)
            )
        )
        .only("id", "title", "translation_key", "locale_id")
        .order_by("other_language", "pk")
    )
    found = {}
    for session in sessions:
        found.setdefault(session.translation_key, session)
    return {key: found[key] for key in keys if key in found}


def mark_starred(sessions, agenda):
    for session in sessions:
        session.is_starred = session.translation_key in agenda.keys
    return sessions


@dataclasses.dataclass
class AgendaDay:
    day: object
    sessions: list


def agenda_page(*, programme, agenda):
    """The "my agenda" page: the starred sessions of this programme by day and time.

    With server-side stars, only those sessions. Otherwise every session of the programme,
    marked unstarred: the page's script shows those starred in the browser, and the page
    is the same for every anonymous visitor."""
    conference = selectors.conference_for(programme)
    taxonomies = selectors.Taxonomies.for_conference(conference)
    sessions = selectors.programme_sessions(programme=programme)
    if agenda.personal:
        sessions = sessions.filter(translation_key__in=agenda.keys)
    sessions = [session for session in sessions if session.is_scheduled]
    selectors.attach_details(sessions, taxonomies, locale_id=programme.locale_id)
    selectors.attach_labels(sessions)
    mark_starred(sessions, agenda)
    days = {day.pk: day for day in taxonomies.days}
    return {
        "conference": conference,
        "agenda": agenda,
        "agenda_days": [
            AgendaDay(day=days[day_id], sessions=list(day_sessions))
            for day_id, day_sessions in groupby(sessions, key=lambda session: session.day_id)
            if day_id in days
        ],
        "starred_count": sum(session.is_starred for session in sessions),
        "time_zone": selectors.time_zone_label(conference),
    }


# The private calendar feed ---------------------------------------------------------


def active_feed_token(*, user):
    return AgendaFeedToken.objects.active().filter(user=user).first()


def feed_owner_id(*, token):
    """The id of the person whose active feed address carries ``token``, or None."""
    if not token:
        return None
    return (
        AgendaFeedToken.objects.active().filter(token=token).values_list("user_id", flat=True)
    ).first()


def feed_sessions(*, programme, user_id):
    """That person's starred sessions in this programme, with their current times: two
    queries, then the details ``attach_details`` adds."""
    starred = SessionStar.objects.filter(user_id=user_id).values("session_key")
    return list(
        selectors.programme_sessions(programme=programme).filter(translation_key__in=starred)
    )
