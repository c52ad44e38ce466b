"""Email templates: the default messages for every call, and each call's own (also
edited on the call's page), with search and filters."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from ..models import EmailKind, EmailTemplate
from .calls import CallChoiceFilter, managed_call_pages


class EmailTemplateFilterSet(WagtailFilterSet):
    call = CallChoiceFilter(
        label=_("Call"),
        queryset=managed_call_pages,
        null_label=_("Default for every call"),
    )
    kind = ChoiceFilter(label=_("Message"), choices=EmailKind.choices)
    locale = ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())

    class Meta:
        model = EmailTemplate
        fields = ["call", "kind", "locale"]


class EmailTemplateViewSet(ModelViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    form_fields = ["call", "kind", "locale", "subject", "body"]
    list_display = [
        "__str__",
        Column("kind", label=_("Message"), accessor="get_kind_display"),
        Column("locale", label=_("Language")),
        Column("call", label=_("Call")),
    ]
    filterset_class = EmailTemplateFilterSet
    search_fields = ["subject", "body"]


email_template_viewset = EmailTemplateViewSet("proposals_email_templates")
