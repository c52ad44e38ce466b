"""The admin's Emails menu: the site's email templates and the email log.

Email templates: the texts staff write instead of the built-in ones, for the whole site,
one per message and language (a call's own are written on its page's Emails tab), each
with the placeholders its message offers and a preview. For who holds the email template
permissions (the Programme team); a message whose log entries they may not read (a
donation's thanks without the donations permission) is not offered to them.

Email log: every message the site queued, with its delivery status and the page it was
about (a call named with its conference, a conference, a donation page); search, filters,
CSV/XLSX export, and each message in full. Read only, for who holds "Can view email log
entry" (the Programme team), and of that only what the apps' rules let them read
(home.mail.registry): ticket emails for who may see registrations, thanks for donations
for who may see donations, a confidential call's messages within its group.

Registered by one line in home/wagtail_hooks.py.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page
from wagtail.permissions import register_permission_policy

from home.admin_records import (
    DecoratedRowsMixin,
    ViewOnlyPermissionPolicy,
    VisibleRecordsViewSetMixin,
)
from home.models import EmailKind, EmailLog, EmailStatus, EmailTemplate
from home.spreadsheets import SafeSpreadsheetExportMixin

from . import registry
from .panels import EmailPreviewPanel
from .templates import placeholder

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
    icon = "history"
    menu_label = _("Email log")
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


# --- Email templates ------------------------------------------------------------------


def offered_kinds(user):
    """[(kind, label)] of the messages ``user`` may write a default text for."""
    rewritable = set(registry.rewritable_kinds()) - set(registry.hidden_kinds(user))
    return [(kind, label) for kind, label in EmailKind.choices if kind in rewritable]


class EmailTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields and self.for_user is not None:
            self.fields["kind"].choices = [("", "---------"), *offered_kinds(self.for_user)]


class PlaceholdersPanel(Panel):
    """What each message may say: its placeholders, and what each holds."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/mail/panels/placeholders.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user if self.request else None
            context["kinds"] = [
                (
                    label,
                    [
                        (placeholder(name), meaning)
                        for name, meaning in registry.kind(kind).placeholders
                    ],
                )
                for kind, label in (offered_kinds(user) if user else [])
            ]
            context["example"] = placeholder("applicant_name")
            return context


class EmailTemplateFilterSet(WagtailFilterSet):
    kind = ChoiceFilter(label=_("Message"), choices=EmailKind.choices)
    locale = ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())

    class Meta:
        model = EmailTemplate
        fields = ["kind", "locale"]


class EmailTemplateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


class EmailTemplateViewSet(VisibleRecordsViewSetMixin, ModelViewSet):
    """The site's defaults only, in the listing and by direct address: a call's own
    message saved here would be undone the next time its page is published."""

    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    index_view_class = EmailTemplateIndexView
    edit_handler = ObjectList(
        [
            PlaceholdersPanel(heading=_("What a message may say")),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("locale")]),
            FieldPanel("subject"),
            FieldPanel("body"),
            EmailPreviewPanel(),
        ],
        base_form_class=EmailTemplateForm,
    )
    list_display = [
        "subject",
        Column("kind", label=_("Message"), accessor="get_kind_display"),
        Column("locale", label=_("Language")),
    ]
    filterset_class = EmailTemplateFilterSet
    search_fields = ["subject", "body"]


email_template_viewset = EmailTemplateViewSet("email_templates")


class EmailsViewSetGroup(ViewSetGroup):
    menu_label = _("Emails")
    menu_icon = "mail"
    menu_order = 255
    items = (email_template_viewset, email_log_viewset)


emails_menu = EmailsViewSetGroup()
