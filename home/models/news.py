from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.routing import hand_to

from .base import BasePage
from .mixins import BodyMixin


class NewsIndexPage(RoutablePageMixin, BasePage):
    """Lists the news articles below it, newest first, with a topic filter and an RSS feed."""

    articles_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsArticlePage"]
    max_count_per_parent = 1
    page_description = _(
        "News index: lists the news articles below it, newest first, with topics and an "
        "RSS feed. One per language."
    )
    cache_public = True  # home/page_cache.py
    cache_query_parameters = ("page", "topic")

    class Meta:
        verbose_name = _("news index page")

    @path("")
    def index_route(self, request):
        return hand_to("home.views.news_index", request, index_page=self)

    @path("feed/", name="feed")
    def feed_route(self, request):
        return hand_to("home.feeds.news_feed", request, index_page=self)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(BodyMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
    topics = ClusterTaggableManager(
        through=NewsArticleTag, blank=True, verbose_name=_("topics"), help_text=_("e.g. TICTeC")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the listing and at the top of the article (optional)."),
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image. Leave empty only if it is decorative."),
    )

    content_panels = (
        BasePage.content_panels_with(
            MultiFieldPanel(
                [FieldPanel("date"), FieldPanel("author"), FieldPanel("topics")],
                heading=_("About the article"),
            ),
            MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
            after_introduction=False,
        )
        + BodyMixin.body_panels
    )
    search_fields = (
        BasePage.search_fields
        + BodyMixin.body_search_fields
        + [index.SearchField("author"), index.FilterField("date")]
    )
    translatable_fields = (
        BasePage.translatable_fields
        + BodyMixin.body_translatable_fields
        + [
            SynchronizedField("date"),
            SynchronizedField("author"),
            SynchronizedField("topics"),
            SynchronizedField("image"),
            TranslatableField("image_alt"),
        ]
    )

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    page_description = _("News article: a dated post with its author, topics and an image.")
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("news article")

    @property
    def topic_list(self):
        """The article's topics, from the prefetch cache when the listing filled it."""
        return sorted((item.tag for item in self.tagged_items.all()), key=lambda tag: tag.name)
