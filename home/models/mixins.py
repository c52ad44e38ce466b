from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.blocks import BodyStreamBlock


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


class NamedByParentsMixin:
    """For a page type other apps may hold (a generic call): besides its own
    ``parent_page_types``, it may go below any page type whose own ``subpage_types`` name
    it. The app that holds it names it; the page names no app that holds it."""

    @classmethod
    def clean_parent_page_models(cls):
        declared = super().clean_parent_page_models()
        holders = [
            model
            for model in get_page_models()
            if model not in declared
            and getattr(model, "subpage_types", None) is not None
            and cls in model.clean_subpage_models()
        ]
        return [*declared, *holders]


class BodyMixin(models.Model):
    """A StreamField body, with its panel, search field and translation."""

    body = StreamField(BodyStreamBlock(), blank=True)

    body_panels = [FieldPanel("body")]
    body_search_fields = [index.SearchField("body")]
    body_translatable_fields = [TranslatableField("body")]

    class Meta:
        abstract = True
