import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from conference.factories import (
    ApproachFactory,
    ConferenceDayFactory,
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    ProgrammePageFactory,
    RoomFactory,
    SessionFormatFactory,
    SessionPageFactory,
    SpeakerIndexPageFactory,
    SpeakerPageFactory,
    ThemeFactory,
)
from conference.models import SessionFormat, SessionSpeaker


@pytest.fixture
def conference_index(home_page):
    return ConferenceIndexPageFactory(parent=home_page)


@pytest.fixture
def speaker_index(conference_index):
    return SpeakerIndexPageFactory(parent=conference_index)


class Tictec:
    """A small TICTeC 2025: two days, two rooms, formats, themes and approaches."""

    def __init__(self, index):
        self.conference = ConferencePageFactory(
            parent=index,
            title="TICTeC 2025",
            slug="tictec-2025",
            acronym="tictec2025",
            edition_year=2025,
            start_date=datetime.date(2025, 6, 10),
            end_date=datetime.date(2025, 6, 11),
        )
        conference = self.conference
        self.day_one = ConferenceDayFactory(
            conference=conference, date=datetime.date(2025, 6, 10), label="Day one"
        )
        self.day_two = ConferenceDayFactory(
            conference=conference, date=datetime.date(2025, 6, 11), label="Day two"
        )
        self.main_hall = RoomFactory(conference=conference, name="Main hall", slug="main-hall")
        self.studio = RoomFactory(conference=conference, name="Studio", slug="studio")
        self.talk = SessionFormatFactory(
            conference=conference, name="20-minute presentation", slug="presentation"
        )
        self.workshop = SessionFormatFactory(
            conference=conference,
            name="35-minute short workshop",
            slug="short-workshop",
            duration_minutes=35,
        )
        self.coffee = SessionFormatFactory(
            conference=conference,
            name="Break",
            slug="break",
            duration_minutes=30,
            kind=SessionFormat.Kind.BREAK,
        )
        self.ati = ThemeFactory(
            conference=conference, name="Access to information and open data", slug="ati"
        )
        self.climate = ThemeFactory(conference=conference, name="Climate change", slug="climate")
        self.defensive = ApproachFactory(conference=conference, name="Defensive", slug="defensive")
        self.constructive = ApproachFactory(
            conference=conference, name="Constructive", slug="constructive"
        )
        self.programme = ProgrammePageFactory(parent=conference)

    def session(
        self,
        title,
        *,
        start,
        day=None,
        room=None,
        session_format=None,
        themes=(),
        speakers=(),
        **fields,
    ):
        session = SessionPageFactory(
            parent=self.programme,
            title=title,
            slug=fields.pop("slug", None) or title.lower().replace(" ", "-")[:50],
            session_format=session_format or self.talk,
            day=day or self.day_one,
            start_time=datetime.time.fromisoformat(start) if start else None,
            room=room if room is not None else self.main_hall,
            **fields,
        )
        if themes:
            session.themes.set(themes)
            session.save()
        for order, speaker in enumerate(speakers):
            SessionSpeaker.objects.create(session=session, speaker=speaker, sort_order=order)
        return session


@pytest.fixture
def tictec(conference_index):
    return Tictec(conference_index)


@pytest.fixture
def speaker_factory(speaker_index):
    def make(name, **fields):
        return SpeakerPageFactory(
            parent=speaker_index, title=name, slug=name.lower().replace(" ", "-"), **fields
        )

    return make


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page as a translator would with wagtail-localize: every string
    prefixed, then the target published."""

    def translate_page(page, language_code="fr", prefix="FR"):
        with django_capture_on_commit_callbacks(execute=True):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            translation = Translation.objects.create(
                source=source, target_locale=Locale.objects.get(language_code=language_code)
            )
            po = translation.export_po()
            for entry in po:
                entry.msgstr = f"{prefix} {entry.msgid}"
            translation.import_po(po)
            translation.save_target(publish=True)
        return page.get_translation(Locale.objects.get(language_code=language_code)).specific

    return translate_page
