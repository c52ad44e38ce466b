"""Now and next: what is on in each room, in the conference's time zone, whoever asks."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conference.factories import build_conference
from conference.programme import selectors

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# 14:30 in Brussels on the first day (CEST, UTC+2), the same instant wherever it is read.
HALF_PAST_TWO = datetime.datetime(2025, 6, 10, 14, 30, tzinfo=BRUSSELS)


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]


def at(moment, monkeypatch):
    """Make ``moment`` the current time for the code under test."""
    monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(datetime.UTC))


def get_now_page(client, programme):
    response = client.get(f"{programme.url}now/")
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def summary(result):
    """(room, running titles, starting titles) for each room with something on."""
    return [
        (
            "All rooms" if group.every_room else group.room.name,
            [session.title for session in group.running],
            [session.title for session in group.starting],
        )
        for group in result["rooms"]
    ]


@pytest.fixture
def afternoon(tictec):
    """Day one's afternoon around 14:30, and a session the next morning."""
    tictec.session("Ended at half past", start="14:10")  # 20 minutes: ends 14:30
    tictec.session("Workshop running", start="14:15", session_format=tictec.workshop)
    tictec.session("Starting right now", start="14:30", room=tictec.studio)
    tictec.session("Coffee break", start="15:00", session_format=tictec.coffee, slug="coffee")
    tictec.session("In exactly an hour", start="15:30", room=tictec.studio)
    tictec.session("In 61 minutes", start="15:31")
    tictec.session("Tomorrow morning", start="09:00", day=tictec.day_two)
    return tictec


EXPECTED_AT_HALF_PAST_TWO = [
    ("All rooms", [], ["Coffee break"]),
    ("Main hall", ["Workshop running"], []),
    ("Studio", ["Starting right now"], ["In exactly an hour"]),
]


@pytest.mark.parametrize(
    "visitor_zone", ["Europe/Brussels", "UTC", "America/New_York", "Pacific/Auckland"]
)
def test_the_same_sessions_are_on_at_1430_in_brussels_wherever_the_clock_is_read(
    afternoon, settings, visitor_zone
):
    settings.TIME_ZONE = visitor_zone
    with timezone.override(visitor_zone):
        result = selectors.now_and_next(
            programme=afternoon.programme,
            now=HALF_PAST_TWO.astimezone(zoneinfo.ZoneInfo(visitor_zone)),
        )

    assert result["state"] == "during"
    assert result["now_label"] == "14:30"
    assert result["today"] == datetime.date(2025, 6, 10)
    assert summary(result) == EXPECTED_AT_HALF_PAST_TWO


def test_a_session_starting_exactly_an_hour_later_is_listed_and_one_61_minutes_later_is_not(
    afternoon,
):
    at_1431 = selectors.now_and_next(
        programme=afternoon.programme, now=HALF_PAST_TWO + datetime.timedelta(minutes=1)
    )
    at_1429 = selectors.now_and_next(
        programme=afternoon.programme, now=HALF_PAST_TWO - datetime.timedelta(minutes=1)
    )

    # 14:31: the 15:31 session is now exactly an hour away; the 15:30 one still listed.
    assert summary(at_1431) == [
        ("All rooms", [], ["Coffee break"]),
        ("Main hall", ["Workshop running"], ["In 61 minutes"]),
        ("Studio", ["Starting right now"], ["In exactly an hour"]),
    ]
    # 14:29: the 14:10 talk has a minute left; 15:30 is 61 minutes away.
    assert summary(at_1429) == [
        ("All rooms", [], ["Coffee break"]),
        ("Main hall", ["Ended at half past", "Workshop running"], []),
        ("Studio", [], ["Starting right now"]),
    ]


