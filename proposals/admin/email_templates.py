"""The default email templates (the messages every call sends unless its page has its
own, which are edited on that page's Emails tab with its revisions), with search and
filters by message and language."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from home.admin_records import VisibleRecordsViewSetMixin

from ..models import EmailTemplate
from ..models.emails import ENGINE_EMAIL_KINDS


class DefaultEmailTemplateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


class EmailTemplateFilterSet(WagtailFilterSet):
    kind = ChoiceFilter(
        label=_("Message"), choices=[(kind.value, kind.label) for kind in ENGINE_EMAIL_KINDS]
    )
    locale = ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())

    class Meta:
        model = EmailTemplate
        fields = ["kind", "locale"]


class EmailTemplateViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    """Only the defaults, in the listing and by direct address: a call's own message saved
    here would be undone the next time its page is published."""

    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    index_view_class = DefaultEmailTemplateIndexView
    edit_handler = ObjectList(
        [FieldPanel("kind"), FieldPanel("locale"), FieldPanel("subject"), FieldPanel("body")]
    )
    list_display = [
        "subject",
        Column("kind", label=_("Message"), accessor="get_kind_display"),
        Column("locale", label=_("Language")),
    ]
    filterset_class = EmailTemplateFilterSet
    search_fields = ["subject", "body"]

    def restrict_queryset(self, queryset, user):
        return queryset.filter(call__isnull=True)


email_template_viewset = EmailTemplateViewSet("proposals_email_templates")
