"""My agenda: attendees star sessions without JavaScript (in their session, or their
account when signed in), see them on the agenda page and the programme's ``?agenda=1``,
and subscribe to a private calendar feed that follows sessions when they move."""

import datetime
import json

import icalendar
import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.factories import build_conference
from conference.models import AgendaFeedToken, SessionPage, SessionStar
from conference.programme.agenda.selectors import SESSION_STARS
from home import personal_data

pytestmark = pytest.mark.django_db

STAR_URL = "/agenda/star/"
# What a browser sends with a form posted from one of the site's own pages.
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
PASSWORD = "a-long-and-unusual-passphrase"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]


def starred_titles(page):
    """The sessions whose star button is pressed, by the title each button names."""
    return [
        button.select_one(".visually-hidden").get_text().removeprefix(": ")
        for button in page.select(".star-button[aria-pressed=true]")
    ]


def star(client, session, *, starred=True, next_url=None):
    return client.post(
        STAR_URL,
        {
            "session": str(session.translation_key),
            "starred": "1" if starred else "0",
            "next": next_url if next_url is not None else session.get_parent().url,
        },
        headers=SAME_ORIGIN,
    )


@pytest.fixture
def person(db):
    def make(email="ines@example.org"):
        user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def sessions(tictec):
    return {
        "fossil": tictec.session("Fossil-fuel narratives", start="13:30"),
        "retrofit": tictec.session("Home retrofit", start="13:30", room=tictec.studio),
        "foi": tictec.session("FOI dataset", start="14:10", day=tictec.day_two),
        "coffee": tictec.session(
            "Afternoon coffee", start="15:00", session_format=tictec.coffee, slug="coffee"
        ),
    }


def agenda_url(tictec):
    return tictec.programme.url + "agenda/"


# Starring without JavaScript -------------------------------------------------------


def test_anonymous_visitor_stars_and_unstars_with_a_form_and_sees_it_on_the_programme(
    client, tictec, sessions
):
    programme_url = tictec.programme.url
    before = soup(client.get(programme_url))
    # The page every anonymous visitor shares: nothing starred, no CSRF token in it.
    assert starred_titles(before) == []
    assert len(before.select(".star-button[aria-pressed=false]")) == 3  # not the break
    assert before.select("input[name=csrfmiddlewaretoken]") == []

    response = star(client, sessions["fossil"], next_url=programme_url + "?theme=")

    key = sessions["fossil"].translation_key
    assert response.status_code == 302
    assert response["Location"] == f"{programme_url}?theme=#star-{key}"
    assert client.session[SESSION_STARS] == [str(key)]
    assert SessionStar.objects.count() == 0
    after = client.get(programme_url)
    page = soup(after)
    assert starred_titles(page) == ["Fossil-fuel narratives"]
    assert texts(page.select(".messages")) == ["“Fossil-fuel narratives” is in your agenda."]
    form = page.select_one(f"#star-{key}")
    assert form["action"] == STAR_URL
    assert form.select_one("input[name=starred]")["value"] == "0"
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    # Personal from now on: never kept by a shared cache.
    assert "private" in after["Cache-Control"] and "no-store" in after["Cache-Control"]

    star(client, sessions["fossil"], starred=False)

    assert SESSION_STARS not in client.session
    assert starred_titles(soup(client.get(programme_url))) == []


def test_the_session_page_has_the_same_star(client, tictec, sessions):
    session = sessions["retrofit"]
    page = soup(client.get(session.url))
    button = page.select_one(".session-actions .star-button")
    assert texts([button]) == ["In my agenda : Home retrofit"]
    assert button["aria-pressed"] == "false"

    star(client, session, next_url=session.url)

    page = soup(client.get(session.url))
    assert starred_titles(page) == ["Home retrofit"]
    assert page.select_one(".session-actions a[href$='/agenda/']") is not None


