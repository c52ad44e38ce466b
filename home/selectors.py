"""Reads the home app's pages and templates reuse: each runs a fixed number of queries."""

from django.db.models import Prefetch, Q
from taggit.models import Tag
from wagtail.images.models import Rendition
from wagtail.models import Page


def _articles():
    from home.models import NewsArticlePage

    return NewsArticlePage.objects.live().public()


def _with_listing_data(queryset):
    """Everything an article card shows: image renditions and topics, prefetched."""
    from home.models import NewsArticleTag

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
    from home.models import NewsArticleTag

    article_ids = _articles().child_of(index_page).values("pk")
    return Tag.objects.filter(
        pk__in=NewsArticleTag.objects.filter(content_object_id__in=article_ids).values("tag_id")
    ).order_by("name")


def news_index(*, locale_id):
    """The news index of a language, for the footer's feed link."""
    from home.models import NewsIndexPage

    return NewsIndexPage.objects.live().filter(locale_id=locale_id).first()


def featured_items(*, home_page):
    """The editors' featured pages as (item, page) pairs, each page in the home page's
    language where a live translation exists; items whose page is not live are left out."""
    items = list(home_page.featured_items.select_related("page"))
    localized = localized_pages([item.page for item in items], locale_id=home_page.locale_id)
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


def localized_pages(pages, *, locale_id):
    """Map each page's pk to its live translation in the locale, else to itself if live.

    One query whatever the number of pages; the navigation and featured items use it.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    candidates = (
        Page.objects.live()
        .public()
        .filter(
            Q(pk__in=[page.pk for page in pages])
            | Q(translation_key__in=[page.translation_key for page in pages], locale_id=locale_id)
        )
    )
    by_pk = {page.pk: page for page in candidates}
    by_key = {page.translation_key: page for page in by_pk.values() if page.locale_id == locale_id}
    return {
        page.pk: by_key.get(page.translation_key) or by_pk.get(page.pk)
        for page in pages
        if by_key.get(page.translation_key) or by_pk.get(page.pk)
    }


def navigation_items(*, navigation, locale_id, current_page=None, request=None):
    """The main navigation's links in the current language, with the current one marked."""
    items = list(navigation.items.select_related("page"))
    localized = localized_pages([item.page for item in items], locale_id=locale_id)
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
