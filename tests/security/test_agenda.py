"""My agenda, adversarially: stars forged from another site, another person's stars or feed,
guessing feed addresses, open redirects, a visitor's stars leaking into the shared page."""

import icalendar
import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale

from conference.factories import ConferenceIndexPageFactory
from conference.models import AgendaFeedToken, SessionStar
from conference.programme.agenda.selectors import SESSION_STARS
from tests.conference.conftest import Tictec

pytestmark = pytest.mark.django_db

STAR_URL = "/agenda/star/"
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def tictec(home_page):
    return Tictec(ConferenceIndexPageFactory(parent=home_page))


@pytest.fixture
def person(db):
    def make(email):
        user = get_user_model().objects.create_user(username=email, email=email, password="x")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def sessions(tictec):
    return [
        tictec.session("Fossil-fuel narratives", start="13:30"),
        tictec.session("Home retrofit", start="13:30", room=tictec.studio),
        tictec.session("FOI dataset", start="14:10"),
    ]


def star_data(session, starred="1", **extra):
    return {"session": str(session.translation_key), "starred": starred, **extra}


def starred_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        button.select_one(".visually-hidden").get_text().removeprefix(": ")
        for button in page.select(".star-button[aria-pressed=true]")
    ]


def feed_titles(response):
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


# Forged stars ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no Fetch Metadata and no Origin: cannot tell where it came from
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site here
        {"Sec-Fetch-Site": "none"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        # Fetch Metadata wins over an Origin header a proxy might have rewritten.
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
    ],
)
def test_an_anonymous_star_from_another_site_is_refused(tictec, sessions, headers):
    client = Client(enforce_csrf_checks=True)

    response = client.post(STAR_URL, star_data(sessions[0]), headers=headers)

    assert response.status_code == 403
    assert SESSION_STARS not in client.session
    assert "sessionid" not in response.cookies


def test_an_anonymous_star_from_this_site_needs_no_token_but_a_wrong_token_fails(tictec, sessions):
    client = Client(enforce_csrf_checks=True)

    from_origin = client.post(
        STAR_URL, star_data(sessions[0]), headers={"Origin": "http://testserver"}
    )
    bad_token = client.post(
        STAR_URL,
        star_data(sessions[1], csrfmiddlewaretoken="x" * 64),
        headers=SAME_ORIGIN,
    )

    assert from_origin.status_code == 302
    assert bad_token.status_code == 403
    assert client.session[SESSION_STARS] == [str(sessions[0].translation_key)]


def test_a_signed_in_star_needs_the_csrf_token_even_from_this_site(tictec, sessions, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person("ana@example.org"))

    forged = client.post(STAR_URL, star_data(sessions[0]), headers=SAME_ORIGIN)
    assert forged.status_code == 403
    assert SessionStar.objects.count() == 0

    page = BeautifulSoup(client.get(sessions[0].url).content, "html.parser")
    token = page.select_one(".star-form input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(
        STAR_URL, star_data(sessions[0], csrfmiddlewaretoken=token), headers=SAME_ORIGIN
    )
    assert response.status_code == 302
    assert SessionStar.objects.count() == 1


def test_the_star_does_not_redirect_to_another_site(client, tictec, sessions):
    for next_url in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(STAR_URL, star_data(sessions[0], next=next_url), headers=SAME_ORIGIN)
        assert response.status_code == 302
        assert response["Location"] == f"/#star-{sessions[0].translation_key}"


def test_only_live_sessions_are_kept_and_one_post_cannot_grow_the_session(client, tictec, sessions):
    draft = tictec.session("Draft", start="16:00")
    draft.unpublish()
    junk = [f"00000000-0000-4000-8000-{n:012d}" for n in range(2000)]

    client.post(
        STAR_URL,
        {
            "session": [str(sessions[0].translation_key), str(draft.translation_key), *junk]
            + ["not-a-uuid", "' OR 1=1 --"],
            "starred": "1",
        },
        headers=SAME_ORIGIN,
    )

    assert client.session[SESSION_STARS] == [str(sessions[0].translation_key)]


def test_get_on_the_star_url_changes_nothing(client, tictec, sessions):
    response = client.get(STAR_URL, star_data(sessions[0]))

    assert response.status_code == 405
    assert SESSION_STARS not in client.session


# Nobody sees another person's stars ------------------------------------------------------


def test_a_visitors_stars_never_show_to_anyone_else(tictec, sessions, person):
    visitor, stranger = Client(), Client()
    visitor.post(STAR_URL, star_data(sessions[0]), headers=SAME_ORIGIN)
    signed_in = Client()
    signed_in.force_login(person("ana@example.org"))
    signed_in.post(STAR_URL, star_data(sessions[1]), headers=SAME_ORIGIN)

    for url in (tictec.programme.url, sessions[0].url, tictec.programme.url + "agenda/"):
        assert starred_titles(stranger.get(url)) == [], url
        # ...however often the shared page is asked for (it may come from the cache).
        assert starred_titles(stranger.get(url)) == [], url
    assert starred_titles(visitor.get(tictec.programme.url)) == ["Fossil-fuel narratives"]
    assert starred_titles(signed_in.get(tictec.programme.url)) == ["Home retrofit"]


