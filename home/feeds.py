"""RSS feed of a news index's latest articles (Django's syndication framework)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.rich_text import expand_db_html

from home import selectors, seo

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, *, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return seo.plain_text(obj.introduction) or obj.title

    def feed_url(self, obj):
        return obj.get_url(request=self.request) + "feed/"

    def items(self, obj):
        return selectors.news_articles(index_page=obj)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Rich text with its page and document links made real addresses.
        return expand_db_html(item.introduction)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_categories(self, item):
        return [tag.name for tag in item.topic_list]


def news_feed(request, *, index_page):
    """The feed of a news index (its feed/ route)."""
    return NewsFeed(index_page=index_page)(request)