def test_the_page_lists_each_rooms_sessions_for_a_visitor_in_another_time_zone(
    client, afternoon, settings, monkeypatch
):
    settings.TIME_ZONE = "America/Los_Angeles"
    at(HALF_PAST_TWO, monkeypatch)

    response, page = get_now_page(client, afternoon.programme)

    assert texts(page.select("h1")) == ["Now and next"]
    assert texts(page.select(".now-and-next__time")) == [
        "Sessions running at 14:30 on Tuesday 10 June and starting within the hour, in the "
        "conference’s time zone: Europe/Brussels (CEST, UTC+02:00). Update this list"
    ]
    rooms = page.select(".now-and-next__room")
    assert [
        (
            texts(room.select("h2")),
            texts(room.select("h3")),
            texts(room.select(".programme-session__title")),
        )
        for room in rooms
    ] == [
        (["All rooms"], ["Starting within the hour"], ["Coffee break"]),
        (["Main hall"], ["Now"], ["Workshop running"]),
        (
            ["Studio"],
            ["Now", "Starting within the hour"],
            ["Starting right now", "In exactly an hour"],
        ),
    ]
    assert texts(page.select(".now-and-next__room .programme-session__meta"))[0] == (
        "15:00 – 15:30 · All rooms · Break"
    )
    assert page.select_one(".now-and-next__room a")["href"] == f"{afternoon.programme.url}coffee/"
    update = page.find("a", string="Update this list")
    assert update["href"] == f"{afternoon.programme.url}now/"
    # No automatic refresh (WCAG 2.2.1), and no cache keeps it for more than a minute.
    assert page.select('meta[http-equiv="refresh"]') == []
    assert response["Cache-Control"] == "max-age=60"


def test_the_date_is_the_conferences_not_utcs(afternoon):
    # 00:30 on 10 June in Brussels is still 9 June in UTC.
    just_after_midnight = datetime.datetime(2025, 6, 9, 22, 30, tzinfo=datetime.UTC)

    result = selectors.now_and_next(programme=afternoon.programme, now=just_after_midnight)

    assert result["state"] == "during"
    assert result["today"] == datetime.date(2025, 6, 10)
    assert result["rooms"] == []
    assert result["later"].title == "Ended at half past"


def test_before_the_conference_the_page_says_when_it_starts(client, afternoon, monkeypatch):
    # 23:59 on 9 June in Brussels (21:59 UTC).
    at(datetime.datetime(2025, 6, 9, 23, 59, tzinfo=BRUSSELS), monkeypatch)

    _response, page = get_now_page(client, afternoon.programme)

    paragraphs = texts(page.select("main p"))
    assert paragraphs[0] == (
        "TICTeC 2025 starts on Tuesday 10 June 2025 at 09:00 (Europe/Brussels (CEST, UTC+02:00))."
    )
    assert page.select(".now-and-next__room") == []
    assert page.find("a", string="See the whole programme")["href"] == afternoon.programme.url


def test_after_the_conference_the_page_says_it_has_ended(client, afternoon, monkeypatch):
    at(datetime.datetime(2025, 6, 12, 0, 0, tzinfo=BRUSSELS), monkeypatch)

    _response, page = get_now_page(client, afternoon.programme)

    assert texts(page.select("main p")) == ["TICTeC 2025 has ended.", "See the whole programme"]
    assert page.find("a", string="See the whole programme")["href"] == afternoon.programme.url


def test_between_sessions_the_page_names_the_next_one(client, afternoon, monkeypatch):
    at(datetime.datetime(2025, 6, 10, 19, 0, tzinfo=BRUSSELS), monkeypatch)

    _response, page = get_now_page(client, afternoon.programme)

    assert texts(page.select("main p"))[1:3] == [
        "Nothing is on now or in the next hour.",
        "The next session starts at 09:00 on Day two (Wednesday 11 June 2025): Tomorrow morning",
    ]
    assert page.find("a", string="Tomorrow morning")["href"] == (
        f"{afternoon.programme.url}tomorrow-morning/"
    )


def test_after_the_last_session_on_the_last_day_nothing_more_is_scheduled(afternoon):
    evening = datetime.datetime(2025, 6, 11, 20, 0, tzinfo=BRUSSELS)

    result = selectors.now_and_next(programme=afternoon.programme, now=evening)

    assert (result["state"], result["rooms"], result["later"]) == ("during", [], None)


def test_the_programme_links_to_now_and_next_only_during_the_conference(
    client, afternoon, monkeypatch
):
    link = f'<a href="{afternoon.programme.url}now/">What’s on now and in the next hour</a>'
    moments = {
        "day before": datetime.datetime(2025, 6, 9, 12, 0, tzinfo=BRUSSELS),
        "first day": HALF_PAST_TWO,
        "last day": datetime.datetime(2025, 6, 11, 23, 0, tzinfo=BRUSSELS),
        "day after": datetime.datetime(2025, 6, 12, 8, 0, tzinfo=BRUSSELS),
    }
    shown = {}
    for name, moment in moments.items():
        at(moment, monkeypatch)
        shown[name] = link in client.get(afternoon.programme.url).content.decode()

    assert shown == {"day before": False, "first day": True, "last day": True, "day after": False}


