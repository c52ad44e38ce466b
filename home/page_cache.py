"""The whole-page cache: public pages for anonymous visitors come from the cache.

How it works, in one place:

- ``PageCacheMiddleware`` (right after SecurityMiddleware and WhiteNoise) answers a GET
  or HEAD of an address with a language (every page's) from the cache when the visitor
  carries no cookie of their own (a session, messages...: only the CSRF and language
  cookies are allowed), before sessions, routing or any query. The key is scheme, host,
  full path with query string and language.
- A response is stored only when the page served is a Wagtail page whose type says
  ``cache_public = True`` (for a routable page that lists them in
  ``cache_public_routes``, only those routes). Wagtail's ``before_serve_page`` hook
  marks the request, so previews, drafts and other views never qualify. And nothing in
  rendering made it personal: no CSRF token was used (a form), no cookie was set, the
  session was not written, nobody was signed in, the view did not say ``private``,
  ``no-cache`` or ``no-store`` nor ``Vary`` on anything but the language, and what it
  shows does not change with the clock before the cache would drop it
  (:func:`valid_until`). Only the query parameters the page type lists in
  ``cache_query_parameters`` are stored (a stray ``?x=random`` is rendered, not stored).
- Purging is one global generation number in the cache: publishing, unpublishing,
  moving or deleting a page; saving or deleting a snippet, a setting, a site, an image,
  a document or a privacy restriction; and every ``migrate`` (each deploy) start a new
  generation, and every page is rendered afresh once. Simple and always correct; a
  site that publishes every few seconds would want per-page tags instead.
- Stored pages carry an ``ETag`` (hash of the content), ``Last-Modified`` (when the
  generation began: nothing shown changed since), ``Cache-Control: public, max-age=…,
  stale-while-revalidate=…`` and ``Vary: Cookie`` (a browser or CDN keeps the
  anonymous copy apart from a signed-in person's); a matching ``If-None-Match`` or
  ``If-Modified-Since`` gets a 304. Every other response without its own
  ``Cache-Control`` is ``private, no-cache``.

The security middleware above this one (SecurityMiddleware) runs on every response,
cached or not; the headers set below it (Content-Security-Policy, X-Frame-Options,
Content-Language) are stored with the page.

With the default local-memory cache each process has its own copy (and its own
generation): run several workers or servers with CACHE_URL (Redis) so a purge reaches
them all.
"""

import contextvars
import functools
import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re, get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from modelcluster.fields import ParentalKey
from wagtail import signals
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:page"
DATA_KEY_PREFIX = "page-cache:data"
_MISSING = object()
# Vary values a stored page may carry: the language is in the key already, and a request
# with no cookie of its own sees what every such request sees (SessionMiddleware says
# Vary: Cookie as soon as anything looks at the empty session, e.g. for messages).
HARMLESS_VARY = {"accept-language", "accept-encoding", "cookie"}
REFUSING_CACHE_CONTROL = {"private", "no-cache", "no-store", "max-age=0"}

_valid_until = contextvars.ContextVar("page_cache_valid_until", default=None)


def is_enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# Generation -------------------------------------------------------------------------


def _new_generation():
    # The time it began (for Last-Modified), and a random part so two purges within the
    # same microsecond on two servers still differ.
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def current_generation():
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _generation_started(generation):
    return int(generation.split("-", 1)[0]) / 1e9


def purge():
    """Start a new generation: every page is rendered afresh on its next request.

    Runs once the surrounding transaction has committed, so no request can render the old
    content and store it under the new generation."""
    transaction.on_commit(lambda: _cache().set(GENERATION_KEY, _new_generation(), timeout=None))


def remember(name, compute, *, timeout=None):
    """``compute()``, kept in the cache for the current generation: for what every page
    reads and only a publish can change (site settings, the navigation, a conference's
    rooms and days), so a page rendered afresh does not query it again. ``name`` says
    what it is and for whom (a site, a language); the value must pickle. ``timeout``
    (seconds): for what also changes with the clock. Computed every time when the page
    cache is off (as in tests), since purges come with it."""
    if not is_enabled():
        return compute()
    cache = _cache()
    digest = hashlib.sha256(repr(name).encode()).hexdigest()
    key = f"{DATA_KEY_PREFIX}:{current_generation()}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout if timeout is not None else _data_timeout())
    return value


def _data_timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 3600)


# What a page says about itself while it renders ---------------------------------------


def valid_until(moment):
    """Tell the cache that what is being rendered changes by itself at ``moment`` (an aware
    datetime): a conference turning past at midnight, a call closing. The page is kept at
    most until then, and not at all once it has passed. Harmless outside a request."""
    current = _valid_until.get()
    if current is None or moment < current:
        _valid_until.set(moment)


# Requests and responses ----------------------------------------------------------------


def _neutral_cookies():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def is_anonymous_request(request):
    """A GET or HEAD from someone with no cookie of their own, not a preview."""
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    neutral = _neutral_cookies()
    return all(name in neutral for name in request.COOKIES)


def address_language(request):
    """The language in the address (/fr/...): every Wagtail page has one. None for an
    address without a language, which the page cache leaves alone."""
    return translation.get_language_from_path(request.path_info)


def cache_key(request, *, generation, language):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{language}|{url}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


def mark_page(page, request, serve_args=()):
    """Wagtail's before_serve_page hook: note which page is being served, if its type
    allows caching. A routable page may list the routes that may be cached in
    ``cache_public_routes`` (view names); its other routes are not."""
    if not getattr(page, "cache_public", False):
        return
    routes = getattr(page, "cache_public_routes", None)
    if routes is not None:
        view = serve_args[0] if serve_args else None
        if getattr(view, "__name__", None) not in routes:
            return
    request.page_cache_page = page


