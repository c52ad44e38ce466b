"""Routing from the home page loads every page on the path in one query
(home/routing.py) and serves exactly what Wagtail's own routing serves."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from conference.factories import ConferenceIndexPageFactory, build_conference
from home.factories import ContentPageFactory


@pytest.fixture
def programme(home_page):
    _conference, programme, _speakers = build_conference(
        parent=ConferenceIndexPageFactory(parent=home_page, slug="tictec"), sessions=2, speakers=2
    )
    return programme


def route(path):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        result = Page.route_for_request(request, path)
    return result, len(queries)


def test_a_page_four_levels_down_is_found_with_the_same_queries_as_one_level_down(
    home_page, programme
):
    session = programme.get_children().first()
    ContentPageFactory(parent=home_page, slug="about")
    route("/about/")  # Wagtail caches the site's root paths once per process

    about, shallow_queries = route("/about/")
    found, deep_queries = route(f"/tictec/{programme.get_parent().slug}/programme/{session.slug}/")

    assert about.page.slug == "about"
    assert found.page.specific_class.__name__ == "SessionPage"
    assert found.page.pk == session.pk
    # The programme routes its own way (its exports), then the session: two more.
    assert deep_queries <= shallow_queries + 3


def test_a_routable_page_still_serves_its_own_routes(client, programme):
    response = client.get(programme.url + "schedule/json/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    ["/en/tictec/nowhere/", "/en/tictec/nowhere/programme/", "/en/no-such-page/"],
)
def test_an_address_with_no_page_is_a_404(client, programme, path):
    assert client.get(path).status_code == 404


def test_a_page_that_is_not_live_is_a_404_and_its_live_child_is_still_served(client, home_page):
    guide = ContentPageFactory(parent=home_page, title="Guide", slug="guide")
    chapter = ContentPageFactory(parent=guide, title="Chapter one", slug="chapter-one")
    Page.objects.filter(pk=guide.pk).update(live=False)

    assert client.get("/en/guide/").status_code == 404
    # As with Wagtail's own routing: only the page asked for must be live.
    assert client.get("/en/guide/chapter-one/").status_code == 200
    assert chapter.live


def test_a_page_private_through_its_parent_still_asks_to_sign_in(client, home_page):
    guide = ContentPageFactory(parent=home_page, slug="guide")
    ContentPageFactory(parent=guide, slug="chapter-one")
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/en/guide/chapter-one/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_private_session_is_left_out_of_the_programme_and_its_exports(client, programme):
    hidden, shown = programme.get_children().order_by("path")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    page = client.get(programme.url).content.decode()
    schedule = client.get(programme.url + "schedule/json/").content.decode()

    assert hidden.title not in page
    assert shown.title in page
    assert hidden.title not in schedule
    assert shown.title in schedule
