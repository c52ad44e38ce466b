"""Scheduling rules and writes for the programme.

They reach other sessions through the session (its day's sessions), never by importing the
models: the admin form that SessionPage names (programme.forms) uses them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import time_format
from django.utils.translation import gettext as _


def _same_day_sessions(*, session):
    others = session.day.sessions.filter(start_time__isnull=False)
    if session.pk:
        others = others.exclude(pk=session.pk)
    # The session's own translations and aliases share its day: they are not other sessions.
    others = others.exclude(translation_key=session.translation_key)
    return others.select_related("session_format", "room", "day").order_by("start_time", "pk")


def find_room_clash(*, session):
    """The first other session that occupies ``session``'s room at an overlapping time.

    Keynotes, plenaries and breaks occupy every room, so they clash with anything that
    overlaps them on the same day.
    """
    if not session.is_scheduled:
        return None
    for other in _same_day_sessions(session=session):
        shares_room = (
            session.spans_all_rooms
            or other.spans_all_rooms
            or (session.room_id is not None and session.room_id == other.room_id)
        )
        if shares_room and session.overlaps(other):
            return other
    return None


def _slot(session):
    return f"{time_format(session.start_time, 'H:i')}–{time_format(session.end_time, 'H:i')}"


def describe_room_clash(*, session, other):
    where = (
        _("every room") if (session.spans_all_rooms or other.spans_all_rooms) else str(other.room)
    )
    return _(
        "“%(title)s” (%(slot)s) would overlap “%(other)s” (%(other_slot)s) in %(where)s "
        "on %(day)s. Choose another time or room."
    ) % {
        "title": session.title,
        "slot": _slot(session),
        "other": other.title,
        "other_slot": _slot(other),
        "where": where,
        "day": session.day,
    }


def find_speaker_conflicts(*, session):
    """Pairs of (speaker, other session) where a speaker of ``session`` is booked at an
    overlapping time. Speakers are matched across translations by translation key."""
    if not session.is_scheduled:
        return []
    # Works on the in-memory (unsaved draft) speaker list as well as the stored one.
    speaker_keys = {link.speaker.translation_key for link in session.speaker_links.all()}
    if not speaker_keys:
        return []
    others = (
        _same_day_sessions(session=session)
        .filter(speaker_links__speaker__translation_key__in=speaker_keys)
        .distinct()
        .prefetch_related("speaker_links__speaker")
    )
    return [
        (link.speaker, other)
        for other in others
        if session.overlaps(other)
        for link in other.speaker_links.all()
        if link.speaker.translation_key in speaker_keys
    ]


def describe_speaker_conflict(*, session, speaker, other):
    return _(
        "%(speaker)s is also speaking at “%(other)s” (%(other_slot)s), which overlaps "
        "“%(title)s” (%(slot)s)."
    ) % {
        "speaker": speaker.title,
        "other": other.title,
        "other_slot": _slot(other),
        "title": session.title,
        "slot": _slot(session),
    }


def speaker_conflict_messages(*, session):
    return [
        describe_speaker_conflict(session=session, speaker=speaker, other=other)
        for speaker, other in find_speaker_conflicts(session=session)
    ]


@transaction.atomic
def place_session(*, session, day, start_time, room=None, publish=False, user=None):
    """Schedule ``session`` at ``day``/``start_time`` in ``room``; refuse a room clash.

    Returns the speaker double-booking warnings (the placement still happens).
    """
    session.day, session.start_time, session.room = day, start_time, room
    clash = find_room_clash(session=session)
    if clash is not None:
        raise ValidationError(describe_room_clash(session=session, other=clash))
    revision = session.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return speaker_conflict_messages(session=session)
