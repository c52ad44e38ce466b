"""Admin for tickets: ticket types per conference, registrations (search, filter,
export, cancel).

Imported by one line in conference/wagtail_hooks.py (Wagtail reads only an app's own
wagtail_hooks module).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from conference.models import ConferencePage, Registration, TicketType
from conference.tickets.services import cancel
from home import payments
from home.spreadsheets import SafeSpreadsheetExportMixin


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come from the public form: staff may correct and cancel, not add or
    delete (a cancelled registration keeps its payment and refund record)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


def _cancel_url_name():
    return "registration:cancel"


class RegistrationFilterSet(WagtailFilterSet):
    conference = ModelChoiceFilter(
        label=gettext_lazy("Conference"),
        field_name="ticket_type__conference",
        queryset=ConferencePage.objects.filter(
            pk__in=TicketType.objects.values("conference")
        ).order_by("-start_date"),
    )
    ticket_type = ModelChoiceFilter(
        label=gettext_lazy("Ticket type"),
        queryset=TicketType.objects.select_related("conference").order_by("conference", "name"),
    )
    status = ChoiceFilter(label=gettext_lazy("Status"), choices=Registration.Status.choices)
    pricing = ChoiceFilter(label=gettext_lazy("Price band"), choices=Registration.Pricing.choices)
    created_at = DateFromToRangeFilter(label=gettext_lazy("Started"), widget=DateRangePickerWidget)

    class Meta:
        model = Registration
        fields = ["conference", "ticket_type", "status", "pricing", "created_at"]


class RegistrationIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("ticket_type__conference")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if _can_cancel(self.request.user, instance):
            buttons.append(
                ListingButton(
                    _("Cancel and refund") if instance.is_paid else _("Cancel"),
                    url=reverse(_cancel_url_name(), args=[quote(instance.pk)]),
                    icon_name="cross",
                    priority=15,
                )
            )
        return buttons


class RegistrationEditView(generic.EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if _can_cancel(self.request.user, self.object):
            buttons.append(
                HeaderButton(
                    _("Cancel and refund") if self.object.is_paid else _("Cancel"),
                    url=reverse(_cancel_url_name(), args=[quote(self.object.pk)]),
                    icon_name="cross",
                )
            )
        return buttons


def _can_cancel(user, registration):
    return user.has_perm("conference.change_registration") and registration.status in (
        Registration.Status.PENDING,
        Registration.Status.CONFIRMED,
    )


class CancelRegistrationView(generic.base.WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then cancel a registration and refund what was paid (exactly once)."""

    template_name = "conference/admin/registration_cancel.html"
    header_icon = "cross"

    def dispatch(self, request, *args, pk, **kwargs):
        self.registration = get_object_or_404(
            Registration.objects.select_related("ticket_type__conference"), pk=pk
        )
        if not _can_cancel(request.user, self.registration):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Cancel registration")

    def get_page_subtitle(self):
        return str(self.registration)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=self.registration,
            refund=self.registration.is_paid,
            index_url=reverse("registration:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            registration = cancel(registration=self.registration, refund=True)
        except (payments.PaymentProviderError, payments.PaymentsNotConfigured):
            messages.error(
                request,
                _("Stripe could not be reached, so nothing changed. Please try again later."),
            )
            return redirect(request.path)
        if registration.status == Registration.Status.REFUNDED:
            messages.success(
                request,
                _("%(name)s's registration is cancelled and %(amount)s refunded.")
                % {
                    "name": registration.name,
                    "amount": f"{registration.currency_symbol}{registration.amount}",
                },
            )
        else:
            messages.success(
                request, _("%(name)s's registration is cancelled.") % {"name": registration.name}
            )
        return redirect("registration:index")


class TicketTypeViewSet(ModelViewSet):
    model = TicketType
    icon = "tag"
    menu_label = gettext_lazy("Ticket types")
    list_display = [
        "name",
        "conference",
        Column("attendance", label=gettext_lazy("Attendance"), accessor="get_attendance_display"),
        "price",
        "early_bird_price",
        DateColumn("early_bird_ends_at", label=gettext_lazy("Early bird ends")),
        "capacity",
        "free_for_presenters",
    ]
    list_filter = ["conference", "attendance", "free_for_presenters"]
    search_fields = ["name"]
    copy_view_enabled = True


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = gettext_lazy("Registrations")
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_enabled = True
    list_display = [
        "name",
        "email",
        "ticket_type",
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        "amount",
        DateColumn("created_at", label=gettext_lazy("Started")),
    ]
    filterset_class = RegistrationFilterSet
    list_export = [
        "reference",
        "name",
        "email",
        "organisation",
        "accessibility_needs",
        "dietary_needs",
        "ticket_type",
        "status",
        "pricing",
        "amount",
        "currency",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "stripe_payment_intent_id",
        "stripe_refund_id",
    ]
    export_filename = "registrations"
    search_fields = ["name", "email", "organisation"]
    form_fields = ["name", "email", "organisation", "accessibility_needs", "dietary_needs"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("cancel/<int:pk>/", CancelRegistrationView.as_view(), name="cancel"),
        ]


class TicketsViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Tickets")
    menu_icon = "tag"
    menu_order = 250
    items = (TicketTypeViewSet, RegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_tickets_viewsets():
    return TicketsViewSetGroup()
