"""Every submission to the calls the user manages: search, filters by call and status,
CSV/XLSX export (each export recorded), and a read-only inspect view."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_records import DecoratedRowsMixin, VisibleRecordsViewSetMixin
from home.spreadsheets import SafeSpreadsheetExportMixin

from ..models import ExportLog, Submission, SubmissionStatus
from .calls import CallChoiceFilter, managed_call_pages, names_of_submission_calls


class SubmissionFilterSet(WagtailFilterSet):
    call = CallChoiceFilter(label=_("Call"), queryset=managed_call_pages)
    status = ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)

    class Meta:
        model = Submission
        fields = ["call", "status"]


class SubmissionIndexView(SafeSpreadsheetExportMixin, DecoratedRowsMixin, IndexView):
    def decorate(self, rows):
        names = names_of_submission_calls(rows)
        for submission in rows:
            submission.call_name = names[submission.call_id]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        ExportLog.objects.create(
            user=self.request.user,
            what="submissions",
            file_format=spreadsheet_format,
            rows=queryset.count(),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class SubmissionViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    model = Submission
    icon = "form"
    menu_label = _("All submissions")
    index_view_class = SubmissionIndexView
    filterset_class = SubmissionFilterSet
    inspect_view_enabled = True
    list_display = [
        "title",
        Column("call", label=_("Call"), accessor="call_name"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "applicant_name",
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_export = [
        "id",
        "title",
        "status",
        "call",
        "applicant_name",
        "applicant_email",
        "submitted_at",
        "decided_at",
    ]
    export_filename = "submissions"
    search_fields = ["title", "applicant_name", "applicant_email"]
    inspect_view_fields = [
        "title",
        "status",
        "call",
        "applicant_name",
        "applicant_email",
        "submitted_at",
        "decided_at",
    ]
    list_per_page = 50
    # Answers are never edited in the admin (the policy grants view/export only).
    form_fields = ["status"]

    def restrict_queryset(self, queryset, user):
        return queryset.managed_by(user)


submission_viewset = SubmissionViewSet("proposals_submissions")
