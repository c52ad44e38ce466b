from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock

# The fields every Page has, declared for wagtail-localize: text is translated,
# the slug and structure follow the source page.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug"),
    SynchronizedField("show_in_menus"),
]


class ChildrenNameTheirParentMixin:
    """For pages that hold other apps' sections (the home page, content pages): instead of
    a subpage_types list naming every app's page types, the children are the page types
    whose own ``parent_page_types`` name this one. Home stays free of other apps, and a
    new section needs no change here."""

    @classmethod
    def clean_subpage_models(cls):
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]


class IntroductionBodyMixin(models.Model):
    """An introduction and a StreamField body, with their panels and search fields."""

    introduction = models.TextField(
        blank=True, help_text=_("One or two sentences shown under the title and in listings.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    body_panels = [FieldPanel("introduction"), FieldPanel("body")]
    body_search_fields = [index.SearchField("introduction"), index.SearchField("body")]
    body_translatable_fields = [TranslatableField("introduction"), TranslatableField("body")]

    class Meta:
        abstract = True
