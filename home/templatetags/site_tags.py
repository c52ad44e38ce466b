from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Site

from home import languages, localization, page_cache, selectors, seo
from home.models import NavigationSettings, SiteSettings

register = template.Library()


def _site_id(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site is not None else None


def _version_urls(page, request):
    """{language code: URL of the page's version there}, kept for the cache generation."""

    def compute():
        versions = localization.versions_by_language(page)
        urls = {}
        for code, _name in settings.LANGUAGES:
            version = versions.get(code)
            if version is not None:
                urls[code] = version.get_url(request=request)
            else:  # not even the home page exists there yet: the site's root in it
                with translation.override(code):
                    urls[code] = reverse("wagtail_serve", args=[""])
        return urls

    return page_cache.remember(("language-versions", _site_id(request), page.pk), compute)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language. On a page: a link to its version in that language
    (translation or alias; where the page has none, its nearest ancestor's). Elsewhere: a
    link to the same address in that language where the address has one (/fr/search/),
    else no link: the switcher then posts to Django's set_language with ``next``, which
    changes the language of unprefixed pages (/accounts/...) through its cookie.

    Worked out once per request (the <head> and the switcher both show them)."""
    request = context.get("request")
    page = context.get("page")
    is_page = page is not None and getattr(page, "locale_id", None)
    memo_key = (page.pk if is_page else None, translation.get_language())
    memo = getattr(request, "_language_links", None)
    if memo is not None and memo[0] == memo_key:
        return memo[1]
    links = _language_links(request, page if is_page else None)
    if request is not None:
        request._language_links = (memo_key, links)
    return links


def _language_links(request, page):
    current = translation.get_language()
    path = request.get_full_path() if request else "/"
    version_urls = _version_urls(page, request) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = version_urls[code]
        else:
            url = translate_url(path, code)
            if url == path and code != current:
                url = None  # not an address with a language in it
        with translation.override(code):
            local_name = translation.gettext(name)
        links.append(
            {
                "code": code,
                "name": local_name,
                "url": url,
                "next": path,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag
def settings_language():
    """The language editors write the site settings in (the footer text...): the site's
    default language, when the visitor reads another one, else "". Settings are one per
    site, not translated, so a French page marks that text as English."""
    language = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    return language if language != translation.get_language() else ""


@register.simple_tag
def listed_page_language(page):
    """For a page listed on another (a card, a link): the language its title and summary
    are written in when that is not the visitor's (an alias of the English page, not
    translated yet), to mark them with ``lang``; else "". A query for an alias."""
    language = localization.content_language(page)
    return language if language and language != translation.get_language() else ""


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content when it is not the visitor's (a page not yet
    translated shows the English one), else ""."""
    language = localization.content_language(context.get("page"))
    return language if language and language != translation.get_language() else ""


def _locale_id(context):
    """The language of the page being shown (no query), else of the request."""
    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    return Locale.get_active().pk


def _chrome_for(request, locale_id):
    """What every page's header and footer show that only editors change: the site
    settings, the main navigation's links (in the language), the news feed's address."""
    site_settings = SiteSettings.for_request(request)
    navigation = selectors.navigation_items(
        navigation=NavigationSettings.for_request(request), locale_id=locale_id, request=request
    )
    index = selectors.news_index(locale_id=locale_id)
    return {
        "settings": site_settings,
        "navigation": navigation,
        "feed_url": index.get_url(request=request) + "feed/" if index is not None else "",
    }


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The header's and footer's content for this request: computed once per site and
    language, then kept until the next publish (the page cache's generation), so a page
    rendered afresh runs no query for it. Also answers Wagtail's
    ``settings.home.SiteSettings`` for the rest of the request."""
    request = context.get("request")
    if request is None:
        return {"settings": None, "navigation": [], "feed_url": ""}
    chrome = getattr(request, "_site_chrome", None)
    if chrome is None:
        page = context.get("page")
        if getattr(page, "locale_id", None):
            locale_key, locale_id = page.locale_id, lambda: page.locale_id
        else:
            locale_key, locale_id = translation.get_language(), lambda: Locale.get_active().pk
        chrome = page_cache.remember(
            ("site-chrome", _site_id(request), locale_key),
            lambda: _chrome_for(request, locale_id()),
        )
        request._site_chrome = chrome
        chrome["settings"]._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), chrome["settings"])
    return chrome


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The editors' main navigation, in the current language, current link marked."""
    current = context.get("page")
    links = []
    for link in site_chrome(context)["navigation"]:
        is_current = current is not None and current.pk == link["pk"]
        in_section = current is not None and current.path.startswith(link["path"])
        links.append(
            {**link, "is_current": is_current, "in_section": in_section and not is_current}
        )
    return links


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The RSS feed of the news in the current language, or "" when there is no news."""
    return site_chrome(context)["feed_url"]


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Description, canonical address and image for <meta> and Open Graph tags.

    Pages describe themselves (see home.seo); views without a page use the site's
    home page, so no page goes without a description."""
    request = context.get("request")
    page = context.get("page")
    if page is None and request is not None:
        site = Site.find_for_request(request)
        described = site.root_page.specific if site else None
    else:
        described = page
    image, image_alt = seo.page_image(page) if page is not None else (None, "")
    if image is not None:
        image_url = image.get_rendition("fill-1200x630").full_url
    else:
        image_url, image_alt = static("images/social-preview.png"), ""
    if request is not None and image_url.startswith("/"):
        image_url = request.build_absolute_uri(image_url)
    return {
        "description": seo.page_description(described) if described is not None else "",
        "url": request.build_absolute_uri(request.path) if request is not None else "",
        "image": image_url,
        "image_alt": image_alt or (described.title if described is not None else ""),
    }


@register.filter
def html_datetime(value):
    """An aware datetime as a valid HTML ``datetime`` attribute (no microseconds)."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.filter(expects_localtime=True)
def datetime_with_zone(value):
    """A moment in the visitor's language with its zone ("mardi 10 juin 2025, 14:20
    CEST"), in the time zone of the enclosing {% timezone %} (the call's, say)."""
    return languages.datetime_with_zone(value)
