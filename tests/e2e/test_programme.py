"""Attendee journeys through the conference programme, by keyboard, checked with axe."""

import datetime

import icalendar
import pytest
from playwright.sync_api import expect

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

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tictec(home_page):
    home_page.save_revision().publish()
    index = ConferenceIndexPageFactory(parent=home_page)
    speakers = SpeakerIndexPageFactory(parent=index)
    conference = ConferencePageFactory(
        parent=index,
        title="TICTeC 2025",
        slug="tictec-2025",
        acronym="tictec2025",
        start_date=datetime.date(2025, 6, 10),
        end_date=datetime.date(2025, 6, 11),
    )
    day = ConferenceDayFactory(conference=conference, date=conference.start_date, label="Day one")
    main_hall = RoomFactory(conference=conference, name="Main hall", slug="main-hall")
    studio = RoomFactory(conference=conference, name="Studio", slug="studio")
    talk = SessionFormatFactory(
        conference=conference, name="20-minute presentation", slug="presentation"
    )
    workshop = SessionFormatFactory(
        conference=conference,
        name="35-minute short workshop",
        slug="short-workshop",
        duration_minutes=35,
    )
    coffee = SessionFormatFactory(
        conference=conference, name="Break", slug="break", kind=SessionFormat.Kind.BREAK
    )
    climate = ThemeFactory(conference=conference, name="Climate change", slug="climate-change")
    ati = ThemeFactory(
        conference=conference,
        name="Access to information and open data",
        slug="access-to-information",
    )
    ApproachFactory(conference=conference, name="Defensive", slug="defensive")
    programme = ProgrammePageFactory(parent=conference)
    ines = SpeakerPageFactory(
        parent=speakers,
        title="Inès Moreau",
        slug="ines-moreau",
        organisation="Climat Transparence",
        role="Research lead",
    )
    jonas = SpeakerPageFactory(
        parent=speakers,
        title="Jonas Peeters",
        slug="jonas-peeters",
        organisation="Transparantie Vlaanderen",
    )

    def session(title, slug, start, room, session_format, themes, speaker=None):
        page = SessionPageFactory(
            parent=programme,
            title=title,
            slug=slug,
            session_format=session_format,
            day=day,
            start_time=datetime.time.fromisoformat(start),
            room=room,
            abstract=f"<p>{title}: what we learnt.</p>",
        )
        page.themes.set(themes)
        page.save()
        if speaker:
            SessionSpeaker.objects.create(session=page, speaker=speaker)
        return page

    session(
        "Monitoring fossil-fuel narratives repeated by politicians",
        "fossil-fuel-narratives",
        "13:30",
        main_hall,
        talk,
        [climate],
        ines,
    )
    session(
        "Participatory approaches to home retrofit decisions",
        "retrofit",
        "13:30",
        studio,
        workshop,
        [climate],
        jonas,
    )
    session(
        "From hundreds of FOI responses to one dataset",
        "foi-dataset",
        "14:10",
        studio,
        talk,
        [ati],
        jonas,
    )
    session("Afternoon coffee", "afternoon-coffee", "14:45", main_hall, coffee, [])
    return conference


def press(locator, key="Enter"):
    locator.focus()
    locator.press(key)


def test_attendee_filters_the_programme_opens_a_session_and_its_speaker_by_keyboard(
    tictec, browser_page, assert_accessible
):
    page = browser_page
    page.goto("/en/tictec/tictec-2025/")
    expect(page.locator("h1")).to_have_text("TICTeC 2025")
    assert_accessible(page)

    press(page.get_by_role("link", name="Browse the TICTeC 2025 programme"))
    expect(page.locator("h1")).to_have_text("Programme")
    assert_accessible(page)

    page.get_by_label("Theme", exact=True).focus()
    page.get_by_label("Theme", exact=True).select_option("climate-change")
    page.get_by_label("Format", exact=True).select_option("presentation")
    press(page.get_by_role("button", name="Show sessions"))

    expect(page).to_have_url(
        f"{page.url.split('?')[0]}?theme=climate-change&format=presentation&approach=&room="
        "&attendance="
    )
    expect(page.locator(".programme-session__title")).to_have_text(
        ["Monitoring fossil-fuel narratives repeated by politicians"]
    )
    expect(page.locator(".active-filters a")).to_have_text(
        [
            "Remove filter Theme: Climate change ×",
            "Remove filter Format: 20-minute presentation ×",
            "Clear all filters",
        ]
    )
    assert_accessible(page)

    press(
        page.get_by_role("link", name="Monitoring fossil-fuel narratives repeated by politicians")
    )
    expect(page.locator("h1")).to_have_text(
        "Monitoring fossil-fuel narratives repeated by politicians"
    )
    expect(page.locator(".facts")).to_contain_text(
        "Tuesday 10 June 2025, 13:30–13:50 Europe/Brussels time (CEST, UTC+02:00)"
    )
    assert_accessible(page)

    with page.expect_download() as download_info:
        press(page.get_by_role("link", name="Add to calendar"))
    download = download_info.value
    assert download.suggested_filename == "fossil-fuel-narratives.ics"
    with open(download.path(), "rb") as ics:
        [event] = icalendar.Calendar.from_ical(ics.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Monitoring fossil-fuel narratives repeated by politicians"
    assert event.decoded("DTSTART").isoformat() == "2025-06-10T13:30:00+02:00"

    press(page.get_by_role("link", name="Inès Moreau"))
    expect(page.locator("h1")).to_have_text("Inès Moreau")
    expect(page.locator("main section li a")).to_have_text(
        ["Monitoring fossil-fuel narratives repeated by politicians"]
    )
    assert_accessible(page)

    press(page.get_by_role("link", name="Speakers"))
    expect(page.locator(".speaker-cards h2")).to_have_text(["Inès Moreau", "Jonas Peeters"])
    assert_accessible(page)


def test_programme_filters_work_without_javascript_and_narrow_screens_get_a_list(
    tictec, playwright_browser, live_server, assert_accessible, browser_page
):
    context = playwright_browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/tictec/tictec-2025/programme/")
    page.get_by_label("Room", exact=True).select_option("studio")
    page.get_by_role("button", name="Show sessions").click()

    expect(page.locator(".programme-session__title")).to_have_text(
        [
            "Participatory approaches to home retrofit decisions",
            "From hundreds of FOI responses to one dataset",
            "Afternoon coffee",
        ]
    )
    page.get_by_role("link", name="Clear all filters").click()
    expect(page.locator(".programme-session__title")).to_have_count(4)
    context.close()

    browser_page.set_viewport_size({"width": 380, "height": 800})
    browser_page.goto("/en/tictec/tictec-2025/programme/")
    # Narrow screens: rows become blocks and each session names its room.
    assert (
        browser_page.locator(".programme-table tr").first.evaluate(
            "row => getComputedStyle(row).display"
        )
        == "block"
    )
    expect(browser_page.locator(".programme-session__room").first).to_be_visible()
    assert_accessible(browser_page)
