"""The programme and its exports, rendered afresh (not from the page cache), run the same
few queries for 3 sessions as for 60: routing, the programme's own reads and nothing for
the site's header and footer, which come from the cache until the next publish."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.factories import build_conference

# Routing 5 (site, locale, home, the path, the programme), Wagtail's privacy check 2,
# sessions, their themes and their speakers 3. The conference, its days, rooms, formats,
# themes and approaches, the site settings, the navigation, the news feed's address and
# the language links are read once per publish, not on every rendering.
PAGE_BUDGET = 10
EXPORT_BUDGET = 10
# The first rendering after a publish reads all of those too.
FIRST_PAGE_BUDGET = 23

# Any cookie but the CSRF and language ones: the page cache renders the page afresh, as
# for a signed-in person (whose session would add its own queries).
UNCACHED = "bench=uncached"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def rendered_queries(client, url):
    """Queries of a rendering, once an earlier one has filled what is kept per publish."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"  # rendered, not from the cache
    return [query["sql"] for query in captured]


def test_the_programme_and_its_exports_run_a_fixed_number_of_queries(client, conference_index):
    _conference, small, _index = build_conference(parent=conference_index, sessions=3, speakers=2)
    _conference, large, _index = build_conference(parent=conference_index, sessions=60, speakers=40)
    client.cookies.load(UNCACHED)

    for route, budget in [
        ("", PAGE_BUDGET),
        ("schedule/json/", EXPORT_BUDGET),
        ("schedule/xml/", EXPORT_BUDGET),
        ("schedule/ics/", EXPORT_BUDGET),
    ]:
        large_queries = rendered_queries(client, large.url + route)
        small_queries = rendered_queries(client, small.url + route)
        assert len(large_queries) <= budget, (route, large_queries)
        assert len(small_queries) == len(large_queries), route
    page = client.get(large.url).content.decode()
    assert page.count('class="programme-session__title"') == 60


def test_the_header_and_footer_run_no_query_once_read_after_a_publish(client, conference_index):
    _conference, programme, _index = build_conference(
        parent=conference_index, sessions=3, speakers=2
    )
    client.cookies.load(UNCACHED)

    queries = " ".join(rendered_queries(client, programme.url))

    for table in [
        "home_sitesettings",
        "home_navigationsettings",
        "home_newsindexpage",
        "conference_conferenceday",
        "conference_room",
        "conference_theme",
    ]:
        assert f'FROM "{table}"' not in queries


def test_the_first_rendering_after_a_publish_reads_the_header_and_taxonomies_once(
    client, conference_index, django_assert_max_num_queries
):
    _conference, programme, _index = build_conference(
        parent=conference_index, sessions=20, speakers=10
    )
    client.cookies.load(UNCACHED)
    client.get(programme.url)  # Wagtail's per-process caches (the site's root paths)
    cache.clear()

    with CaptureQueriesContext(connection) as captured:
        response = client.get(programme.url)

    assert response.status_code == 200
    assert len(captured) <= FIRST_PAGE_BUDGET
    site_settings = [query for query in captured if "home_sitesettings" in query["sql"]]
    assert len(site_settings) == 1  # the <title>, the header and the footer share one read