def test_the_page_cache_keeps_the_programme_only_until_the_link_appears_or_goes(
    client, afternoon, settings, monkeypatch
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_MAX_AGE = 600
    cache.clear()
    max_ages = {}
    for name, moment in {
        "five minutes before the first day": datetime.datetime(2025, 6, 9, 23, 55, tzinfo=BRUSSELS),
        "during": HALF_PAST_TWO,
        "five minutes before the end": datetime.datetime(2025, 6, 11, 23, 55, tzinfo=BRUSSELS),
    }.items():
        at(moment, monkeypatch)
        cache.clear()
        response = client.get(afternoon.programme.url)
        max_ages[name] = response["Cache-Control"]
    cache.clear()

    assert max_ages == {
        "five minutes before the first day": "public, max-age=300, stale-while-revalidate=60",
        "during": "public, max-age=600, stale-while-revalidate=60",
        "five minutes before the end": "public, max-age=300, stale-while-revalidate=60",
    }


def test_the_page_cache_never_keeps_now_and_next(client, afternoon, settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    at(HALF_PAST_TWO, monkeypatch)
    _response, at_half_past = get_now_page(client, afternoon.programme)
    at(HALF_PAST_TWO + datetime.timedelta(hours=1), monkeypatch)
    response, an_hour_later = get_now_page(client, afternoon.programme)
    cache.clear()

    assert response["Cache-Control"] == "max-age=60"
    assert texts(at_half_past.select(".programme-session__title"))[0] == "Coffee break"
    assert texts(an_hour_later.select(".programme-session__title")) == [
        "In 61 minutes",  # Main hall, starting at 15:31
        "In exactly an hour",  # Studio, running since 15:30
    ]


def test_a_session_cannot_take_the_now_address(tictec):
    with pytest.raises(ValidationError) as error:
        tictec.session("Now", start="16:00", slug="now")

    assert error.value.message_dict["slug"] == [
        "This address is reserved for the programme's own pages."
    ]


def count_queries(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_now_and_next_runs_the_same_queries_for_6_or_60_sessions(
    client, conference_index, monkeypatch
):
    counts, pages = [], []
    for sessions in (6, 60):
        conference, programme, _index = build_conference(
            parent=conference_index, sessions=sessions, speakers=10, rooms=3
        )
        # 09:10 on the first day: the first three sessions run, the next slots start soon.
        at(
            datetime.datetime.combine(conference.start_date, datetime.time(9, 10), conference.tz),
            monkeypatch,
        )
        count, content = count_queries(client, f"{programme.url}now/")
        counts.append(count)
        pages.append(content)

    assert counts[0] == counts[1]
    assert counts[1] <= 30  # the programme page's budget
    # 60 sessions over 2 days in 3 rooms, 25 minutes apart: 3 running, 6 more within the hour.
    assert pages[1].count('class="programme-session__title"') == 9
    assert pages[0].count('class="programme-session__title"') == 3


def test_a_french_visitor_reads_now_and_next_in_french(client, afternoon, translate, monkeypatch):
    translate(afternoon.conference.get_parent(), "fr")
    translate(afternoon.conference, "fr")
    french_programme = translate(afternoon.programme, "fr")
    for session in afternoon.programme.get_children().specific():
        translate(session, "fr")
    at(HALF_PAST_TWO, monkeypatch)

    _response, page = get_now_page(client, french_programme)

    assert page.html["lang"] == "fr"
    assert texts(page.select("h1")) == ["En ce moment et à suivre"]
    assert texts(page.select(".now-and-next__time")) == [
        "Sessions en cours à 14:30 le mardi 10 juin et sessions qui commencent dans l’heure, "
        "dans le fuseau horaire de la conférence : Europe/Brussels (CEST, UTC+02:00). "
        "Mettre à jour cette liste"
    ]
    assert [texts(room.select("h2, h3")) for room in page.select(".now-and-next__room")] == [
        ["Toutes les salles", "Commencent dans l’heure"],
        ["FR Main hall", "En ce moment"],
        ["FR Studio", "En ce moment", "Commencent dans l’heure"],
    ]
    assert texts(page.select(".programme-session__title")) == [
        "FR Coffee break",
        "FR Workshop running",
        "FR Starting right now",
        "FR In exactly an hour",
    ]
