"""The donation page's two routes (DonationPage delegates here): the form and the thank-you."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home import payments
from home.donations.forms import DonationForm
from home.donations.services import start_donation
from home.models import Donation
from home.payments.availability import payments_context

UNREACHABLE = _(
    "We could not reach our payment provider, so nothing has been charged. "
    "Please try again in a few minutes."
)


def donate(request, *, page):
    context = payments_context(request)
    form = None
    if context["payments_available"]:
        form = DonationForm(request.POST or None, page=page)
        if request.method == "POST" and form.is_valid():
            try:
                _donation, checkout_url = start_donation(
                    page=page,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    amount=form.cleaned_data["amount"],
                    frequency=form.cleaned_data["frequency"],
                    success_url_for=lambda ref: request.build_absolute_uri(
                        page.url + page.reverse_subpage("thank_you", kwargs={"reference": ref})
                    ),
                    cancel_url=request.build_absolute_uri(page.url),
                )
            except payments.PaymentProviderError:
                messages.error(request, UNREACHABLE)
            else:
                return redirect(checkout_url)
    return TemplateResponse(
        request,
        "home/donation_page.html",
        {**context, "page": page, "self": page, "form": form},
    )


def thank_you(request, *, page, reference):
    donation = get_object_or_404(Donation, page=page, reference=reference)
    return TemplateResponse(
        request,
        "home/donation_thank_you.html",
        {"page": page, "self": page, "donation": donation},
    )