def test_signed_in_stars_are_kept_in_the_account_by_translation_key(
    client, tictec, sessions, person, translate
):
    user = person()
    client.force_login(user)

    response = star(client, sessions["foi"])

    assert response.status_code == 302
    assert list(SessionStar.objects.values_list("user", "session_key")) == [
        (user.pk, sessions["foi"].translation_key)
    ]
    # The French page of a session is the same session: starred there too.
    translate(tictec.conference)
    french_programme = translate(tictec.programme)
    french_session = translate(sessions["foi"])
    assert french_session.translation_key == sessions["foi"].translation_key
    assert starred_titles(soup(client.get(french_programme.url))) == ["FR FOI dataset"]
    assert starred_titles(soup(client.get(french_session.url))) == ["FR FOI dataset"]


def test_a_draft_or_unknown_session_cannot_be_starred(client, tictec, sessions):
    draft = tictec.session("Not yet", start="16:00")
    draft.unpublish()

    response = star(client, draft)

    assert response.status_code == 302
    assert response["Location"] == tictec.programme.url
    assert SESSION_STARS not in client.session
    page = soup(client.get(tictec.programme.url))
    assert texts(page.select(".messages")) == ["This session is no longer in the programme."]


def test_the_star_answers_json_to_the_page_script(client, tictec, sessions):
    response = client.post(
        STAR_URL,
        {"session": [str(sessions["fossil"].translation_key)], "starred": "1"},
        headers={**SAME_ORIGIN, "Accept": "application/json"},
    )

    assert response.status_code == 200
    assert response.json() == {
        "starred": True,
        "sessions": [str(sessions["fossil"].translation_key)],
    }
    assert "no-store" in response["Cache-Control"]


# My agenda ---------------------------------------------------------------------------


def test_the_agenda_page_lists_exactly_the_starred_sessions_in_time_order(client, tictec, sessions):
    for name in ("foi", "fossil"):
        star(client, sessions[name])

    page = soup(client.get(agenda_url(tictec)))

    assert texts(page.select("h1")) == ["My agenda"]
    assert texts(page.select(".agenda-day h2")) == [
        "Day one (Tuesday 10 June 2025)",
        "Day two (Wednesday 11 June 2025)",
    ]
    items = page.select(".agenda-item")
    assert texts(item.select_one(".agenda-item__title") for item in items) == [
        "Fossil-fuel narratives",
        "FOI dataset",
    ]
    assert [item.has_attr("hidden") for item in items] == [False, False]
    assert texts(items[0].select(".agenda-item__time")) == ["13:30 – 13:50"]
    assert starred_titles(page) == ["Fossil-fuel narratives", "FOI dataset"]
    assert texts(page.select(".agenda-count")) == ["2 starred sessions"]
    assert page.select_one("[data-agenda-empty]").has_attr("hidden")


def test_without_stars_on_the_server_the_agenda_page_leaves_it_to_the_browser(
    client, tictec, sessions
):
    response = client.get(agenda_url(tictec))
    page = soup(response)

    # Every session is there, hidden, for the page's script to show those starred in
    # this browser; without JavaScript the page says nothing is starred yet.
    items = page.select(".agenda-item")
    assert texts(item.select_one(".agenda-item__title") for item in items) == [
        "Fossil-fuel narratives",
        "Home retrofit",
        "Afternoon coffee",
        "FOI dataset",
    ]
    assert all(item.has_attr("hidden") for item in items)
    assert not page.select_one("[data-agenda-empty]").has_attr("hidden")
    assert page.select_one("[data-agenda]")["data-agenda"] == "browser"
    assert page.select("input[name=csrfmiddlewaretoken]") == []


