"""The header's and footer's content (home/templatetags/site_tags.py: site_chrome) is read
once per publish and kept in the page cache's generation: a page rendered afresh runs no
query for it, and a change to the settings or the navigation shows on the next request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.factories import (
    ContentPageFactory,
    NavigationItemFactory,
    NavigationSettingsFactory,
    SiteSettingsFactory,
)
from home.models import SiteSettings

# Any cookie but the CSRF and language ones: the page is rendered afresh every time.
RENDERED_AFRESH = "visitor=1"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


def footer_name(client):
    html = client.get("/en/notes/").content.decode()
    return html.split('<p class="site-footer__name">', 1)[1].split("</p>", 1)[0]


def nav_labels(client):
    html = client.get("/en/notes/").content.decode()
    if '<nav class="main-nav"' not in html:
        return []
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return [part.split(">", 1)[1].split("<", 1)[0] for part in nav.split("<a ")[1:]]


def test_a_page_rendered_afresh_reads_no_setting_once_read(client, site, home_page):
    SiteSettingsFactory(site=site, organisation_name="mySociety")
    ContentPageFactory(parent=home_page, title="Notes", slug="notes")
    client.cookies.load(RENDERED_AFRESH)
    client.get("/en/notes/")

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/notes/")

    assert response["Cache-Control"] == "private, no-cache"
    tables = " ".join(query["sql"] for query in captured)
    assert 'FROM "home_sitesettings"' not in tables
    assert 'FROM "home_navigationsettings"' not in tables


def test_a_saved_setting_and_navigation_show_on_the_next_rendering(
    client, site, home_page, django_capture_on_commit_callbacks
):
    SiteSettingsFactory(site=site, organisation_name="mySociety")
    ContentPageFactory(parent=home_page, title="Notes", slug="notes")
    about = ContentPageFactory(parent=home_page, title="About", slug="about")
    client.cookies.load(RENDERED_AFRESH)
    assert footer_name(client) == "mySociety"
    assert nav_labels(client) == []

    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.objects.get(site=site)
        site_settings.organisation_name = "mySociety (renamed)"
        site_settings.save()
    assert footer_name(client) == "mySociety (renamed)"

    with django_capture_on_commit_callbacks(execute=True):
        navigation = NavigationSettingsFactory(site=site)
        NavigationItemFactory(navigation=navigation, page=about, label="About us")
    assert nav_labels(client) == ["About us"]
