"""The email log: every message the site queued, with its delivery status, the call it
was about (named with its conference or programme), search and filters, CSV/XLSX export.
A message about a submission to a call the user may not manage is not there."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from home.spreadsheets import SafeSpreadsheetExportMixin

from ..admin_policies import VisibleRecordsViewSetMixin
from ..models import EmailKind, EmailLog, EmailStatus
from .calls import CallChoiceFilter, managed_call_pages, names_of_submission_calls
from .listing import DecoratedRowsMixin


class EmailLogFilterSet(WagtailFilterSet):
    call = CallChoiceFilter(
        label=_("Call"), field_name="submission__call", queryset=managed_call_pages
    )
    kind = ChoiceFilter(label=_("Message"), choices=EmailKind.choices)
    status = ChoiceFilter(label=_("Status"), choices=EmailStatus.choices)
    created_at = DateFromToRangeFilter(label=_("Queued"), widget=DateRangePickerWidget)

    class Meta:
        model = EmailLog
        fields = ["call", "kind", "status", "created_at"]


class EmailLogIndexView(SafeSpreadsheetExportMixin, DecoratedRowsMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("submission")

    def decorate(self, rows):
        submissions = [log.submission for log in rows if log.submission is not None]
        names = names_of_submission_calls(submissions)
        for log in rows:
            log.call_name = names[log.submission.call_id] if log.submission else ""


class EmailLogViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    model = EmailLog
    icon = "history"
    menu_label = _("Email log")
    index_view_class = EmailLogIndexView
    filterset_class = EmailLogFilterSet
    inspect_view_enabled = True
    list_display = [
        "to",
        "subject",
        Column("call", label=_("Call"), accessor="call_name"),
        Column("kind", label=_("Message"), accessor="get_kind_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Queued"), sort_key="created_at"),
    ]
    list_export = [
        "to",
        "language",
        "subject",
        "kind",
        "status",
        "message_id",
        "error",
        "created_at",
    ]
    search_fields = ["to", "subject"]
    list_per_page = 50
    form_fields = ["status"]  # read-only by policy


email_log_viewset = EmailLogViewSet("proposals_email_log")
