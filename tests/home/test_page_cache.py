"""The page cache (home/page_cache.py): public pages for anonymous visitors come from the
cache, every change that is published shows on the next request, and nothing personal,
no form with a CSRF token, no call page and no preview is ever stored."""

import datetime

import pytest
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from conference.call.factories import CallForProposalsPageFactory
from conference.factories import ConferenceIndexPageFactory, build_conference
from home import page_cache
from home.factories import ContentPageFactory, SiteSettingsFactory
from home.models import ContentPage, SiteSettings

PUBLIC = "public, max-age=60, stale-while-revalidate=60"


@pytest.fixture(autouse=True)
def home_in_every_language(home_page):
    """As on the site (locale synchronisation), the home page exists in every language, so
    the language switcher links to it rather than posting a form (with a CSRF token)."""
    for code in ("fr", "nl"):
        home_page.copy_for_translation(Locale.objects.get(language_code=code), alias=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_MAX_AGE = 60
    settings.PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a change the way the admin does (a revision, then publish), running what
    waits for the commit (the purge)."""

    def publish(page, **changes):
        page = page.get_latest_revision_as_object()
        for field, value in changes.items():
            setattr(page, field, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def notes(home_page):
    return ContentPageFactory(parent=home_page, title="Leeds workshop notes", slug="leeds")


def title_of(response):
    html = response.content.decode()
    return html.split("<title>", 1)[1].split(" |", 1)[0]


def test_a_second_anonymous_request_comes_from_the_cache_without_a_query(
    client, notes, django_assert_num_queries
):
    first = client.get("/en/leeds/")

    with django_assert_num_queries(0):
        second = client.get("/en/leeds/")

    assert second.status_code == 200
    assert second.content == first.content
    assert title_of(second) == "Leeds workshop notes"
    assert second["Cache-Control"] == first["Cache-Control"] == PUBLIC
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]
    assert second["Vary"] == "Cookie"


def test_a_cached_page_keeps_the_security_headers(client, notes):
    client.get("/en/leeds/")

    cached = client.get("/en/leeds/")

    assert cached["Content-Security-Policy"].startswith("default-src 'self'")
    assert cached["X-Frame-Options"] == "DENY"
    assert cached["X-Content-Type-Options"] == "nosniff"
    assert cached["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_a_published_change_appears_on_the_next_request(client, notes, publish):
    assert title_of(client.get("/en/leeds/")) == "Leeds workshop notes"

    publish(notes, title="Leeds workshop: the notes")

    assert title_of(client.get("/en/leeds/")) == "Leeds workshop: the notes"


def test_a_draft_is_not_shown_and_does_not_purge(client, notes, django_assert_num_queries):
    client.get("/en/leeds/")
    draft = notes.get_latest_revision_as_object()
    draft.title = "Not ready yet"
    draft.save_revision()

    with django_assert_num_queries(0):
        response = client.get("/en/leeds/")

    assert title_of(response) == "Leeds workshop notes"


def test_an_unpublished_page_is_gone_on_the_next_request(
    client, notes, django_capture_on_commit_callbacks
):
    assert client.get("/en/leeds/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        notes.unpublish()

    assert client.get("/en/leeds/").status_code == 404


def test_a_moved_page_leaves_its_old_address_at_once(
    client, home_page, notes, django_capture_on_commit_callbacks
):
    guide = ContentPageFactory(parent=home_page, title="Guide", slug="guide")
    assert client.get("/en/leeds/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=notes.pk).move(guide, pos="last-child")

    old_address = client.get("/en/leeds/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect, not the old page
    assert old_address["Location"] == "/en/guide/leeds/"
    assert title_of(client.get("/en/guide/leeds/")) == "Leeds workshop notes"


def test_a_page_made_private_is_no_longer_served_from_the_cache(
    client, notes, django_capture_on_commit_callbacks
):
    client.get("/en/leeds/")

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=notes, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/en/leeds/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_saving_a_setting_purges_every_page(
    client, home_page, notes, django_capture_on_commit_callbacks
):
    site_settings = SiteSettingsFactory(site=home_page.get_site(), organisation_name="mySociety")
    assert "| mySociety</title>" in client.get("/en/leeds/").content.decode()

    site_settings = SiteSettings.objects.get(pk=site_settings.pk)
    site_settings.organisation_name = "TICTeC"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()

    assert "| TICTeC</title>" in client.get("/en/leeds/").content.decode()


def test_a_signed_in_person_never_gets_a_cached_page_nor_fills_the_cache(
    client, notes, django_user_model, django_assert_max_num_queries
):
    client.get("/en/leeds/")  # the anonymous copy is stored
    # The database changes behind the cache's back: only a fresh rendering shows it.
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")
    person = django_user_model.objects.create_user("ada@example.org", "ada@example.org", "x")
    client.force_login(person)

    signed_in = client.get("/en/leeds/")

    assert title_of(signed_in) == "Changed in the database"
    assert "Sign out" in signed_in.content.decode()
    assert signed_in["Cache-Control"] == "private, no-cache"
    assert "ETag" not in signed_in
    client.logout()
    cache.clear()
    client.force_login(person)
    client.get("/en/leeds/")
    client.logout()
    with django_assert_max_num_queries(50) as rendered:
        anonymous = client.get("/en/leeds/")
    assert len(rendered.captured_queries) > 0  # rendered, not the signed-in copy
    assert "Sign out" not in anonymous.content.decode()


def test_a_request_with_a_session_cookie_is_rendered_afresh(client, notes):
    client.get("/en/leeds/")
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")
    client.cookies["sessionid"] = "not-a-session"

    assert title_of(client.get("/en/leeds/")) == "Changed in the database"


def test_a_request_carrying_messages_is_rendered_afresh(client, notes):
    client.get("/en/leeds/")
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")
    client.cookies["messages"] = "anything"

    assert title_of(client.get("/en/leeds/")) == "Changed in the database"


def test_a_csrf_cookie_alone_still_gets_the_cached_page(client, notes, django_assert_num_queries):
    client.get("/en/leeds/")
    client.cookies["csrftoken"] = "a" * 32

    with django_assert_num_queries(0):
        assert title_of(client.get("/en/leeds/")) == "Leeds workshop notes"


def test_a_page_that_renders_a_csrf_token_is_never_stored(client, notes, monkeypatch):
    original = ContentPage.get_context

    def with_a_form(self, request, *args, **kwargs):
        context = original(self, request, *args, **kwargs)
        context["token"] = get_token(request)  # what {% csrf_token %} does
        return context

    monkeypatch.setattr(ContentPage, "get_context", with_a_form)

    first = client.get("/en/leeds/")
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")
    second = client.get("/en/leeds/")

    assert first["Cache-Control"] == "private, no-cache"
    assert "csrftoken" in first.cookies
    assert title_of(second) == "Changed in the database"


def test_a_page_whose_view_says_private_is_never_stored(client, notes, monkeypatch):
    original = ContentPage.serve

    def private_serve(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    monkeypatch.setattr(ContentPage, "serve", private_serve)

    client.get("/en/leeds/")
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")
    response = client.get("/en/leeds/")

    assert title_of(response) == "Changed in the database"
    assert response["Cache-Control"] == "private, no-store"


def test_a_call_page_is_never_stored(client, home_page):
    conference, _programme, _speakers = build_conference(
        parent=ConferenceIndexPageFactory(parent=home_page, slug="tictec"), sessions=1
    )
    call = CallForProposalsPageFactory(parent=conference, slug="call")
    call.save_revision().publish()
    url = call.get_url()

    first = client.get(url)
    Page.objects.filter(pk=call.pk).update(title="Changed in the database")
    second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert first["Cache-Control"] == "private, no-cache"
    assert "Changed in the database" in second.content.decode()


def test_a_preview_is_never_served_from_nor_stored_in_the_cache(client, notes):
    client.get("/en/leeds/")  # the live page is stored
    draft = notes.get_latest_revision_as_object()
    draft.title = "Draft title"
    draft.save_revision()

    preview = draft.make_preview_request()

    assert preview.status_code == 200
    assert title_of(preview) == "Draft title"
    assert "private" in preview["Cache-Control"]
    assert title_of(client.get("/en/leeds/")) == "Leeds workshop notes"


def test_if_none_match_gets_a_304_for_a_page(client, notes):
    etag = client.get("/en/leeds/")["ETag"]

    response = client.get("/en/leeds/", headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == PUBLIC


def test_if_modified_since_gets_a_304_until_the_next_publish(client, notes, publish):
    last_modified = client.get("/en/leeds/")["Last-Modified"]

    assert client.get("/en/leeds/", headers={"if-modified-since": last_modified}).status_code == 304

    publish(notes, title="Leeds workshop: the notes")
    # A new generation may begin within the same second: the ETag tells them apart.
    fresh = client.get("/en/leeds/", headers={"if-none-match": '"stale"'})
    assert fresh.status_code == 200
    assert title_of(fresh) == "Leeds workshop: the notes"


def test_a_stray_query_parameter_is_rendered_but_not_stored(client, notes):
    client.get("/en/leeds/?utm_source=newsletter")
    ContentPage.objects.filter(pk=notes.pk).update(title="Changed in the database")

    response = client.get("/en/leeds/?utm_source=newsletter")

    assert title_of(response) == "Changed in the database"
    assert response["Cache-Control"] == "private, no-cache"


def test_a_page_that_changes_with_the_clock_before_now_is_not_stored(client, notes, monkeypatch):
    original = ContentPage.get_context

    def already_over(self, request, *args, **kwargs):
        page_cache.valid_until(timezone.now() - datetime.timedelta(seconds=1))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ContentPage, "get_context", already_over)

    assert client.get("/en/leeds/")["Cache-Control"] == "private, no-cache"


def test_a_page_that_changes_with_the_clock_soon_is_kept_only_until_then(
    client, notes, monkeypatch
):
    original = ContentPage.get_context

    def changes_in_20_seconds(self, request, *args, **kwargs):
        page_cache.valid_until(timezone.now() + datetime.timedelta(seconds=20))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ContentPage, "get_context", changes_in_20_seconds)

    max_age = client.get("/en/leeds/")["Cache-Control"].split("max-age=")[1].split(",")[0]
    assert 18 <= int(max_age) <= 20


# The programme and its exports ----------------------------------------------------------


@pytest.fixture
def programme(home_page):
    _conference, programme, _speakers = build_conference(
        parent=ConferenceIndexPageFactory(parent=home_page, slug="tictec"), sessions=4, speakers=4
    )
    return programme


def test_the_programme_and_its_filters_come_from_the_cache(
    client, programme, django_assert_num_queries
):
    theme = programme.get_parent().specific.themes.first()
    for query in ("", f"?theme={theme.slug}"):
        first = client.get(programme.url + query)
        with django_assert_num_queries(0):
            second = client.get(programme.url + query)
        assert second.content == first.content
        assert second["Cache-Control"] == PUBLIC


@pytest.mark.parametrize(
    ("route", "content_type"),
    [
        ("schedule/json/", "application/json; charset=utf-8"),
        ("schedule/xml/", "application/xml; charset=utf-8"),
        ("schedule/ics/", "text/calendar; charset=utf-8"),
    ],
)
def test_the_exports_come_from_the_cache_and_revalidate_with_a_304(
    client, programme, route, content_type, django_assert_num_queries
):
    first = client.get(programme.url + route)
    with django_assert_num_queries(0):
        second = client.get(programme.url + route)
        not_modified = client.get(programme.url + route, headers={"if-none-match": first["ETag"]})

    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == content_type
    assert second["Cache-Control"] == PUBLIC
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"]


def test_a_session_published_anew_shows_in_the_programme_and_its_json(client, programme, publish):
    session = programme.get_children().specific().first()
    client.get(programme.url)
    etag = client.get(programme.url + "schedule/json/")["ETag"]

    publish(session, title="A brand new title")

    assert "A brand new title" in client.get(programme.url).content.decode()
    json_response = client.get(programme.url + "schedule/json/", headers={"if-none-match": etag})
    assert json_response.status_code == 200
    assert "A brand new title" in json_response.content.decode()
