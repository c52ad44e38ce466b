"""The public programme: one table per day, filters without JavaScript, fixed queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.factories import build_conference
from conference.models import SessionPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]


def test_programme_is_one_table_per_day_with_a_row_per_time_and_a_column_per_room(
    client, tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace", organisation="mySociety")
    tictec.session(
        "Using FOI to make climate risks known",
        start="09:30",
        themes=[tictec.climate],
        speakers=[ada],
    )
    tictec.session("Running an ATI platform", start="09:30", room=tictec.studio)
    tictec.session("Coffee break", start="10:00", session_format=tictec.coffee, slug="coffee")
    tictec.session("Open contracting data", start="10:30", day=tictec.day_two, room=tictec.studio)

    page = soup(client.get(tictec.programme.url))

    assert texts(page.select("h1")) == ["Programme"]
    tables = page.select("table.programme-table")
    assert texts(table.caption for table in tables) == [
        "Sessions on Day one (Tuesday 10 June 2025), by start time and room. "
        "Times in Europe/Brussels (CEST, UTC+02:00).",
        "Sessions on Day two (Wednesday 11 June 2025), by start time and room. "
        "Times in Europe/Brussels (CEST, UTC+02:00).",
    ]
    day_one = tables[0]
    assert texts(day_one.select("thead th[scope=col]")) == ["Time", "Main hall", "Studio"]
    assert texts(day_one.select("tbody th[scope=row]")) == ["09:30", "10:00"]
    first_row = day_one.select("tbody tr")[0].select("td")
    assert texts(first_row[0].select(".programme-session__title")) == [
        "Using FOI to make climate risks known"
    ]
    assert first_row[0].select_one("a")["href"] == (
        "/en/tictec/tictec-2025/programme/using-foi-to-make-climate-risks-known/"
    )
    assert texts(first_row[0].select(".programme-session__meta")) == [
        "09:30 – 09:50 · Main hall · 20-minute presentation"
    ]
    assert texts(first_row[0].select(".tag")) == ["Climate change"]
    assert texts(first_row[0].select(".programme-session__speakers")) == ["With Ada Lovelace"]
    assert texts(first_row[1].select(".programme-session__title")) == ["Running an ATI platform"]
    # The break spans every room of the day.
    coffee_cell = day_one.select("tbody tr")[1].select("td")
    assert len(coffee_cell) == 1
    assert coffee_cell[0]["colspan"] == "2"
    assert texts(coffee_cell[0].select(".programme-session__meta")) == [
        "10:00 – 10:30 · All rooms · Break"
    ]
    assert texts(tables[1].select("thead th[scope=col]")) == ["Time", "Studio"]


def test_filters_by_theme_and_format_show_active_filters_that_can_be_removed(client, tictec):
    tictec.session("Climate talk", start="09:00", themes=[tictec.climate])
    tictec.session(
        "Climate workshop",
        start="09:30",
        themes=[tictec.climate],
        session_format=tictec.workshop,
    )
    tictec.session("Information talk", start="10:30", themes=[tictec.ati])

    page = soup(client.get(tictec.programme.url, {"theme": "climate", "format": "presentation"}))

    assert texts(page.select(".programme-session__title")) == ["Climate talk"]
    assert texts(page.select(".programme-count")) == ["1 session"]
    assert page.select_one("#filter-theme option[selected]")["value"] == "climate"
    assert page.select_one("#filter-format option[selected]")["value"] == "presentation"
    active = page.select(".active-filters a")
    assert texts(active) == [
        "Remove filter Theme: Climate change ×",
        "Remove filter Format: 20-minute presentation ×",
        "Clear all filters",
    ]
    assert [link["href"] for link in active] == ["?format=presentation", "?theme=climate", "?"]

    after_removal = soup(client.get(tictec.programme.url + active[0]["href"]))
    assert texts(after_removal.select(".programme-session__title")) == [
        "Climate talk",
        "Information talk",
    ]


def test_room_filter_keeps_breaks_and_attendance_filter_counts_hybrid_as_online(client, tictec):
    tictec.session("In the studio", start="09:00", room=tictec.studio)
    tictec.session("In the main hall", start="09:00")
    tictec.session("Coffee break", start="09:30", session_format=tictec.coffee, slug="coffee")
    tictec.session(
        "Hybrid panel", start="10:00", attendance=SessionPage.Attendance.HYBRID, slug="hybrid"
    )
    tictec.session(
        "Remote talk", start="10:00", room=tictec.studio, attendance=SessionPage.Attendance.REMOTE
    )

    studio = soup(client.get(tictec.programme.url, {"room": "studio"}))
    online = soup(client.get(tictec.programme.url, {"attendance": "remote"}))

    assert texts(studio.select(".programme-session__title")) == [
        "In the studio",
        "Coffee break",
        "Remote talk",
    ]
    assert texts(online.select(".programme-session__title")) == ["Hybrid panel", "Remote talk"]


def test_unknown_filter_values_are_ignored_and_an_empty_result_says_so(client, tictec):
    tictec.session("Climate talk", start="09:00", themes=[tictec.climate])

    unknown = soup(client.get(tictec.programme.url, {"theme": "astrology", "room": "<script>"}))
    nothing = soup(client.get(tictec.programme.url, {"theme": "ati"}))

    assert texts(unknown.select(".programme-session__title")) == ["Climate talk"]
    assert unknown.select(".active-filters") == []
    assert texts(nothing.select("main p"))[-1] == (
        "No session matches these filters. Show the whole programme"
    )


def test_draft_and_unscheduled_sessions_stay_off_the_table(client, tictec):
    tictec.session("Published", start="09:00")
    tictec.session("Not yet placed", start=None, day=None, room=None, slug="not-placed")
    draft = tictec.session("Draft", start="10:00", room=tictec.studio)
    draft.unpublish()

    page = soup(client.get(tictec.programme.url))

    assert texts(page.select(".programme-session__title")) == ["Published"]


def count_queries(client, url, **params):
    client.get(url, params)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


def test_programme_and_exports_run_the_same_queries_for_3_or_30_sessions(
    client, conference_index, django_assert_max_num_queries
):
    _conference, small, _index = build_conference(parent=conference_index, sessions=3, speakers=2)
    large_conference, large, _index = build_conference(
        parent=conference_index, sessions=30, speakers=20
    )
    theme, talk = large_conference.themes.first(), large_conference.formats.first()

    for url, params, budget in [
        ("", {}, 30),
        ("", {"theme": theme.slug, "format": talk.slug}, 30),
        ("schedule/ics/", {}, 22),
        ("schedule/xml/", {}, 22),
        ("schedule/json/", {}, 22),
    ]:
        small_count, _response = count_queries(client, small.url + url, **params)
        with django_assert_max_num_queries(budget):
            large_response = client.get(large.url + url, params)
        assert count_queries(client, large.url + url, **params)[0] == small_count, url

    whole = client.get(large.url).content.decode()
    filtered = client.get(large.url, {"theme": theme.slug}).content.decode()
    assert whole.count('class="programme-session__title"') == 30
    assert filtered.count('class="programme-session__title"') == 10
    assert large_response["Content-Type"] == "application/json; charset=utf-8"
