"""The tickets page's routes (TicketsPage delegates here): list, register, registration."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference import tickets_selectors
from conference.models import TicketType
from conference.tickets_forms import RegistrationForm
from conference.tickets_services import RegistrationRefused, start_registration
from home import payments
from home.payments.availability import payments_context

UNREACHABLE = _(
    "We could not reach our payment provider, so nothing has been charged and no place "
    "has been taken. Please try again in a few minutes."
)


def ticket_list(request, *, page):
    return TemplateResponse(
        request,
        "conference/tickets_page.html",
        {
            **payments_context(request),
            "page": page,
            "self": page,
            "conference": page.conference,
            "ticket_types": tickets_selectors.ticket_types_for_sale(conference=page.conference),
        },
    )


def register(request, *, page, ticket_type_id):
    now = timezone.now()
    ticket_type = get_object_or_404(
        TicketType.objects.for_conference(page.conference), pk=ticket_type_id
    )
    context = payments_context(request)
    can_register = ticket_type.free_for_presenters or context["payments_available"]
    form = RegistrationForm(request.POST or None) if can_register else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            registration, checkout_url = start_registration(
                ticket_type=ticket_type,
                details=form.cleaned_data,
                success_url_for=lambda reference: request.build_absolute_uri(
                    _registration_url(page, reference)
                ),
                cancel_url=request.build_absolute_uri(page.url),
                now=now,
            )
        except RegistrationRefused as refusal:
            form.add_error(None, str(refusal))
        except payments.PaymentsNotConfigured:
            context["payments_available"] = False
            form = None
        except payments.PaymentProviderError:
            messages.error(request, UNREACHABLE)
        else:
            return redirect(checkout_url or _registration_url(page, registration.reference))
    return TemplateResponse(
        request,
        "conference/tickets_page_register.html",
        {
            **context,
            "page": page,
            "self": page,
            "conference": page.conference,
            "ticket_type": ticket_type,
            "price_now": ticket_type.price_at(now),
            "early_bird_now": ticket_type.is_early_bird(now),
            "on_sale_now": ticket_type.is_on_sale(now),
            "form": form,
        },
    )


def registration_status(request, *, page, reference):
    registration = tickets_selectors.registration_for_page(page=page, reference=reference)
    if registration is None:
        raise Http404
    return TemplateResponse(
        request,
        "conference/tickets_page_registration.html",
        {
            "page": page,
            "self": page,
            "conference": page.conference,
            "registration": registration,
        },
    )


def _registration_url(page, reference):
    return page.url + page.reverse_subpage("registration", kwargs={"reference": reference})
