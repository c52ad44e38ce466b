"""CallPage: a plain call any team can publish for an ad-hoc questionnaire."""

from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from home.models import BasePage
from home.models.mixins import NamedByParentsMixin

from .mixins import CallPageMixin, call_edit_handler


class CallPage(NamedByParentsMixin, CallPageMixin, BasePage):
    content_panels = BasePage.content_panels + CallPageMixin.call_content_panels
    edit_handler = call_edit_handler(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("call_guidance")]
    translatable_fields = BasePage.translatable_fields + CallPageMixin.call_translatable_fields

    # On the home page, in a section (a content page), or below a page type that names it
    # among its own subpage_types (the opportunities index), e.g. a working group's
    # application.
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []
    page_description = _(
        "Call for applications: a questionnaire people answer by a deadline, reviewed and "
        "decided by staff, e.g. a working group's application."
    )

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
