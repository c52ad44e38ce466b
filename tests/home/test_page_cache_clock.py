"""Pages that change with the clock come from the page cache too (home/page_cache.py): the
home page and the opportunities index are kept until the next call opens or closes, an
opportunity's "closes in N days" counts down, or a conference starts or ends, and are
rendered afresh from that moment; a published change shows on the next request."""

import datetime

import pytest
from django.utils import timezone

from cohorts.factories import ActionLabPageFactory, OpportunityIndexPageFactory

# The page cache on, and the home page in every language, as for the page cache's tests.
from tests.home.test_page_cache import PUBLIC
from tests.home.test_page_cache import home_in_every_language as home_in_every_language
from tests.home.test_page_cache import page_cache_on as page_cache_on


@pytest.fixture
def clock(monkeypatch):
    """The site's clock (django.utils.timezone.now), moved on by hand."""
    start = timezone.now().replace(microsecond=0)

    class Clock:
        now = start

        def move_to(self, moment):
            self.now = moment

    moved = Clock()
    monkeypatch.setattr(timezone, "now", lambda: moved.now)
    return moved


@pytest.fixture
def opportunities(home_page):
    return OpportunityIndexPageFactory(parent=home_page, slug="opportunities")


def open_calls_section(response):
    html = response.content.decode()
    if 'id="open-calls-heading"' not in html:
        return ""
    return html.split('id="open-calls-heading"', 1)[1].split("</section>", 1)[0]


def section_of(response, heading_id):
    html = response.content.decode()
    if f'id="{heading_id}"' not in html:
        return ""
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_the_home_page_comes_from_the_cache_and_a_published_change_shows_next(
    client, home_page, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = client.get("/en/")
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second.content == first.content
    assert second["Cache-Control"] == PUBLIC

    page = home_page.get_latest_revision_as_object()
    page.title = "mySociety, renewed"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    html = client.get("/en/").content.decode()
    assert html.split("<title>", 1)[1].split(" |", 1)[0] == "mySociety, renewed"


def test_a_call_opening_and_closing_flips_the_home_page_at_that_moment(
    client, home_page, opportunities, clock, django_assert_num_queries
):
    opens_at = clock.now + datetime.timedelta(hours=1)
    closes_at = clock.now + datetime.timedelta(hours=3)
    ActionLabPageFactory(
        parent=opportunities,
        title="Action Lab: lobbying data",
        opens_at=opens_at,
        closes_at=closes_at,
    )

    before = client.get("/en/")
    assert "Action Lab: lobbying data" not in open_calls_section(before)
    # Kept until the call opens, no longer.
    assert before["Cache-Control"] == PUBLIC
    clock.move_to(opens_at - datetime.timedelta(seconds=30))
    with django_assert_num_queries(0):
        still = client.get("/en/")
    assert still.content == before.content

    clock.move_to(opens_at)
    opened = client.get("/en/")
    assert "Action Lab: lobbying data" in open_calls_section(opened)
    # Now kept until it closes.
    clock.move_to(closes_at - datetime.timedelta(seconds=1))
    with django_assert_num_queries(0):
        assert client.get("/en/").content == opened.content

    clock.move_to(closes_at + datetime.timedelta(seconds=1))
    closed = client.get("/en/")
    assert "Action Lab: lobbying data" not in open_calls_section(closed)


def test_the_opportunities_index_is_cached_until_an_opportunity_closes(
    client, opportunities, clock, django_assert_num_queries
):
    closes_at = clock.now + datetime.timedelta(minutes=30)
    ActionLabPageFactory(parent=opportunities, title="Action Lab: spending", closes_at=closes_at)

    first = client.get(opportunities.url)
    assert "Action Lab: spending" in section_of(first, "open-heading")
    assert first["Cache-Control"] == PUBLIC
    with django_assert_num_queries(0):
        assert client.get(opportunities.url).content == first.content
    # A browser or CDN may keep it no longer than the page is right.
    clock.move_to(closes_at - datetime.timedelta(seconds=20))
    assert client.get(opportunities.url)["Cache-Control"] == PUBLIC

    clock.move_to(closes_at + datetime.timedelta(seconds=1))
    after = client.get(opportunities.url)
    assert "Action Lab: spending" not in section_of(after, "open-heading")
    assert "Action Lab: spending" in after.content.decode()  # listed as closed


def test_the_opportunities_index_counts_the_days_left_down_at_the_right_moment(
    client, opportunities, clock
):
    closes_at = clock.now + datetime.timedelta(days=2, hours=12)
    ActionLabPageFactory(parent=opportunities, title="Action Lab: procurement", closes_at=closes_at)

    assert "Closes in 2 days" in client.get(opportunities.url).content.decode()
    clock.move_to(closes_at - datetime.timedelta(days=2, seconds=1))
    assert "Closes in 2 days" in client.get(opportunities.url).content.decode()

    clock.move_to(closes_at - datetime.timedelta(days=2) + datetime.timedelta(seconds=1))
    assert "Closes in 1 day" in client.get(opportunities.url).content.decode()


def test_the_opportunities_index_filtered_by_kind_is_cached_but_a_stray_parameter_is_not(
    client, opportunities, django_assert_num_queries
):
    ActionLabPageFactory(parent=opportunities, title="Action Lab: spending")

    filtered = client.get(opportunities.url + "?kind=action-lab")
    with django_assert_num_queries(0):
        assert client.get(opportunities.url + "?kind=action-lab").content == filtered.content
    assert client.get(opportunities.url + "?utm=x")["Cache-Control"] == "private, no-cache"
