"""Demo content: the TICTeC conference index, TICTeC 2025 (Mechelen and online) with its
programme of 40+ sessions and speakers, the slides, videos and notes some sessions shared,
and the demo applicant's agenda; TICTeC 2019 Paris as a past conference.

Idempotent: pages are looked up by slug under their parent, taxonomy rows by
(conference, slug); only what is missing is created.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from conference.demo_content import speakers as speaker_content
from conference.demo_content import tictec2019, tictec2025
from conference.models import (
    AgendaFeedToken,
    Approach,
    ConferenceDay,
    ConferenceIndexPage,
    ConferencePage,
    ProgrammePage,
    Room,
    SessionFormat,
    SessionPage,
    SessionSpeaker,
    SpeakerIndexPage,
    SpeakerPage,
    Theme,
)
from conference.programme.agenda import services as agenda_services


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _child(parent, model, slug, **fields):
    """The live child page of ``parent`` with ``slug``, created (and published) if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


def _time(value):
    return datetime.time.fromisoformat(value)


def ensure_index(home):
    index, _created = _child(
        home,
        ConferenceIndexPage,
        "tictec",
        title="TICTeC",
        introduction=(
            "<p>TICTeC, short for The Impacts of Civic Technology Conference, first launched in "
            "2015 as an annual gathering. It is all about sharing research, knowledge and "
            "experiences on how digital technologies are being used to defend and advance civic "
            "and democratic values across the world.</p>"
        ),
    )
    return index


def ensure_speakers(index):
    speaker_index, _created = _child(
        index,
        SpeakerIndexPage,
        "speakers",
        title="Speakers",
        introduction="<p>The people who have presented at TICTeC, and their sessions.</p>",
    )
    speakers = {}
    for slug, name, organisation, role, bio in speaker_content.SPEAKERS:
        speakers[slug], _created = _child(
            speaker_index,
            SpeakerPage,
            slug,
            title=name,
            organisation=organisation,
            role=role,
            bio=bio,
        )
    return speakers


def _taxonomy(model, conference, slug, **fields):
    row = model.objects.filter(conference=conference, slug=slug).first()
    if row is None:
        row = model.objects.create(
            conference=conference, slug=slug, locale=conference.locale, **fields
        )
    return row


def ensure_conference(index, content, speakers):
    data = dict(content.CONFERENCE)
    slug = data.pop("slug")
    data["start_date"] = datetime.date.fromisoformat(data["start_date"])
    data["end_date"] = datetime.date.fromisoformat(data["end_date"])
    conference, _created = _child(index, ConferencePage, slug, **data)

    days = []
    for order, (date, label, starts, ends) in enumerate(content.DAYS):
        day = ConferenceDay.objects.filter(conference=conference, date=date).first()
        if day is None:
            day = ConferenceDay.objects.create(
                conference=conference,
                locale=conference.locale,
                date=datetime.date.fromisoformat(date),
                label=label,
                starts_at=_time(starts),
                ends_at=_time(ends),
                sort_order=order,
            )
        days.append(day)
    rooms = {
        slug: _taxonomy(
            Room,
            conference,
            slug,
            name=name,
            capacity=capacity,
            accessibility_notes=notes,
            sort_order=order,
        )
        for order, (slug, name, capacity, notes) in enumerate(content.ROOMS)
    }
    formats = {
        slug: _taxonomy(
            SessionFormat,
            conference,
            slug,
            name=name,
            duration_minutes=minutes,
            kind=kind,
            sort_order=order,
        )
        for order, (slug, name, minutes, kind) in enumerate(content.FORMATS)
    }
    themes = {
        slug: _taxonomy(
            Theme, conference, slug, name=name, description=description, sort_order=order
        )
        for order, (slug, name, description) in enumerate(content.THEMES)
    }
    approaches = {
        slug: _taxonomy(
            Approach, conference, slug, name=name, description=description, sort_order=order
        )
        for order, (slug, name, description) in enumerate(content.APPROACHES)
    }

    programme, _created = _child(
        conference,
        ProgrammePage,
        "programme",
        title="Programme",
        introduction=(
            f"<p>Sessions at {conference.title}: presentations, workshops and panels on "
            + ", ".join(theme.name.lower() for theme in themes.values())
            + ".</p>"
        ),
    )

    created = 0
    for (
        slug,
        title,
        format_slug,
        day_index,
        start,
        room_slug,
        theme_slugs,
        approach_slug,
        attendance,
        speaker_slugs,
        abstract,
        minutes,
    ) in content.SESSIONS:
        if SessionPage.objects.child_of(programme).filter(slug=slug).exists():
            continue
        session = SessionPage(
            slug=slug,
            title=title,
            abstract=f"<p>{abstract}</p>",
            session_format=formats[format_slug],
            approach=approaches.get(approach_slug),
            day=days[day_index],
            start_time=_time(start),
            room=rooms[room_slug],
            attendance=attendance,
            duration_minutes=minutes,
        )
        session.themes.set([themes[theme] for theme in theme_slugs])
        for order, speaker_slug in enumerate(speaker_slugs):
            session.speaker_links.add(
                SessionSpeaker(speaker=speakers[speaker_slug], sort_order=order)
            )
        programme.add_child(instance=session)
        session.save_revision().publish()
        created += 1
    return conference, created


def ensure_materials(conference, content):
    """Slides, video links and notes for the sessions that shared them; a session that
    already has some (staff may have edited it) is left alone."""
    programme = ProgrammePage.objects.child_of(conference).first()
    added = 0
    for slug, fields in getattr(content, "MATERIALS", {}).items():
        session = SessionPage.objects.child_of(programme).filter(slug=slug).first()
        if session is None or session.has_materials:
            continue
        for field, value in fields.items():
            setattr(session, field, value)
        session.save_revision().publish()
        added += 1
    return added


def ensure_applicant_agenda(conference, content, email="applicant@example.org"):
    """The demo applicant stars a few sessions and has a private calendar address."""
    applicant = get_user_model().objects.filter(username=email).first()
    slugs = getattr(content, "APPLICANT_AGENDA", [])
    if applicant is None or not slugs:
        return 0
    programme = ProgrammePage.objects.child_of(conference).first()
    keys = list(
        SessionPage.objects.child_of(programme)
        .filter(slug__in=slugs)
        .values_list("translation_key", flat=True)
    )
    agenda_services.set_stars(user=applicant, session=None, keys=keys, starred=True)
    if not AgendaFeedToken.objects.active().filter(user=applicant).exists():
        agenda_services.new_feed_token(user=applicant)
    return len(keys)


@transaction.atomic
def load(stdout=None):
    from home.models import HomePage

    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        _say(stdout, "conference: no home page yet, skipped")
        return None
    index = ensure_index(home)
    speakers = ensure_speakers(index)
    for content in (tictec2025, tictec2019):
        conference, created = ensure_conference(index, content, speakers)
        materials = ensure_materials(conference, content)
        starred = ensure_applicant_agenda(conference, content)
        _say(
            stdout,
            f"conference: {conference.title}: {created} sessions added, "
            f"{materials} given slides, videos or notes, {starred} in the applicant's agenda",
        )
    return index
