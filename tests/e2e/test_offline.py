"""At the venue: the programme works offline once visited, and now and next is accessible."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conference.factories import (
    ConferenceDayFactory,
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    ProgrammePageFactory,
    RoomFactory,
    SessionFormatFactory,
    SessionPageFactory,
    SpeakerIndexPageFactory,
    SpeakerPageFactory,
)
from conference.models import SessionFormat, SessionSpeaker

pytestmark = pytest.mark.django_db(transaction=True)

PROGRAMME = "/en/tictec/tictec-2025/programme/"


@pytest.fixture
def tictec(home_page):
    home_page.save_revision().publish()
    index = ConferenceIndexPageFactory(parent=home_page)
    speakers = SpeakerIndexPageFactory(parent=index)
    conference = ConferencePageFactory(
        parent=index,
        title="TICTeC 2025",
        slug="tictec-2025",
        start_date=datetime.date(2025, 6, 10),
        end_date=datetime.date(2025, 6, 11),
    )
    day = ConferenceDayFactory(conference=conference, date=conference.start_date, label="Day one")
    main_hall = RoomFactory(conference=conference, name="Main hall", slug="main-hall")
    studio = RoomFactory(conference=conference, name="Studio", slug="studio")
    talk = SessionFormatFactory(
        conference=conference, name="20-minute presentation", slug="presentation"
    )
    coffee = SessionFormatFactory(
        conference=conference, name="Break", slug="break", kind=SessionFormat.Kind.BREAK
    )
    programme = ProgrammePageFactory(parent=conference)
    ines = SpeakerPageFactory(parent=speakers, title="Inès Moreau", slug="ines-moreau")
    for title, slug, start, room, session_format in [
        ("Monitoring fossil-fuel narratives", "fossil-fuel-narratives", "13:30", main_hall, talk),
        ("From FOI responses to one dataset", "foi-dataset", "14:10", studio, talk),
        ("Afternoon coffee", "afternoon-coffee", "14:45", main_hall, coffee),
    ]:
        session = SessionPageFactory(
            parent=programme,
            title=title,
            slug=slug,
            session_format=session_format,
            day=day,
            start_time=datetime.time.fromisoformat(start),
            room=room,
        )
        if session_format is talk:
            SessionSpeaker.objects.create(session=session, speaker=ines)
    return conference


def wait_until_kept(page, path):
    """The service worker is active and has stored ``path`` with its time."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        """async (path) => {
            const cache = await caches.open("offline-pages-v1");
            const kept = await cache.match(new URL(path, location.href).href);
            return Boolean(kept && kept.headers.get("X-Offline-Stored-At"));
        }""",
        arg=path,
    )


def test_programme_sessions_and_speakers_visited_online_are_shown_offline_with_a_notice(
    tictec, browser_page, assert_accessible
):
    page = browser_page
    context = page.context
    page.goto(PROGRAMME)
    expect(page.locator("h1")).to_have_text("Programme")
    # This first page came from the network before the worker ran: it asks to keep it.
    wait_until_kept(page, PROGRAMME)
    assert [worker.url for worker in context.service_workers] == [
        f"{page.url.split('/en/')[0]}/sw.js"
    ]

    page.get_by_role("link", name="Monitoring fossil-fuel narratives").click()
    expect(page.locator("h1")).to_have_text("Monitoring fossil-fuel narratives")
    wait_until_kept(page, f"{PROGRAMME}fossil-fuel-narratives/")
    page.get_by_role("link", name="Inès Moreau").click()
    expect(page.locator("h1")).to_have_text("Inès Moreau")
    wait_until_kept(page, "/en/tictec/speakers/ines-moreau/")
    assert page.locator(".offline-notice").count() == 0

    context.set_offline(True)
    page.goto(PROGRAMME)

    expect(page.locator("h1")).to_have_text("Programme")
    expect(page.locator(".programme-session__title")).to_have_text(
        [
            "Monitoring fossil-fuel narratives",
            "From FOI responses to one dataset",
            "Afternoon coffee",
        ]
    )
    notice = page.locator("main > .offline-notice")
    expect(notice).to_have_text(
        re.compile(r"^Offline copy from .+\. You are offline, so it may have changed since\.$")
    )
    stored_at = notice.locator("time").get_attribute("datetime")
    assert abs(
        datetime.datetime.fromisoformat(stored_at) - datetime.datetime.now(datetime.UTC)
    ) < datetime.timedelta(minutes=5)
    # The page's own stylesheet was kept too.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == (
        "absolute"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Monitoring fossil-fuel narratives").click()
    expect(page.locator("h1")).to_have_text("Monitoring fossil-fuel narratives")
    expect(page.locator(".offline-notice")).to_contain_text("Offline copy from")
    page.reload()
    expect(page.locator(".offline-notice")).to_contain_text("Offline copy from")
    page.goto("/en/tictec/speakers/ines-moreau/")
    expect(page.locator("h1")).to_have_text("Inès Moreau")
    expect(page.locator(".offline-notice")).to_contain_text("Offline copy from")

    # Only what was visited is kept, and nothing outside the programme and speakers.
    with pytest.raises(PlaywrightError, match="net::ERR_FAILED"):
        page.goto(f"{PROGRAMME}foi-dataset/")
    with pytest.raises(PlaywrightError, match="net::ERR_INTERNET_DISCONNECTED"):
        page.goto("/en/tictec/tictec-2025/")

    context.set_offline(False)
    page.goto(PROGRAMME)
    expect(page.locator("h1")).to_have_text("Programme")
    assert page.locator(".offline-notice").count() == 0

    # Signing out (a post to the sign-out address) forgets every kept page.
    page.evaluate("fetch('/accounts/logout/', {method: 'POST'}).then(() => true)")
    page.wait_for_function(
        """async () => (await (await caches.open("offline-pages-v1")).keys()).length === 0"""
    )


def test_now_and_next_during_the_conference_is_accessible(
    tictec, browser_page, assert_accessible, monkeypatch
):
    twenty_past_two = datetime.datetime(2025, 6, 10, 14, 20, tzinfo=tictec.tz)
    monkeypatch.setattr(timezone, "now", lambda: twenty_past_two)
    page = browser_page

    page.goto(PROGRAMME)
    page.get_by_role("link", name="What’s on now and in the next hour").click()

    expect(page.locator("h1")).to_have_text("Now and next")
    expect(page.locator(".now-and-next__room h2")).to_have_text(["All rooms", "Studio"])
    expect(page.locator(".now-and-next__room .programme-session__title")).to_have_text(
        ["Afternoon coffee", "From FOI responses to one dataset"]
    )
    assert_accessible(page)


def test_now_and_next_before_the_conference_is_accessible(
    tictec, browser_page, assert_accessible, monkeypatch
):
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)
    )
    page = browser_page

    page.goto(f"{PROGRAMME}now/")

    expect(page.locator("main p").first).to_have_text(
        "TICTeC 2025 starts on Tuesday 10 June 2025 at 09:00 (Europe/Brussels (CEST, UTC+02:00))."
    )
    assert_accessible(page)
