"""The opportunities index: open/closed at request time, order, filter, query budget."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cohorts.factories import (
    ActionLabPageFactory,
    CohortProgrammePageFactory,
    OpportunityIndexPageFactory,
    VacancyPageFactory,
)
from cohorts.models import BoardRole, OpportunityState
from cohorts.selectors import opportunity_listing

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def section(html, heading_id):
    """The HTML of one <section> of the index, found by its heading's id."""
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def frozen(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_open_opportunities_closing_soonest_first_closed_ones_apart(client, index_page):
    now = timezone.now()
    later = CohortProgrammePageFactory(
        parent=index_page, title="FOI support", closes_at=now + datetime.timedelta(days=20, hours=1)
    )
    sooner = VacancyPageFactory(
        parent=index_page, title="Chair", closes_at=now + datetime.timedelta(days=3, hours=2)
    )
    ActionLabPageFactory(
        parent=index_page,
        title="Action Lab #1",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )

    upcoming = VacancyPageFactory(
        parent=index_page,
        title="Non-Executive Director",
        opens_at=now + datetime.timedelta(days=2),
        closes_at=now + datetime.timedelta(days=30),
    )

    html = client.get(index_page.url).content.decode()

    open_html = section(html, "open-heading")
    closed_html = section(html, "closed-heading")
    upcoming_html = section(html, "upcoming-heading")
    assert upcoming.title in upcoming_html and upcoming.title not in open_html
    assert open_html.index(sooner.title) < open_html.index(later.title)
    assert "Closes in 3 days" in open_html
    assert "Closes in 20 days" in open_html
    assert "Action Lab #1" not in open_html
    assert "Action Lab #1" in closed_html
    assert "Chair" not in closed_html


def test_closing_time_is_shown_in_the_opportunitys_time_zone(client, index_page):
    closes = datetime.datetime(2030, 5, 13, 10, 0, tzinfo=LONDON)
    VacancyPageFactory(parent=index_page, closes_at=closes)
    VacancyPageFactory(
        parent=index_page,
        title="Board member (Brussels office)",
        closes_at=datetime.datetime(2030, 5, 13, 10, 0, tzinfo=ZoneInfo("Europe/Brussels")),
        time_zone="Europe/Brussels",
    )

    html = client.get(index_page.url).content.decode()

    assert "Monday 13 May 2030, 10:00 BST" in html
    assert "Monday 13 May 2030, 10:00 CEST" in html
    assert 'datetime="2030-05-13T10:00:00+01:00"' in html


def test_filter_by_kind_without_javascript(client, index_page):
    CohortProgrammePageFactory(parent=index_page, title="FOI support")
    VacancyPageFactory(parent=index_page, title="Trustee", role=BoardRole.TRUSTEE)

    html = client.get(index_page.url, {"kind": "vacancy"}).content.decode()

    assert "Trustee" in section(html, "open-heading")
    assert "FOI support" not in html
    assert '<span aria-current="page">Board vacancy</span>' in html
    unknown = client.get(index_page.url, {"kind": "nonsense"}).content.decode()
    assert "FOI support" in unknown and "Trustee" in unknown


def test_unpublished_and_other_index_pages_opportunities_are_not_listed(
    client, index_page, home_page
):

    draft = CohortProgrammePageFactory(parent=index_page, title="Draft programme")
    draft.unpublish()
    other_index = OpportunityIndexPageFactory(parent=home_page, slug="elsewhere")
    VacancyPageFactory(parent=other_index, title="Elsewhere vacancy")

    listing = opportunity_listing(index_page=index_page)

    assert listing.is_empty


def test_index_queries_do_not_grow_with_opportunities(
    client, index_page, django_assert_max_num_queries
):
    now = timezone.now()
    for factory in (CohortProgrammePageFactory, ActionLabPageFactory, VacancyPageFactory):
        factory(parent=index_page)
    client.get(index_page.url)
    with django_assert_max_num_queries(30) as small:
        client.get(index_page.url)

    for days in range(4):
        CohortProgrammePageFactory(
            parent=index_page, closes_at=now + datetime.timedelta(days=days + 1)
        )
        ActionLabPageFactory(parent=index_page, closes_at=now - datetime.timedelta(days=days + 1))
        VacancyPageFactory(parent=index_page, closes_at=now + datetime.timedelta(days=days + 9))
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(index_page.url).content.decode()
    assert html.count('class="card opportunity-card"') == 3 + 8


# --- Closing moments, exact to the second, across daylight-saving changes -----------

# Clocks in the UK go forward at 01:00 GMT on Sunday 31 March 2024 and back at 01:00
# GMT on Sunday 27 October 2024. 10:00 London time is 09:00 UTC in summer, 10:00 UTC in winter.
DST_CASES = [
    # (closing moment in London, the same moment in UTC)
    (
        datetime.datetime(2024, 4, 1, 10, 0, tzinfo=LONDON),
        datetime.datetime(2024, 4, 1, 9, 0, tzinfo=UTC),
    ),
    (
        datetime.datetime(2024, 10, 28, 10, 0, tzinfo=LONDON),
        datetime.datetime(2024, 10, 28, 10, 0, tzinfo=UTC),
    ),
    (
        datetime.datetime(2019, 5, 13, 10, 0, tzinfo=LONDON),
        datetime.datetime(2019, 5, 13, 9, 0, tzinfo=UTC),
    ),
]


@pytest.mark.parametrize(("closes_london", "closes_utc"), DST_CASES)
def test_open_until_the_second_of_closing_then_closed(
    client, index_page, closes_london, closes_utc
):
    page = VacancyPageFactory(
        parent=index_page,
        opens_at=closes_utc - datetime.timedelta(days=40),
        closes_at=closes_london,
    )
    page.refresh_from_db()
    assert page.closes_at == closes_utc

    before, after = (
        closes_utc - datetime.timedelta(seconds=1),
        closes_utc + datetime.timedelta(seconds=1),
    )
    assert page.state(before) == OpportunityState.OPEN
    assert page.state(after) == OpportunityState.CLOSED

    with frozen(before):
        html_before = client.get(index_page.url).content.decode()
    with frozen(after):
        html_after = client.get(index_page.url).content.decode()

    assert page.title in section(html_before, "open-heading")
    assert "Closes within a day" in section(html_before, "open-heading")
    assert page.title not in section(html_after, "open-heading")
    assert page.title in section(html_after, "closed-heading")
    local = closes_london.strftime("%A %-d %B %Y, 10:00 ") + closes_london.tzname()
    assert local in html_before and local in html_after


def test_closes_in_days_counts_whole_days_across_the_clock_change():
    page = VacancyPageFactory.build(closes_at=datetime.datetime(2024, 4, 1, 10, 0, tzinfo=LONDON))
    # Saturday 30 March 10:00 GMT to Monday 1 April 10:00 BST is 47 hours, not 48.
    saturday = datetime.datetime(2024, 3, 30, 10, 0, tzinfo=LONDON)

    assert page.closes_in_days(saturday) == 1
    assert page.closes_in_days(saturday - datetime.timedelta(hours=1)) == 2


def test_the_editors_preview_lists_the_opportunities_as_the_site_does(client, index_page):
    """Wagtail renders a preview without ``serve``: the index's view (ServedByView) adds
    the listing there too."""
    now = timezone.now()
    CohortProgrammePageFactory(
        parent=index_page, title="FOI support", closes_at=now + datetime.timedelta(days=20)
    )

    served = section(client.get(index_page.url).content.decode(), "open-heading")
    previewed = section(index_page.make_preview_request().content.decode(), "open-heading")

    assert "FOI support" in served
    assert previewed == served
