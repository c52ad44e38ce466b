"""The header's "My agenda" link, in the browser: reached and followed with the keyboard
alone, with and without JavaScript, to the current conference's agenda; axe checks the
pages on the way."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from conference.factories import (
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    ProgrammePageFactory,
)
from tests.e2e.test_agenda import guarded_context

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def programme(home_page):
    home_page.save_revision().publish()
    index = ConferenceIndexPageFactory(parent=home_page)
    today = datetime.date.today()
    conference = ConferencePageFactory(
        parent=index,
        title="TICTeC next",
        slug="tictec-next",
        start_date=today + datetime.timedelta(days=60),
        end_date=today + datetime.timedelta(days=61),
    )
    return ProgrammePageFactory(parent=conference, slug="programme")


def tab_to(page, name, limit=40):
    """Press Tab until the link called ``name`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.textContent")
        if focused and focused.strip() == name:
            return
    raise AssertionError(f"{name!r} is not reached with the Tab key")


def follow_my_agenda_by_keyboard(page, programme):
    page.goto("/en/")
    tab_to(page, "My agenda")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(programme.url + "agenda/") + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")


def test_my_agenda_is_in_the_header_and_reached_by_keyboard(
    browser_page, programme, assert_accessible
):
    browser_page.goto("/en/")
    link = browser_page.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="My agenda"
    )
    expect(link).to_be_visible()
    assert_accessible(browser_page)

    follow_my_agenda_by_keyboard(browser_page, programme)
    assert_accessible(browser_page)


def test_my_agenda_works_without_javascript(playwright_browser, live_server, programme):
    context, refused = guarded_context(playwright_browser, live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        follow_my_agenda_by_keyboard(page, programme)
    finally:
        context.close()
    assert refused == []
