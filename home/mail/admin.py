"""The email log in the admin (Reports › Email log): every message the site queued, with
its delivery status and the page it was about (a call named with its conference, a
conference, a donation page); search, filters, CSV/XLSX export, and each message in full.

Read only, for who holds "Can view email log entry" (the Programme team), and of that only
what the apps' rules let them read (home.mail.registry): ticket emails for who may see
registrations, thanks for donations for who may see donations, a confidential call's
messages within its group. Registered by one line in home/wagtail_hooks.py.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from home.admin_records import (
    DecoratedRowsMixin,
    ViewOnlyPermissionPolicy,
    VisibleRecordsViewSetMixin,
)
from home.models import EmailKind, EmailLog, EmailStatus
from home.spreadsheets import SafeSpreadsheetExportMixin

register_permission_policy(EmailLog, ViewOnlyPermissionPolicy(EmailLog))


def page_names(page_ids):
    """{page id: how staff know it}: a call with its conference ("TICTeC 2025: Call for
    session proposals", its ``admin_display_title``), any other page by its title."""
    return {
        page.pk: getattr(page, "admin_display_title", None) or page.get_admin_display_title()
        for page in Page.objects.filter(pk__in=set(page_ids)).specific()
    }


def pages_in_the_log(request):
    """The pages the messages the user may read were about, for the filter."""
    if request is None:
        return Page.objects.none()
    logged = EmailLog.objects.visible_to(request.user).filter(page__isnull=False)
    return Page.objects.filter(pk__in=logged.values("page")).order_by("title")


class PageChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        if not hasattr(self, "_names"):
            self._names = page_names(self.queryset.values_list("pk", flat=True))
        return self._names.get(obj.pk, obj.title)


class PageChoiceFilter(ModelChoiceFilter):
    field_class = PageChoiceField


class EmailLogFilterSet(WagtailFilterSet):
    page = PageChoiceFilter(label=_("About"), queryset=pages_in_the_log)
    kind = ChoiceFilter(label=_("Message"), choices=EmailKind.choices)
    status = ChoiceFilter(label=_("Status"), choices=EmailStatus.choices)
    created_at = DateFromToRangeFilter(label=_("Queued"), widget=DateRangePickerWidget)

    class Meta:
        model = EmailLog
        fields = ["page", "kind", "status", "created_at"]


class EmailLogIndexView(SafeSpreadsheetExportMixin, DecoratedRowsMixin, IndexView):
    def decorate(self, rows):
        names = page_names(log.page_id for log in rows if log.page_id)
        for log in rows:
            log.page_name = names.get(log.page_id, "")


class EmailLogViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    model = EmailLog
    icon = "mail"
    menu_label = _("Email log")
    menu_hook = "register_reports_menu_item"
    index_view_class = EmailLogIndexView
    filterset_class = EmailLogFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "to",
        "kind",
        "page",
        "language",
        "subject",
        "body",
        "status",
        "error",
        "attempts",
        "message_id",
        "created_at",
        "updated_at",
    ]
    list_display = [
        "to",
        "subject",
        Column("page", label=_("About"), accessor="page_name"),
        Column("kind", label=_("Message"), accessor="get_kind_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Queued"), sort_key="created_at"),
    ]
    search_fields = ["to", "subject"]
    list_per_page = 50
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
    form_fields = ["status"]  # read only by policy


email_log_viewset = EmailLogViewSet("email_log")
