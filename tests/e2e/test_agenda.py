"""An attendee's agenda in the browser: starring without JavaScript (kept in their session),
with JavaScript (kept in the browser, across reloads, joining their account when they sign
in), the "my agenda" page and filter, and a video player loaded only on request. Axe
checks each page."""

import datetime
import json
import re
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from conference.factories import (
    ConferenceDayFactory,
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    ProgrammePageFactory,
    RoomFactory,
    SessionFormatFactory,
    SessionPageFactory,
)
from conference.models import SessionFormat, SessionStar

pytestmark = pytest.mark.django_db(transaction=True)

PROGRAMME = "/en/tictec/tictec-2026/programme/"
PASSWORD = "a-long-and-unusual-passphrase"
TITLES = [
    "Monitoring fossil-fuel narratives",
    "Home retrofit decisions",
    "From FOI responses to one dataset",
    "Licensing democratic documents",
]
STORE = "conference-agenda-stars"


@pytest.fixture
def tictec(home_page):
    home_page.save_revision().publish()
    index = ConferenceIndexPageFactory(parent=home_page)
    conference = ConferencePageFactory(
        parent=index,
        title="TICTeC 2026",
        slug="tictec-2026",
        acronym="tictec2026",
        start_date=datetime.date(2026, 6, 9),
        end_date=datetime.date(2026, 6, 9),
    )
    day = ConferenceDayFactory(conference=conference, date=conference.start_date, label="Day one")
    main_hall = RoomFactory(conference=conference, name="Main hall", slug="main-hall")
    studio = RoomFactory(conference=conference, name="Studio", slug="studio")
    talk = SessionFormatFactory(conference=conference, name="20-minute presentation")
    coffee = SessionFormatFactory(
        conference=conference, name="Break", slug="break", kind=SessionFormat.Kind.BREAK
    )
    programme = ProgrammePageFactory(parent=conference)
    for title, start, room, extra in [
        (
            TITLES[0],
            "13:30",
            main_hall,
            {"video_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE"},
        ),
        (TITLES[1], "13:30", studio, {}),
        (TITLES[2], "14:00", main_hall, {}),
        (TITLES[3], "14:00", studio, {}),
    ]:
        SessionPageFactory(
            parent=programme,
            title=title,
            slug=title.lower().replace(" ", "-"),
            session_format=talk,
            day=day,
            start_time=datetime.time.fromisoformat(start),
            room=room,
            **extra,
        )
    SessionPageFactory(
        parent=programme,
        title="Coffee",
        slug="coffee",
        session_format=coffee,
        day=day,
        start_time=datetime.time(14, 30),
        room=main_hall,
    )
    return programme


def star_button(page, title):
    # The accessible name: the visible label, then the session's title (hidden visually).
    return page.get_by_role("button", name=re.compile(rf"^In my agenda\W+{re.escape(title)}$"))


def press(locator):
    locator.focus()
    locator.press("Enter")


def agenda_titles(page):
    return page.locator(".agenda-item:visible .agenda-item__title")


def guarded_context(playwright_browser, live_server, **options):
    """A context that refuses requests to other hosts (and records them), like browser_page."""
    context = playwright_browser.new_context(base_url=live_server.url, **options)
    allowed = urlparse(live_server.url).netloc
    refused = []

    def guard(route):
        if urlparse(route.request.url).netloc == allowed:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context, refused


