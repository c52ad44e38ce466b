"""The proposals engine in the Wagtail admin: a "Calls" menu with the reviewer queue,
rankings, the submissions listing (filters, CSV/XLSX export), email templates and
the email log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from home.sections import HOOK_NAME as HOME_SECTIONS_HOOK
from home.sections import HomeSection
from home.spreadsheets import SafeExportIndexView, SafeSpreadsheetExportMixin

from . import admin_urls, selectors
from .admin_policies import (
    ProgrammeTeamEditPolicy,
    ProgrammeTeamPolicy,
    VisibleRecordsViewSetMixin,
)
from .models import EmailLog, EmailTemplate, ExportLog, Submission, SubmissionStatus
from .permissions import hidden_call_ids, is_programme_team, is_reviewer
from .registry import call_page_models

register_permission_policy(Submission, ProgrammeTeamPolicy(Submission))
register_permission_policy(EmailLog, ProgrammeTeamPolicy(EmailLog))
register_permission_policy(EmailTemplate, ProgrammeTeamEditPolicy(EmailTemplate))


def _call_pages(request):
    """The calls the user manages (a call restricted to another group is not named)."""
    models = call_page_models()
    if not models or request is None:
        return Page.objects.none()
    return (
        Page.objects.type(*models).exclude(pk__in=hidden_call_ids(request.user)).order_by("title")
    )


class SubmissionFilterSet(WagtailFilterSet):
    call = ModelChoiceFilter(label=_("Call"), queryset=_call_pages)
    status = ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)

    class Meta:
        model = Submission
        fields = ["call", "status"]


class SubmissionIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("call")

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
        Column("call", label=_("Call"), accessor="call"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "applicant_name",
        DateColumn("submitted_at", label=_("Submitted")),
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


class EmailTemplateViewSet(ModelViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    form_fields = ["call", "kind", "locale", "subject", "body"]
    list_display = ["__str__", "kind", Column("locale", label=_("Language")), "call"]
    list_filter = ["kind", "locale"]


class EmailLogViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    model = EmailLog
    icon = "list-ul"
    menu_label = _("Email log")
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ["to", "subject", "kind", "status", DateColumn("created_at", label=_("Created"))]
    list_filter = ["kind", "status"]
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
    form_fields = ["status"]  # read-only by policy


submission_viewset = SubmissionViewSet("proposals_submissions")
email_template_viewset = EmailTemplateViewSet("proposals_email_templates")
email_log_viewset = EmailLogViewSet("proposals_email_log")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [submission_viewset, email_template_viewset, email_log_viewset]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "calls/",
            include((admin_urls.urlpatterns, "proposals_admin"), namespace="proposals_admin"),
        )
    ]


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


class ProgrammeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_team(request.user)


class CallsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


@hooks.register("register_proposals_menu_item")
def queue_item():
    return ReviewerMenuItem(
        _("My reviews"), reverse("proposals_admin:queue"), icon_name="tasks", order=100
    )


@hooks.register("register_proposals_menu_item")
def calls_item():
    return ProgrammeMenuItem(
        _("Calls and rankings"), reverse("proposals_admin:calls"), icon_name="form", order=200
    )


@hooks.register("register_proposals_menu_item")
def submissions_item():
    return ProgrammeMenuItem(
        _("All submissions"),
        reverse(submission_viewset.get_url_name("index")),
        icon_name="list-ul",
        order=300,
    )


@hooks.register("register_proposals_menu_item")
def templates_item():
    return ProgrammeMenuItem(
        _("Email templates"),
        reverse(email_template_viewset.get_url_name("index")),
        icon_name="mail",
        order=400,
    )


@hooks.register("register_proposals_menu_item")
def email_log_item():
    return ProgrammeMenuItem(
        _("Email log"),
        reverse(email_log_viewset.get_url_name("index")),
        icon_name="history",
        order=500,
    )


@hooks.register("register_admin_menu_item")
def calls_menu():
    return CallsSubmenu(
        _("Calls"),
        Menu(register_hook_name="register_proposals_menu_item"),
        icon_name="form",
        order=250,
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("proposals/css/admin.css"))


@hooks.register(HOME_SECTIONS_HOOK)
def open_calls_on_the_home_page(home_page, request, default_locale_id):
    calls = selectors.open_calls(locale_id=home_page.locale_id, default_locale_id=default_locale_id)
    return HomeSection("proposals/includes/home_open_calls.html", {"calls": calls}, order=20)
