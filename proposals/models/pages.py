"""CallPage: a plain call any team can publish for an ad-hoc questionnaire."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.models.mixins import PAGE_TRANSLATABLE_FIELDS

from .mixins import CallPageMixin, call_edit_handler


class CallPage(CallPageMixin, Page):
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the title.")
    )

    content_panels = (
        Page.content_panels + [FieldPanel("introduction")] + CallPageMixin.call_content_panels
    )
    edit_handler = call_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("introduction"),
        *CallPageMixin.call_translatable_fields,
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
