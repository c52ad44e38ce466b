from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.routing import PathRoutingMixin, ServedByView

from .base import BasePage
from .mixins import BodyMixin, ChildrenNameTheirParentMixin


class HomePage(ServedByView, PathRoutingMixin, ChildrenNameTheirParentMixin, BasePage):
    content_panels = BasePage.content_panels + [
        InlinePanel("featured_items", label=_("Featured items"), max_num=6),
    ]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("featured_items")]

    parent_page_types = ["wagtailcore.Page"]
    # Children: every page type naming "home.HomePage" in its parent_page_types (TICTeC,
    # opportunities, donations, calls), so home names no other app.
    max_count_per_parent = 1
    page_description = _(
        "Home page: the front page of the site in one language, with its featured pages "
        "and latest news."
    )

    # From the page cache (home/page_cache.py) for anonymous visitors: the conference and
    # the calls it shows by their dates tell the cache when that changes.
    cache_public = True

    class Meta:
        verbose_name = _("home page")

    page_view = "home.views.home_page"


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


class ContentPage(ServedByView, ChildrenNameTheirParentMixin, BodyMixin, BasePage):
    """A long-form page built from blocks: the guidebook, meeting notes, about pages.

    A content page may hold content pages, e.g. a guide with its chapters or a
    workshop series with one page per meeting.
    """

    content_panels = BasePage.content_panels + BodyMixin.body_panels
    search_fields = BasePage.search_fields + BodyMixin.body_search_fields
    translatable_fields = BasePage.translatable_fields + BodyMixin.body_translatable_fields

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    # Children: chapters, and calls such as a working group's application.
    page_description = _(
        "Content page: a page of text and blocks, such as an about page, a guide and its "
        "chapters, or meeting notes."
    )
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("content page")

    page_view = "home.views.content_page"
