from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import selectors
from home.pagination import paginate

from .mixins import PAGE_TRANSLATABLE_FIELDS, IntroductionBodyMixin


class NewsIndexPage(RoutablePageMixin, Page):
    """Lists the news articles below it, newest first, with a topic filter and an RSS feed."""

    introduction = models.TextField(blank=True)
    articles_per_page = 10

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsArticlePage"]
    max_count_per_parent = 1
    cache_public = True  # home/page_cache.py
    cache_query_parameters = ("page", "topic")

    class Meta:
        verbose_name = _("news index page")

    def articles(self, *, topic=None):
        return selectors.news_articles(index_page=self, topic=topic)

    @path("")
    def index_route(self, request):
        topic = selectors.news_topic(slug=request.GET.get("topic", ""))
        page_obj = paginate(request, self.articles(topic=topic), per_page=self.articles_per_page)
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "topic": topic,
                "topics": selectors.news_topics(index_page=self),
            },
        )

    @path("feed/", name="feed")
    def feed_route(self, request):
        from home.feeds import NewsFeed

        return NewsFeed(index_page=self)(request)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(IntroductionBodyMixin, Page):
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

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("topics")],
            heading=_("About the article"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        *IntroductionBodyMixin.body_panels,
    ]
    search_fields = (
        Page.search_fields
        + IntroductionBodyMixin.body_search_fields
        + [index.SearchField("author"), index.FilterField("date")]
    )
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + IntroductionBodyMixin.body_translatable_fields
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
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("news article")

    @property
    def topic_list(self):
        """The article's topics, from the prefetch cache when the listing filled it."""
        return sorted((item.tag for item in self.tagged_items.all()), key=lambda tag: tag.name)
