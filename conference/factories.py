"""Factories for every conference model (tests, demo content, benchmark).

Pages need a parent: ``ConferencePageFactory(parent=index)``. Taxonomy rows need a
saved conference: ``ThemeFactory(conference=conference)``.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from conference.models import (
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
    SpeakerLink,
    SpeakerPage,
    Theme,
)

THEMES = [
    "Access to information and open data",
    "Democracy, people and politics",
    "Climate change",
]
ORGANISATIONS = ["mySociety", "Democracy Club", "The Politics Project", "Involve", "OpenUp"]


class ConferenceIndexPageFactory(wagtail_factories.PageFactory):
    title = "TICTeC"
    slug = "tictec"
    introduction = "<p>The Impacts of Civic Technology Conference.</p>"

    class Meta:
        model = ConferenceIndexPage


class ConferencePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"TICTeC {2025 + n}")
    slug = factory.Sequence(lambda n: f"tictec-{2025 + n}")
    edition_year = factory.Sequence(lambda n: 2025 + n)
    acronym = factory.Sequence(lambda n: f"tictec{2025 + n}")
    start_date = factory.LazyAttribute(lambda o: datetime.date(o.edition_year, 6, 10))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    venue = "Lamot Congress Centre"
    city = "Mechelen"
    country = "Belgium"
    online_participation = True
    time_zone = "Europe/Brussels"
    status = ConferencePage.Status.PROGRAMME_PUBLISHED
    introduction = (
        "<p>TICTeC is all about sharing research, knowledge and experiences on how digital "
        "technologies are being used to defend and advance civic and democratic values.</p>"
    )

    class Meta:
        model = ConferencePage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Programme"
    slug = "programme"

    class Meta:
        model = ProgrammePage


class TaxonomyFactory(DjangoModelFactory):
    conference = factory.SubFactory(ConferencePageFactory)
    locale = factory.LazyAttribute(lambda o: o.conference.locale)


class ThemeFactory(TaxonomyFactory):
    name = factory.Iterator(THEMES)
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme


class ApproachFactory(TaxonomyFactory):
    name = factory.Iterator(["Defensive", "Constructive"])
    slug = factory.Sequence(lambda n: f"approach-{n}")

    class Meta:
        model = Approach


class SessionFormatFactory(TaxonomyFactory):
    name = "20-minute presentation"
    slug = factory.Sequence(lambda n: f"format-{n}")
    duration_minutes = 20
    kind = SessionFormat.Kind.SESSION

    class Meta:
        model = SessionFormat


class RoomFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Room {n + 1}")
    slug = factory.Sequence(lambda n: f"room-{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Room


class ConferenceDayFactory(TaxonomyFactory):
    date = factory.LazyAttribute(lambda o: o.conference.start_date)

    class Meta:
        model = ConferenceDay


class SpeakerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Speakers"
    slug = "speakers"

    class Meta:
        model = SpeakerIndexPage


class SpeakerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Speaker {n + 1}")
    slug = factory.Sequence(lambda n: f"speaker-{n + 1}")
    organisation = factory.Iterator(ORGANISATIONS)
    role = "Researcher"
    bio = "Works on access to information and democratic transparency."

    class Meta:
        model = SpeakerPage


class SpeakerLinkFactory(DjangoModelFactory):
    speaker = factory.SubFactory(SpeakerPageFactory)
    label = "Website"
    url = "https://www.mysociety.org/"

    class Meta:
        model = SpeakerLink


class SessionPageFactory(wagtail_factories.PageFactory):
    """A session; pass ``session_format`` (and ``day``, ``start_time``, ``room`` to
    schedule it) from the programme's conference."""

    title = factory.Sequence(lambda n: f"Using Freedom of Information in campaigns, part {n + 1}")
    slug = factory.Sequence(lambda n: f"session-{n + 1}")
    abstract = (
        "<p>How data from access to information requests has been used as part of wider "
        "anti-corruption initiatives.</p>"
    )
    attendance = SessionPage.Attendance.IN_PERSON

    class Meta:
        model = SessionPage


class SessionSpeakerFactory(DjangoModelFactory):
    session = factory.SubFactory(SessionPageFactory)
    speaker = factory.SubFactory(SpeakerPageFactory)

    class Meta:
        model = SessionSpeaker


def build_conference(*, parent, sessions=10, speakers=10, rooms=3, days=2):
    """A conference with its programme: ``sessions`` 20-minute presentations spread over
    ``days`` days and ``rooms`` rooms, two speakers each drawn from ``speakers`` speakers.

    ``parent`` is a ConferenceIndexPage; the speakers go to its SpeakerIndexPage (created
    when missing). Used by tests at several sizes and by the benchmark.
    """
    conference = ConferencePageFactory(parent=parent)
    day_rows = [
        ConferenceDayFactory(
            conference=conference,
            date=conference.start_date + datetime.timedelta(days=offset),
            ends_at=datetime.time(21, 0),
        )
        for offset in range(days)
    ]
    room_rows = [RoomFactory(conference=conference, sort_order=index) for index in range(rooms)]
    talk = SessionFormatFactory(conference=conference, name="20-minute presentation")
    themes = [ThemeFactory(conference=conference, name=name) for name in THEMES]
    approach = ApproachFactory(conference=conference, name="Defensive")
    programme = ProgrammePageFactory(parent=conference)
    speaker_index = SpeakerIndexPage.objects.child_of(parent).first() or SpeakerIndexPageFactory(
        parent=parent
    )
    people = [SpeakerPageFactory(parent=speaker_index) for _ in range(speakers)]
    per_day = -(-sessions // days)
    for number in range(sessions):
        day, position = divmod(number, per_day)
        slot, room = divmod(position, rooms)
        start = datetime.datetime.combine(day_rows[day].date, datetime.time(9, 0))
        start += datetime.timedelta(minutes=25 * slot)
        session = SessionPageFactory(
            parent=programme,
            session_format=talk,
            approach=approach,
            day=day_rows[day],
            start_time=start.time(),
            room=room_rows[room],
        )
        session.themes.set([themes[number % len(themes)]])
        session.save()
        if people:
            for order, offset in enumerate((0, 1)):
                SessionSpeaker.objects.create(
                    session=session,
                    speaker=people[(2 * number + offset) % len(people)],
                    sort_order=order,
                )
    return conference, programme, speaker_index
