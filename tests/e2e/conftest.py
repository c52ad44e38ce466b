"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Fixtures:
- `browser_page`: a fresh Playwright page; requests to any host but the live server fail
  the test (the site must fetch nothing from another host).
- `assert_accessible(page)`: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violations.
"""

import os
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
# CI machines are small and busy: give each expectation (a page load after a click,
# say) 15 s rather than Playwright's 5 before calling it a failure.
expect.set_options(timeout=15_000)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def playwright_browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(playwright_browser, live_server):
    # bypass_csp lets axe-core be injected; the site's own CSP is tested separately.
    context = playwright_browser.new_context(base_url=live_server.url, bypass_csp=True)
    allowed_host = urlparse(live_server.url).netloc
    external_requests = []

    def guard(route):
        host = urlparse(route.request.url).netloc
        if route.request.url.startswith(("data:", "blob:")) or host == allowed_host:
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert external_requests == [], f"requests to other hosts: {external_requests}"


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page, context=None):
        results = axe.run(
            page,
            context=context,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        assert violations == [], results.generate_report()

    return check
