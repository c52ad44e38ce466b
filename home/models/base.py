"""BasePage: what every page type of the site shares.

An introduction (rich text, one feature list for every page type) with its editor panel,
search field and translation; home/seo.py makes it the meta and Open Graph description
when the search description is empty. Page types extend the lists rather than restate
them::

    class MyPage(BasePage):
        content_panels = BasePage.content_panels + [FieldPanel("body")]
        search_fields = BasePage.search_fields + [index.SearchField("body")]
        translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]
        page_description = _("My page: what it is for, in plain words.")
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

INTRODUCTION_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


def translated(*names):
    """wagtail-localize fields translators write (text)."""
    return [TranslatableField(name) for name in names]


def synchronised(*names):
    """wagtail-localize fields copied as they are to every translation (numbers, dates,
    links, choices)."""
    return [SynchronizedField(name) for name in names]


# The fields every Page has, declared for wagtail-localize: text is translated, the
# slug and structure follow the source page.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug"),
    SynchronizedField("show_in_menus"),
]


class BasePage(Page):
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=INTRODUCTION_FEATURES,
        help_text=_("A sentence or two shown under the title, in listings and in search results."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    class Meta:
        abstract = True

    @classmethod
    def content_panels_with(cls, *panels, after_introduction=True):
        """Page's title, then the introduction, then ``panels`` (or ``panels`` first, for
        a page whose facts come before its prose)."""
        if after_introduction:
            return [*Page.content_panels, FieldPanel("introduction"), *panels]
        return [*Page.content_panels, *panels, FieldPanel("introduction")]