def test_programme_filtered_to_my_agenda(client, tictec, sessions, person):
    client.force_login(person())
    for name in ("retrofit", "foi"):
        star(client, sessions[name])

    page = soup(client.get(tictec.programme.url, {"agenda": "1"}))

    assert texts(page.select(".programme-session__title")) == ["Home retrofit", "FOI dataset"]
    assert page.select_one("#filter-agenda").has_attr("checked")
    assert texts(page.select(".active-filters a")) == [
        "Remove filter Sessions: In my agenda ×",
        "Clear all filters",
    ]
    assert texts(page.select(".programme-count")) == ["2 sessions"]
    # Combined with another filter, and removable on its own.
    combined = soup(client.get(tictec.programme.url, {"agenda": "1", "room": "studio"}))
    assert texts(combined.select(".programme-session__title")) == ["Home retrofit"]
    assert [a["href"] for a in combined.select(".active-filters a")] == [
        "?agenda=1",
        "?room=studio",
        "?",
    ]


def test_anonymous_programme_filter_without_server_stars_shows_everything_and_says_why(
    client, tictec, sessions
):
    page = soup(client.get(tictec.programme.url, {"agenda": "1"}))

    assert len(page.select(".programme-session__title")) == 4
    note = page.select_one(".agenda-filter-note")
    assert texts([note]) == [
        "You have not starred any sessions yet, so the whole programme is shown."
    ]
    assert note["data-agenda-filter-note"] == (
        "Only the sessions you starred in this browser are shown."
    )


def test_stars_made_signed_out_join_the_account_on_sign_in(client, tictec, sessions, person):
    user = person()
    SessionStar.objects.create(user=user, session_key=sessions["foi"].translation_key)
    star(client, sessions["fossil"])
    star(client, sessions["foi"])
    cache.clear()  # allauth's rate limits count in the cache

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert sorted(SessionStar.objects.filter(user=user).values_list("session_key", flat=True)) == (
        sorted([sessions["foi"].translation_key, sessions["fossil"].translation_key])
    )
    assert SESSION_STARS not in client.session
    page = soup(client.get(agenda_url(tictec)))
    assert starred_titles(page) == ["Fossil-fuel narratives", "FOI dataset"]


# The private calendar feed ------------------------------------------------------------


def feed_events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {
        str(event["SUMMARY"]): event.decoded("DTSTART").isoformat()
        for event in calendar.walk("VEVENT")
    }


def test_the_feed_lists_the_starred_sessions_and_follows_a_session_that_moves(
    client, tictec, sessions, person
):
    client.force_login(person())
    star(client, sessions["fossil"])
    star(client, sessions["foi"])

    response = client.post(tictec.programme.url + "agenda/calendar/", {"action": "new"})

    assert response.status_code == 302
    assert response["Location"] == agenda_url(tictec) + "#calendar"
    token = AgendaFeedToken.objects.get()
    page = soup(client.get(agenda_url(tictec)))
    feed_url = page.select_one("#feed-url")["value"]
    assert feed_url == f"http://localhost{tictec.programme.url}agenda/feed/{token.token}/"
    assert page.select_one(".agenda-calendar a")["href"] == "webcal://" + feed_url[7:]
    assert texts(page.select("label[for=feed-url]")) == ["Your private calendar address"]

    assert feed_events(client, feed_url) == {
        "Fossil-fuel narratives": "2025-06-10T13:30:00+02:00",
        "FOI dataset": "2025-06-11T14:10:00+02:00",
    }

    # The programme team moves a session: the feed follows.
    moved = SessionPage.objects.get(pk=sessions["foi"].pk)
    moved.start_time = datetime.time(16, 45)
    moved.save_revision().publish()
    client.logout()  # the feed is read by a calendar app, with no session

    assert feed_events(client, feed_url) == {
        "Fossil-fuel narratives": "2025-06-10T13:30:00+02:00",
        "FOI dataset": "2025-06-11T16:45:00+02:00",
    }


