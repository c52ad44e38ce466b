from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation

from home import languages, localization, seo

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language. On a page: a link to its version in that language
    (translation or alias; where the page has none, its nearest ancestor's). Elsewhere: a
    link to the same address in that language where the address has one (/fr/search/),
    else no link: the switcher then posts to Django's set_language with ``next``, which
    changes the language of unprefixed pages (/accounts/...) through its cookie."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    path = request.get_full_path() if request else "/"
    versions = {}
    if page is not None and getattr(page, "locale_id", None):
        versions = localization.versions_by_language(page)
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "locale_id", None):
            version = versions.get(code)
            if version is not None:
                url = version.get_url(request=request)
            else:  # not even the home page exists there yet: the site's root in it
                with translation.override(code):
                    url = reverse("wagtail_serve", args=[""])
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
    from wagtail.models import Locale

    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    return Locale.get_active().pk


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The editors' main navigation, in the current language, current link marked."""
    from home import selectors
    from home.models import NavigationSettings

    request = context.get("request")
    if request is None:
        return []
    return selectors.navigation_items(
        navigation=NavigationSettings.for_request(request),
        locale_id=_locale_id(context),
        current_page=context.get("page"),
        request=request,
    )


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The RSS feed of the news in the current language, or "" when there is no news."""
    from home import selectors

    index = selectors.news_index(locale_id=_locale_id(context))
    if index is None:
        return ""
    return index.get_url(request=context.get("request")) + "feed/"


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Description, canonical address and image for <meta> and Open Graph tags.

    Pages describe themselves (see home.seo); views without a page use the site's
    home page, so no page goes without a description."""
    request = context.get("request")
    page = context.get("page")
    if page is None and request is not None:
        from wagtail.models import Site

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
