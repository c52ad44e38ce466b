"""Donations: start a Checkout session, fulfil or release it when Stripe's webhook says so.

`fulfil_checkout` and `release_checkout` are called by home.payments.webhooks inside the
transaction that records the event, so each runs once per event.
"""

import logging
import uuid
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext

from home import payments
from home.donations.emails import queue_thank_you
from home.models import Donation, DonationPage
from home.payments.money import to_minor_units

logger = logging.getLogger(__name__)


def start_donation(
    *,
    page: DonationPage,
    email: str,
    name: str,
    amount: Decimal,
    frequency: str,
    success_url_for,
    cancel_url: str,
) -> tuple[Donation, str]:
    """Create the Checkout session first, then the Donation: if Stripe is unreachable,
    PaymentProviderError is raised and nothing is stored. Returns the donation and the
    Checkout URL to send the donor to."""
    reference = uuid.uuid4()
    monthly = frequency == Donation.Frequency.MONTHLY
    item_name = (
        gettext("Monthly donation to %(org)s") if monthly else gettext("Donation to %(org)s")
    ) % {"org": page.get_site().site_name or "mySociety"}
    session = payments.create_checkout_session(
        line_items=[
            payments.LineItem(
                name=item_name,
                amount_minor=to_minor_units(amount),
                currency=page.currency,
                interval="month" if monthly else None,
            )
        ],
        customer_email=email,
        success_url=success_url_for(reference),
        cancel_url=cancel_url,
        metadata={"kind": "donation", "donation": str(reference)},
        client_reference_id=str(reference),
        idempotency_key=f"donation-{reference}",
    )
    donation = Donation.objects.create(
        reference=reference,
        page=page,
        name=name,
        email=email,
        amount=amount,
        currency=page.currency,
        frequency=frequency,
        stripe_session_id=session.id,
    )
    return donation, session.url


def fulfil_checkout(*, session: dict) -> None:
    donation = Donation.objects.select_for_update().filter(stripe_session_id=session["id"]).first()
    if donation is None:
        logger.warning("Paid Checkout session %s matches no donation", session["id"])
        return
    if donation.status == Donation.Status.PAID:
        return
    donation.status = Donation.Status.PAID
    donation.paid_at = timezone.now()
    donation.stripe_payment_intent_id = _id_of(session.get("payment_intent"))
    donation.stripe_subscription_id = _id_of(session.get("subscription"))
    donation.save()

    queue_thank_you(donation=donation)


def release_checkout(*, session: dict) -> None:
    Donation.objects.filter(stripe_session_id=session["id"], status=Donation.Status.PENDING).update(
        status=Donation.Status.EXPIRED
    )


def _id_of(value) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else value.get("id", "")