def test_a_stopped_or_replaced_address_answers_404(client, tictec, sessions, person):
    client.force_login(person())
    star(client, sessions["fossil"])
    calendar_url = tictec.programme.url + "agenda/calendar/"
    client.post(calendar_url, {"action": "new"})
    first = AgendaFeedToken.objects.get().token

    client.post(calendar_url, {"action": "new"})

    second = AgendaFeedToken.objects.active().get().token
    assert second != first
    assert client.get(f"{tictec.programme.url}agenda/feed/{first}/").status_code == 404
    assert client.get(f"{tictec.programme.url}agenda/feed/{second}/").status_code == 200

    client.post(calendar_url, {"action": "revoke"})

    assert client.get(f"{tictec.programme.url}agenda/feed/{second}/").status_code == 404
    assert AgendaFeedToken.objects.active().count() == 0
    page = soup(client.get(agenda_url(tictec)))
    assert page.select("#feed-url") == []
    assert texts(page.select(".agenda-calendar button")) == ["Create my calendar address"]


def test_signed_out_the_agenda_page_offers_to_sign_in_for_the_feed(client, tictec, sessions):
    page = soup(client.get(agenda_url(tictec)))

    assert page.select(".agenda-calendar form") == []
    link = page.select_one(".agenda-calendar a")
    assert link["href"] == f"/accounts/login/?next={agenda_url(tictec)}"
    response = client.post(tictec.programme.url + "agenda/calendar/", {"action": "new"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert AgendaFeedToken.objects.count() == 0


# Queries ------------------------------------------------------------------------------


def count_queries(client, url, **params):
    client.get(url, params)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("signed_in", [True, False], ids=["signed-in", "session"])
def test_programme_agenda_and_feed_run_the_same_queries_for_3_or_30_sessions(
    client, conference_index, person, django_assert_max_num_queries, signed_in
):
    _conference, small, _index = build_conference(parent=conference_index, sessions=3, speakers=2)
    _conference, large, _index = build_conference(parent=conference_index, sessions=30, speakers=20)
    user = person()
    if signed_in:
        client.force_login(user)
    for programme in (small, large):
        for session in SessionPage.objects.child_of(programme)[:3]:
            star(client, session)
    token = AgendaFeedToken.objects.create(user=user)
    if signed_in:
        # The feed reads the account's stars.
        assert SessionStar.objects.filter(user=user).count() == 6
    else:
        SessionStar.objects.bulk_create(
            [
                SessionStar(user=user, session_key=key)
                for key in SessionPage.objects.values_list("translation_key", flat=True)[:6]
            ]
        )

    for url, params, budget in [
        ("", {}, 32),
        ("", {"agenda": "1"}, 32),
        ("agenda/", {}, 34),
        (f"agenda/feed/{token.token}/", {}, 22),
    ]:
        small_count, _response = count_queries(client, small.url + url, **params)
        with django_assert_max_num_queries(budget):
            client.get(large.url + url, params)
        assert count_queries(client, large.url + url, **params)[0] == small_count, url

    starred_large = soup(client.get(large.url, {"agenda": "1"}))
    assert len(starred_large.select(".programme-session__title")) == 3
    assert len(starred_titles(soup(client.get(large.url)))) == 3


# Personal data ---------------------------------------------------------------------------


def test_download_my_data_holds_the_agenda_and_deleting_the_account_deletes_it(
    client, tictec, sessions, person
):
    user = person()
    client.force_login(user)
    star(client, sessions["fossil"])
    client.post(tictec.programme.url + "agenda/calendar/", {"action": "new"})
    client.post(tictec.programme.url + "agenda/calendar/", {"action": "revoke"})
    token = AgendaFeedToken.objects.get()

    data = client.get("/accounts/my-data.json").json()

    assert [(star["session"], star["title"]) for star in data["agenda"]["starred_sessions"]] == [
        (str(sessions["fossil"].translation_key), "Fossil-fuel narratives")
    ]
    [address] = data["agenda"]["calendar_feed_addresses"]
    assert address["revoked"] is not None
    # The secret is not repeated in a file that may be kept or sent anywhere.
    assert token.token not in json.dumps(data)

    personal_data.delete_account(user=user)

    assert (SessionStar.objects.count(), AgendaFeedToken.objects.count()) == (0, 0)