def test_without_javascript_an_attendee_stars_three_sessions_and_sees_them_in_my_agenda(
    tictec, playwright_browser, live_server, browser_page, assert_accessible
):
    context, refused = guarded_context(playwright_browser, live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(PROGRAMME)
    expect(page.locator(".star-button[aria-pressed=true]")).to_have_count(0)

    for title in TITLES[:3]:
        press(star_button(page, title))
        expect(page.locator(".messages")).to_contain_text(f"“{title}” is in your agenda.")
        expect(star_button(page, title)).to_have_attribute("aria-pressed", "true")
        # Back at the same button: the redirect names it.
        key = star_button(page, title).get_attribute("data-session-key")
        assert page.url.endswith(f"{PROGRAMME}#star-{key}")
    expect(page.locator(".star-button[aria-pressed=true]")).to_have_count(3)
    expect(star_button(page, TITLES[3])).to_have_attribute("aria-pressed", "false")

    # The programme's own link (the header has one too, to the current conference's).
    press(page.locator("#main-content").get_by_role("link", name="My agenda", exact=True))
    expect(page.locator("h1")).to_have_text("My agenda")
    expect(agenda_titles(page)).to_have_text(TITLES[:3])
    expect(page.locator(".agenda-count")).to_have_text("3 starred sessions")

    # Unstarring on the agenda page takes the session off it.
    press(star_button(page, TITLES[1]))
    expect(agenda_titles(page)).to_have_text([TITLES[0], TITLES[2]])

    page.goto(PROGRAMME + "?agenda=1")
    expect(page.locator(".programme-session__title")).to_have_text([TITLES[0], TITLES[2]])
    assert refused == []

    # The same visitor's pages, checked with axe (which needs JavaScript to run).
    browser_page.context.add_cookies(context.cookies())
    context.close()
    for url in (PROGRAMME, PROGRAMME + "agenda/", PROGRAMME + "monitoring-fossil-fuel-narratives/"):
        browser_page.goto(url)
        expect(browser_page.locator(".star-button[aria-pressed=true]").first).to_be_visible()
        assert_accessible(browser_page)


def test_with_javascript_stars_stay_in_the_browser_across_reloads_then_join_the_account(
    tictec, playwright_browser, live_server, assert_accessible, browser_page
):
    user = get_user_model().objects.create_user(
        username="ines@example.org", email="ines@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # The site's own Content-Security-Policy applies: the script is no inline script.
    context, refused = guarded_context(playwright_browser, live_server)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(PROGRAMME)

    press(star_button(page, TITLES[0]))
    star_button(page, TITLES[3]).click()

    # No reload, no server: the buttons change in place and the stars are in localStorage.
    expect(star_button(page, TITLES[0])).to_have_attribute("aria-pressed", "true")
    expect(star_button(page, TITLES[3])).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[role=status].visually-hidden")).to_have_text(
        f"Added to your agenda: {TITLES[3]}"
    )
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{STORE}')"))) == 2
    assert [c["name"] for c in context.cookies() if c["name"] == "sessionid"] == []

    page.reload()
    expect(page.locator(".star-button[aria-pressed=true]")).to_have_count(2)
    expect(star_button(page, TITLES[0])).to_have_attribute("aria-pressed", "true")

    page.goto(PROGRAMME + "agenda/")
    expect(agenda_titles(page)).to_have_text([TITLES[0], TITLES[3]])
    expect(page.locator("[data-agenda-empty]")).to_be_hidden()

    page.goto(PROGRAMME + "?agenda=1")
    expect(page.locator(".programme-session__title:visible")).to_have_text([TITLES[0], TITLES[3]])
    expect(page.locator(".agenda-filter-note")).to_have_text(
        "Only the sessions you starred in this browser are shown."
    )

    # The session page's video: a link, and a player only when asked for.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<p>player</p>", content_type="text/html"),
    )
    page.goto(PROGRAMME + "monitoring-fossil-fuel-narratives/")
    expect(page.locator("iframe")).to_have_count(0)
    press(page.get_by_role("button", name="Load the video player"))
    expect(page.locator("iframe.video-player")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    )
    expect(page.locator("iframe.video-player")).to_have_attribute("title", f"Video: {TITLES[0]}")

    # Signing in: the stars made in this browser join the account's.
    page.goto("/accounts/login/?next=" + PROGRAMME)
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + PROGRAMME)
    # The page's script sends the browser's stars, then forgets them.
    expect(page.locator(".star-button[aria-pressed=true]")).to_have_count(2)
    assert page.evaluate(f"localStorage.getItem('{STORE}')") is None
    assert SessionStar.objects.filter(user=user).count() == 2
    page.reload()
    expect(page.locator(".star-button[aria-pressed=true]")).to_have_count(2)

    # Signed in, a star is saved on the server without leaving the page.
    press(star_button(page, TITLES[1]))
    expect(star_button(page, TITLES[1])).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[role=status].visually-hidden")).to_have_text(
        f"Added to your agenda: {TITLES[1]}"
    )
    assert SessionStar.objects.filter(user=user).count() == 3
    assert refused == []
    context.close()

    browser_page.goto(PROGRAMME + "agenda/")
    assert_accessible(browser_page)
