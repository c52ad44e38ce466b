"""The programme and its exports, rendered (not from the page cache), run the same queries
for 3 sessions as for 60: routing, the programme's own reads and the site's header."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.factories import build_conference

# Routing 5 (site, locale, home, the path, the programme), privacy 2, conference 1,
# taxonomies 5, sessions, themes and speakers 3; the rest is the site's header and footer.
PAGE_BUDGET = 25
EXPORT_BUDGET = 16


def queries(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_programme_and_its_exports_run_a_fixed_number_of_queries(
    client, conference_index, django_assert_max_num_queries
):
    _conference, small, _index = build_conference(parent=conference_index, sessions=3, speakers=2)
    _conference, large, _index = build_conference(parent=conference_index, sessions=60, speakers=40)

    for route, budget in [
        ("", PAGE_BUDGET),
        ("schedule/json/", EXPORT_BUDGET),
        ("schedule/xml/", EXPORT_BUDGET),
        ("schedule/ics/", EXPORT_BUDGET),
    ]:
        client.get(large.url + route)
        with django_assert_max_num_queries(budget):
            response = client.get(large.url + route)
        assert response.status_code == 200
        assert queries(client, small.url + route) == queries(client, large.url + route), route
    page = client.get(large.url).content.decode()
    assert page.count('class="programme-session__title"') == 60
