"""The home page leads with the next conference and the open calls by their dates, so
nobody has to remember to feature them; the main navigation reaches TICTeC and Donate."""

import datetime

import pytest
from django.utils import timezone

from conference.factories import ConferencePageFactory, ProgrammePageFactory
from conference.programme import selectors as conference_selectors

pytestmark = pytest.mark.django_db


def _conference(index, title, start, **fields):
    return ConferencePageFactory(
        parent=index,
        title=title,
        slug=title.lower().replace(" ", "-"),
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        **fields,
    )


def test_past_and_upcoming_come_from_the_dates_in_the_conference_time_zone(conference_index):
    conference = _conference(
        conference_index, "TICTeC 2025", datetime.date(2025, 6, 10), time_zone="Pacific/Auckland"
    )
    # 11 June ends at midnight in Auckland, 12:00 UTC on the 11th.
    just_before = datetime.datetime(2025, 6, 11, 11, 59, tzinfo=datetime.UTC)
    just_after = datetime.datetime(2025, 6, 11, 12, 0, tzinfo=datetime.UTC)

    assert (conference.has_ended(just_before), conference.has_ended(just_after)) == (False, True)
    assert conference.status != "past"
    assert conference.is_past  # June 2025 is over today, whatever its status says


def test_the_home_page_leads_with_the_next_conference_and_its_programme(
    client, conference_index, home_page
):
    today = timezone.now().date()
    _conference(conference_index, "TICTeC 2019", datetime.date(2019, 3, 19))
    upcoming = _conference(conference_index, "TICTeC 2027", today + datetime.timedelta(days=90))
    _conference(conference_index, "TICTeC 2028", today + datetime.timedelta(days=400))
    programme = ProgrammePageFactory(parent=upcoming, title="Programme", slug="programme")

    html = client.get(home_page.url).content.decode()

    assert "Our next conference" in html
    assert f'<a href="{upcoming.url}">TICTeC 2027</a>' in html
    assert f'<a href="{programme.url}">Programme</a>' in html
    assert "TICTeC 2028" not in html and "TICTeC 2019" not in html


def test_with_no_upcoming_conference_the_latest_one_is_shown_as_an_archive(conference_index):
    _conference(conference_index, "TICTeC 2019", datetime.date(2019, 3, 19))
    latest = _conference(conference_index, "TICTeC 2025", datetime.date(2025, 6, 10))

    conference, _children = conference_selectors.next_conference(
        locale_id=latest.locale_id, default_locale_id=latest.locale_id, now=timezone.now()
    )

    assert conference.pk == latest.pk and conference.is_past
