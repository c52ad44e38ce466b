"""The tickets page's routes (TicketsPage delegates here): list, register, registration."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from conference.models import TicketType
from conference.tickets import selectors as tickets_selectors
from conference.tickets import services as tickets_services
from conference.tickets.forms import PresenterLinkForm, PresenterRegistrationForm, RegistrationForm
from conference.tickets.services import RegistrationRefused, start_registration
from home import payments
from home.payments.availability import payments_context

UNREACHABLE = _(
    "We could not reach our payment provider, so nothing has been charged and no place "
    "has been taken. Please try again in a few minutes."
)
REFUND_UNREACHABLE = _(
    "We could not refund the ticket you already bought just now, so nothing has changed. "
    "Please try again in a few minutes."
)
# The same answer whoever asks, so the page reveals nothing about who is a speaker.
LINK_SENT = _(
    "If that address belongs to a speaker of an accepted session, we have emailed a link to "
    "register. Check your inbox."
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
    if ticket_type.free_for_presenters:
        return _register_presenter(request, page=page, ticket_type=ticket_type, now=now)
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


def _register_presenter(request, *, page, ticket_type, now):
    """A speaker registers free once they have proven their address: signed in with it
    verified, or through a link emailed to it. Anyone else can only ask for that link."""
    register_url = page.url + page.reverse_subpage("register", args=[ticket_type.pk])
    link_token = request.POST.get("token") or request.GET.get("token") or ""
    email = tickets_services.presenter_email(
        ticket_type=ticket_type, user=request.user, link_token=link_token
    )
    form = link_form = None
    if email is not None:
        initial = {"name": request.user.get_full_name()} if request.user.is_authenticated else {}
        form = PresenterRegistrationForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                registration = tickets_services.claim_presenter_place(
                    ticket_type=ticket_type,
                    details=form.cleaned_data,
                    user=request.user,
                    link_token=link_token,
                    now=now,
                )
            except RegistrationRefused as refusal:
                form.add_error(None, str(refusal))
            except (payments.PaymentProviderError, payments.PaymentsNotConfigured):
                messages.error(request, REFUND_UNREACHABLE)
            else:
                return redirect(_registration_url(page, registration.reference))
    else:
        # A link that no longer works is not a request for a new one.
        asking = request.method == "POST" and not link_token
        link_form = PresenterLinkForm(request.POST if asking else None)
        if asking and link_form.is_valid():
            tickets_services.request_presenter_link(
                ticket_type=ticket_type,
                email=link_form.cleaned_data["email"],
                link_for=lambda token: request.build_absolute_uri(
                    f"{register_url}?{urlencode({'token': token})}"
                ),
            )
            messages.success(request, LINK_SENT)
            return redirect(register_url)
    response = TemplateResponse(
        request,
        "conference/tickets_page_register.html",
        {
            "page": page,
            "self": page,
            "conference": page.conference,
            "ticket_type": ticket_type,
            "price_now": ticket_type.price_at(now),
            "early_bird_now": False,
            "on_sale_now": ticket_type.is_on_sale(now),
            "presenter_email": email,
            "link_token": link_token if email else "",
            "link_not_valid": bool(link_token) and email is None,
            "form": form,
            "link_form": link_form,
        },
    )
    # The page may carry a personal link or address: never kept by a cache.
    add_never_cache_headers(response)
    return response


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
