"""A generic call (proposals.CallPage) staff place below the opportunities index, e.g. a
working group's application, is listed with the opportunities: open, opening or closed."""

import datetime
import re

import pytest
from django.utils import timezone

from cohorts.factories import CohortProgrammePageFactory
from cohorts.selectors import opportunity_listing
from proposals.factories import CallPageFactory

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def test_an_open_generic_call_is_listed_with_its_introduction_and_closing(client, index_page):
    now = timezone.now()
    CallPageFactory(
        parent=index_page,
        title="Working group on open contracting",
        introduction="<p>Join a working group of <b>six</b> people &amp; meet twice.</p>",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=5, hours=1),
    )

    card = section(client.get(index_page.url).content.decode(), "open-heading")

    assert "Working group on open contracting" in card
    assert '<span class="tag">Call for applications</span>' in card
    assert "<p>Join a working group of six people &amp; meet twice.</p>" in card
    assert "Closes in 5 days" in card


def test_generic_calls_are_upcoming_or_closed_by_their_dates_and_filtered_by_kind(
    client, index_page
):
    now = timezone.now()
    upcoming = CallPageFactory(
        parent=index_page,
        title="Working group, next round",
        opens_at=now + datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=30),
    )
    closed = CallPageFactory(
        parent=index_page,
        title="Working group, last round",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )
    CohortProgrammePageFactory(parent=index_page, title="FOI support")

    listing = opportunity_listing(index_page=index_page, kind="call")
    html = client.get(index_page.url, {"kind": "call"}).content.decode()

    assert [page.pk for page in listing.upcoming] == [upcoming.pk]
    assert [page.pk for page in listing.closed] == [closed.pk]
    assert listing.open == []
    assert '<span aria-current="page">Call for applications</span>' in html
    assert "FOI support" not in html
    cohorts_only = client.get(index_page.url, {"kind": "cohort"}).content.decode()
    assert "Working group" not in cohorts_only


def test_a_call_under_the_index_is_named_by_its_own_title_not_the_index_s(index_page):
    """The index lists the calls under it; they do not belong to it. A call under a
    conference is still named with it (tests/proposals/admin/test_calls.py)."""
    cohort = CohortProgrammePageFactory(
        parent=index_page, title="FOI campaign support cohort, spring 2027"
    )
    working_group = CallPageFactory(parent=index_page, title="Working group on open contracting")

    assert index_page.title == "Opportunities"
    assert cohort.admin_display_title == "FOI campaign support cohort, spring 2027"
    assert working_group.admin_display_title == "Working group on open contracting"