def _header_tokens(response, header):
    return {token.strip().lower() for token in cc_delim_re.split(response.get(header, "")) if token}


def refusal(request, response):
    """Why ``response`` must not be stored, or None when it may be."""
    page = getattr(request, "page_cache_page", None)
    if page is None:
        return "not a page whose type allows caching"
    if not is_anonymous_request(request):
        return "not an anonymous GET"
    if response.status_code != 200 or response.streaming:
        return "not a complete 200 response"
    # get_token() (a {% csrf_token %}) asks CsrfViewMiddleware to set the cookie, then
    # that middleware clears the flag once it has: either shows.
    if (
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or settings.CSRF_COOKIE_NAME in response.cookies
    ):
        return "renders a CSRF token (a form)"
    if response.cookies:
        return "sets a cookie"
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return "writes to the session"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "someone is signed in"
    if _header_tokens(response, "Cache-Control") & REFUSING_CACHE_CONTROL:
        return "the view made it private"
    if _header_tokens(response, "Vary") - HARMLESS_VARY:
        return "varies on the request's headers"
    allowed = set(getattr(page, "cache_query_parameters", ()))
    if set(request.GET) - allowed:
        return "has query parameters the page does not list"
    until = _valid_until.get()
    if until is not None and until <= timezone.now():
        return "depends on the clock"
    return None


def _lifetimes():
    """(seconds in the server cache, seconds a browser or CDN may keep it)."""
    timeout = getattr(settings, "PAGE_CACHE_TIMEOUT", 3600)
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
    until = _valid_until.get()
    if until is not None:
        remaining = int((until - timezone.now()).total_seconds())
        timeout, max_age = min(timeout, remaining), min(max_age, remaining)
    return timeout, max_age


def _public_headers(content, *, generation, max_age):
    stale = getattr(settings, "PAGE_CACHE_STALE_WHILE_REVALIDATE", 60)
    return {
        "ETag": f'"{hashlib.sha256(content).hexdigest()[:32]}"',
        "Last-Modified": http_date(_generation_started(generation)),
        "Cache-Control": f"public, max-age={max_age}, stale-while-revalidate={stale}",
    }


def _conditional(request, response):
    """A 304 when the browser's copy (If-None-Match, If-Modified-Since) is current."""
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_enabled():
            return self.get_response(request)
        generation = key = None
        language = address_language(request)
        if language and is_anonymous_request(request):
            generation = current_generation()
            key = cache_key(request, generation=generation, language=language)
            stored = _cache().get(key)
            if stored is not None and not self._expired(stored):
                return _conditional(request, self._rebuild(stored))
        token = _valid_until.set(None)
        try:
            response = self.get_response(request)
            return self._after(request, response, key=key, generation=generation)
        finally:
            _valid_until.reset(token)

    def _after(self, request, response, *, key, generation):
        reason = refusal(request, response) if key is not None else "not an anonymous page"
        if reason is not None:
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response
        timeout, max_age = _lifetimes()
        for header, value in _public_headers(
            response.content, generation=generation, max_age=max_age
        ).items():
            response[header] = value
        patch_vary_headers(response, ["Cookie"])
        until = _valid_until.get()
        stored = (
            response.status_code,
            list(response.items()),
            response.content,
            until.timestamp() if until is not None else None,
        )
        _cache().set(key, stored, timeout)
        return _conditional(request, response)

    @staticmethod
    def _expired(stored):
        """Past the moment the page said it changes: the cache's own timeout drops it then
        too, but by the cache server's clock, to the second."""
        until = stored[3]
        return until is not None and timezone.now().timestamp() >= until

    @staticmethod
    def _rebuild(stored):
        status, headers, content, _until = stored
        response = HttpResponse(content, status=status)
        for header, value in headers:
            response[header] = value
        return response


# Purging ------------------------------------------------------------------------------

# Saving an image only to record its size or hash (done while a page renders) changes
# nothing a visitor sees.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


@functools.cache
def _affects_public_pages(model):
    if issubclass(model, Page | BaseSiteSetting | BaseGenericSetting):
        return True
    if model in (Site, Locale, PageViewRestriction, get_image_model(), get_document_model()):
        return True
    if model in get_snippet_models():
        return True
    # Rows edited inline on a setting (the navigation's items).
    parents = [
        field.related_model
        for field in model._meta.get_fields()
        if isinstance(field, ParentalKey) and isinstance(field.related_model, type)
    ]
    return any(issubclass(parent, BaseSiteSetting | BaseGenericSetting) for parent in parents)


def _purge_on_signal(sender, **kwargs):
    purge()


def _purge_on_save(sender, instance, update_fields=None, **kwargs):
    # A page's own save is a draft until page_published says otherwise.
    if issubclass(sender, Page) or not _affects_public_pages(sender):
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    purge()


def _purge_on_delete(sender, instance, **kwargs):
    if _affects_public_pages(sender):
        purge()


def connect_signals():
    """Called from HomeConfig.ready()."""
    for name, signal in [
        ("page_published", signals.page_published),
        ("page_unpublished", signals.page_unpublished),
        ("post_page_move", signals.post_page_move),
        ("published", signals.published),
        ("unpublished", signals.unpublished),
        # Every deploy migrates: new templates must not meet pages rendered by old ones.
        ("post_migrate", post_migrate),
    ]:
        signal.connect(_purge_on_signal, dispatch_uid=f"page-cache-{name}")
    post_save.connect(_purge_on_save, dispatch_uid="page-cache-post-save")
    post_delete.connect(_purge_on_delete, dispatch_uid="page-cache-post-delete")
