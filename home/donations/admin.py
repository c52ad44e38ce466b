"""Donations in the Wagtail admin: a read-only listing for staff who hold the donation
permissions (superusers, or a group given "Can view donation"), with search, filters,
totals per currency for the donations listed, and CSV/XLSX export.

Donations are created by the public form and confirmed by Stripe's webhook, so nobody
adds, edits or deletes one here. Registered by one line in home/wagtail_hooks.py.
"""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.admin_records import ViewOnlyPermissionPolicy
from home.models import Donation
from home.payments.money import CURRENCY_CHOICES, currency_symbol
from home.spreadsheets import SafeSpreadsheetExportMixin

# View and export only: a donation's record is Stripe's.
register_permission_policy(Donation, ViewOnlyPermissionPolicy(Donation))


class DonationFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=Donation.Status.choices)
    frequency = ChoiceFilter(label=_("Frequency"), choices=Donation.Frequency.choices)
    currency = ChoiceFilter(label=_("Currency"), choices=CURRENCY_CHOICES)
    created_at = DateFromToRangeFilter(label=_("Started"), widget=DateRangePickerWidget)

    class Meta:
        model = Donation
        fields = ["status", "frequency", "currency", "created_at"]


def totals(queryset):
    """Per currency, for the donations in ``queryset``: how many, their sum, and the sum
    of those paid (one query)."""
    rows = (
        queryset.order_by()
        .values("currency")
        .annotate(
            count=Count("pk"),
            total=Sum("amount"),
            paid=Sum("amount", filter=Q(status=Donation.Status.PAID), default=0),
        )
        .order_by("currency")
    )
    return [{**row, "symbol": currency_symbol(row["currency"])} for row in rows]


def _amount(donation):
    return f"{donation.currency_symbol}{donation.amount}"


class DonationIndexView(SafeSpreadsheetExportMixin, IndexView):
    results_template_name = "home/admin/donations_results.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["totals"] = totals(self.object_list)
        return context


class DonationViewSet(ModelViewSet):
    model = Donation
    icon = "pick"
    menu_label = _("Donations")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = DonationIndexView
    filterset_class = DonationFilterSet
    inspect_view_enabled = True
    list_display = [
        "name",
        "email",
        Column("amount", label=_("Amount"), accessor=_amount, sort_key="amount"),
        Column("frequency", label=_("Frequency"), accessor="get_frequency_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Started"), sort_key="created_at"),
        DateColumn("paid_at", label=_("Paid"), sort_key="paid_at"),
    ]
    list_export = [
        "reference",
        "name",
        "email",
        "amount",
        "currency",
        "frequency",
        "status",
        "created_at",
        "paid_at",
        "stripe_payment_intent_id",
        "stripe_subscription_id",
    ]
    export_filename = "donations"
    search_fields = ["name", "email"]
    list_per_page = 50
    inspect_view_fields = [
        "reference",
        "name",
        "email",
        "amount",
        "currency",
        "frequency",
        "status",
        "page",
        "created_at",
        "paid_at",
        "thanked_at",
    ]
    form_fields = ["name"]  # no edit view is reachable: the policy refuses "change"


donation_viewset = DonationViewSet("donations")
