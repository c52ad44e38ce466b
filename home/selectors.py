"""Reads the home app's pages and templates reuse: each runs a fixed number of queries."""

from django.db.models import Prefetch, Q
from taggit.models import Tag
from wagtail.images.models import Rendition
from wagtail.models import Page

from home.models import NewsArticlePage, NewsArticleTag, NewsIndexPage


def _articles():
    return NewsArticlePage.objects.live().public()


def _with_listing_data(queryset):
    """Everything an article card shows: image renditions and topics, prefetched."""
    return queryset.select_related("image").prefetch_related(
        Prefetch(
            "image__renditions",
            queryset=Rendition.objects.filter(filter_spec="fill-640x360"),
        ),
        Prefetch("tagged_items", queryset=NewsArticleTag.objects.select_related("tag")),
    )


def news_articles(*, index_page, topic=None):
    articles = _articles().child_of(index_page)
    if topic is not None:
        articles = articles.filter(tagged_items__tag=topic)
    return _with_listing_data(articles.order_by("-date", "-pk"))


def latest_news(*, locale_id, limit=3):
    return list(
        _with_listing_data(_articles().filter(locale_id=locale_id).order_by("-date", "-pk"))[:limit]
    )


def news_topic(*, slug):
    """The topic (tag) named in a query string, or None."""
    if not slug:
        return None
    return Tag.objects.filter(slug=slug).first()


def news_topics(*, index_page):
    """Topics used by the live articles of this index, alphabetically."""
    article_ids = _articles().child_of(index_page).values("pk")
    return Tag.objects.filter(
        pk__in=NewsArticleTag.objects.filter(content_object_id__in=article_ids).values("tag_id")
    ).order_by("name")


def news_index(*, locale_id):
    """The news index of a language, for the footer's feed link."""
    return NewsIndexPage.objects.live().filter(locale_id=locale_id).first()


def featured_items(*, home_page):
    """The editors' featured pages as (item, page) pairs, each page in the home page's
    language where a live translation exists; items whose page is not live are left out."""
    items = list(home_page.featured_items.select_related("page"))
    localized = localized_pages(
        [item.page for item in items], locale_id=home_page.locale_id, live_only=True
    )
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[p.pk for p in localized.values()]).specific()
    }
    return [
        (item, specific[localized[item.page_id].pk]) for item in items if item.page_id in localized
    ]


def child_pages(*, page):
    return page.get_children().live().public().specific()


def search_pages(*, query, locale):
    """Live, public pages of one language matching the query, best match first."""
    return Page.objects.live().public().filter(locale=locale).search(query)


def localized_pages(pages, *, locale_id, live_only=False):
    """Map each page's pk to its live translation in ``locale_id``, else to the page itself.

    Pages come back as the type they came in (Page for navigation items, SpeakerPage for a
    session's speakers). With ``live_only`` (navigation, featured items) a page stands in
    for itself only if it is live and public, and is left out otherwise, in one query.
    Without it, no query when every page is already in ``locale_id``, one otherwise.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    types = {type(page) for page in pages}
    model = types.pop() if len(types) == 1 else Page
    if live_only:
        keys = [page.translation_key for page in pages]
        candidates = (
            model.objects.live()
            .public()
            .filter(
                Q(pk__in=[page.pk for page in pages])
                | Q(translation_key__in=keys, locale_id=locale_id)
            )
        )
        fallbacks = {page.pk: page for page in candidates}
    else:
        fallbacks = {page.pk: page for page in pages}
        foreign_keys = {page.translation_key for page in pages if page.locale_id != locale_id}
        candidates = (
            model.objects.live().filter(locale_id=locale_id, translation_key__in=foreign_keys)
            if foreign_keys
            else []
        )
    translations = {
        page.translation_key: page for page in candidates if page.locale_id == locale_id
    }
    localized = {}
    for page in pages:
        target = translations.get(page.translation_key) or fallbacks.get(page.pk)
        if target is not None:
            localized[page.pk] = target
    return localized


def navigation_items(*, navigation, locale_id, current_page=None, request=None):
    """The main navigation's links in the current language, with the current one marked."""
    items = list(navigation.items.select_related("page"))
    localized = localized_pages([item.page for item in items], locale_id=locale_id, live_only=True)
    links = []
    for item in items:
        target = localized.get(item.page_id)
        if target is None:
            continue
        url = target.get_url(request=request)
        is_current = current_page is not None and current_page.pk == target.pk
        in_section = current_page is not None and current_page.path.startswith(target.path)
        links.append(
            {
                # An editor's label is in the source language: a translation shows its own title.
                "label": (item.label if target.pk == item.page_id else "") or target.title,
                "url": url,
                "pk": target.pk,
                "path": target.path,
                "is_current": is_current,
                "in_section": in_section and not is_current,
            }
        )
    return links
