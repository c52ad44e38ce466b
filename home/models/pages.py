from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import sections, selectors
from home.routing import PathRoutingMixin

from .mixins import PAGE_TRANSLATABLE_FIELDS, ChildrenNameTheirParentMixin, IntroductionBodyMixin


class HomePage(PathRoutingMixin, ChildrenNameTheirParentMixin, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_items", label=_("Featured items"), max_num=6),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("introduction"),
        TranslatableField("featured_items"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Children: every page type naming "home.HomePage" in its parent_page_types (TICTeC,
    # opportunities, donations, calls), so home names no other app.
    max_count_per_parent = 1

    # From the page cache (home/page_cache.py) for anonymous visitors: the conference and
    # the calls it shows by their dates tell the cache when that changes.
    cache_public = True

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections.home_sections(home_page=self, request=request)
        context["featured_items"] = selectors.featured_items(home_page=self)
        context["latest_news"] = selectors.latest_news(locale_id=self.locale_id, limit=3)
        context["news_index"] = selectors.news_index(locale_id=self.locale_id)
        return context


class HomePageFeaturedItem(TranslatableMixin, Orderable):
    """A page editors put on the home page: the current conference, an open call..."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("A short label above the title, e.g. “Open call” or “Conference”."),
    )
    description = models.CharField(
        max_length=250, blank=True, help_text=_("Defaults to the page's search description.")
    )

    panels = [PageChooserPanel("page"), FieldPanel("label"), FieldPanel("description")]
    translatable_fields = [
        SynchronizedField("page"),
        TranslatableField("label"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("featured item")

    def __str__(self):
        return self.label or self.page.title


class ContentPage(ChildrenNameTheirParentMixin, IntroductionBodyMixin, Page):
    """A long-form page built from blocks: the guidebook, meeting notes, about pages.

    A content page may hold content pages, e.g. a guide with its chapters or a
    workshop series with one page per meeting.
    """

    content_panels = Page.content_panels + IntroductionBodyMixin.body_panels
    search_fields = Page.search_fields + IntroductionBodyMixin.body_search_fields
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + IntroductionBodyMixin.body_translatable_fields

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    # Children: chapters, and calls such as a working group's application.
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_pages"] = selectors.child_pages(page=self)
        return context