def test_with_the_page_cache_on_the_shared_programme_is_cached_and_stars_stay_personal(
    settings, home_page, tictec, sessions
):
    """The programme with its star buttons is the same page for every anonymous visitor
    (home/page_cache.py stores it); starring makes the visitor's own copy personal."""
    for code in ("fr", "nl"):  # as on the site: the language switcher links, not a form
        home_page.copy_for_translation(Locale.objects.get(language_code=code), alias=True)
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    stranger, visitor = Client(), Client()
    url = tictec.programme.url

    shared = stranger.get(url)
    assert shared["Cache-Control"].startswith("public")
    assert b"csrfmiddlewaretoken" not in shared.content

    visitor.post(STAR_URL, star_data(sessions[0], next=url), headers=SAME_ORIGIN)
    own = visitor.get(url)
    again = stranger.get(url)

    assert "private" in own["Cache-Control"] and "no-store" in own["Cache-Control"]
    assert starred_titles(own) == ["Fossil-fuel narratives"]
    assert again["ETag"] == shared["ETag"]
    assert starred_titles(again) == []
    cache.clear()


def test_pages_showing_someones_stars_are_never_publicly_cacheable(tictec, sessions, person):
    client = Client()
    client.force_login(person("ana@example.org"))
    client.post(STAR_URL, star_data(sessions[0]), headers=SAME_ORIGIN)

    for url in (tictec.programme.url, sessions[0].url, tictec.programme.url + "agenda/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control, url


# The private calendar feed ----------------------------------------------------------------


@pytest.fixture
def two_feeds(tictec, sessions, person):
    ana, ben = person("ana@example.org"), person("ben@example.org")
    SessionStar.objects.create(user=ana, session_key=sessions[0].translation_key)
    SessionStar.objects.create(user=ben, session_key=sessions[1].translation_key)
    SessionStar.objects.create(user=ben, session_key=sessions[2].translation_key)
    return {
        ana: AgendaFeedToken.objects.create(user=ana),
        ben: AgendaFeedToken.objects.create(user=ben),
    }


def feed_url(tictec, token):
    return f"{tictec.programme.url}agenda/feed/{token}/"


def test_each_feed_gives_only_its_owners_sessions_whoever_asks(client, tictec, two_feeds, person):
    ana, ben = two_feeds
    # Signed in as Ana, Ben's address still gives only Ben's sessions: the address decides.
    client.force_login(ana)

    assert feed_titles(client.get(feed_url(tictec, two_feeds[ana].token))) == [
        "Fossil-fuel narratives"
    ]
    assert feed_titles(client.get(feed_url(tictec, two_feeds[ben].token))) == [
        "FOI dataset",
        "Home retrofit",
    ]


def test_feed_addresses_cannot_be_guessed_or_enumerated(client, tictec, two_feeds):
    ana, _ben = two_feeds
    token = two_feeds[ana].token
    assert len(token) >= 43  # 256 random bits

    for guess in (
        "x",
        token[:-1],
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        token.upper() if token.upper() != token else token.lower(),
        str(ana.pk),
        "1",
    ):
        response = client.get(feed_url(tictec, guess))
        assert response.status_code == 404, guess
        assert b"BEGIN:VCALENDAR" not in response.content
    # The agenda page of someone signed out shows no address at all.
    assert token.encode() not in client.get(tictec.programme.url + "agenda/").content


def test_a_revoked_feed_answers_404_and_revoking_is_the_owners_alone(client, tictec, two_feeds):
    ana, ben = two_feeds
    client.force_login(ben)
    client.post(tictec.programme.url + "agenda/calendar/", {"action": "revoke"})

    assert client.get(feed_url(tictec, two_feeds[ben].token)).status_code == 404
    # Ben revoking his address leaves Ana's working.
    assert feed_titles(client.get(feed_url(tictec, two_feeds[ana].token))) == [
        "Fossil-fuel narratives"
    ]


def test_the_feed_is_never_publicly_cached(client, tictec, two_feeds):
    ana, _ben = two_feeds

    response = client.get(feed_url(tictec, two_feeds[ana].token))

    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control
    assert response["X-Robots-Tag"] == "noindex"
    # Asked again with no cookies at all, it is still computed for its owner, not cached.
    SessionStar.objects.filter(user=ana).delete()
    assert feed_titles(client.get(feed_url(tictec, two_feeds[ana].token))) == []


def test_the_feed_address_form_refuses_a_forged_post(tictec, two_feeds):
    ana, _ben = two_feeds
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)

    response = client.post(
        tictec.programme.url + "agenda/calendar/", {"action": "revoke"}, headers=SAME_ORIGIN
    )

    assert response.status_code == 403
    assert AgendaFeedToken.objects.active().filter(user=ana).exists()
