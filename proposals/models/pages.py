"""CallPage: a plain call any team can publish for an ad-hoc questionnaire."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .mixins import CallPageMixin


class CallPage(CallPageMixin, Page):
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the title.")
    )

    content_panels = (
        Page.content_panels + [FieldPanel("introduction")] + CallPageMixin.call_content_panels
    )
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(CallPageMixin.call_settings_panels, heading=_("Call")),
            ObjectList(CallPageMixin.call_question_panels, heading=_("Questions")),
            ObjectList(CallPageMixin.call_rubric_panels, heading=_("Rubric")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("introduction"),
        *CallPageMixin.call_translatable_fields,
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
