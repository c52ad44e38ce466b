"""Writes for tickets and registration: hold a place, start checkout, confirm, refund.

Capacity is counted and a place taken under a lock on the ticket type row
(`select_for_update`; SQLite serialises writers through `transaction_mode IMMEDIATE`), so
the last place cannot be sold twice. Stripe calls carry idempotency keys derived from the
registration, so a retry never charges or refunds twice. `fulfil_checkout` and
`release_checkout` are called by home.payments.webhooks, once per Stripe event.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conference import tickets_selectors
from conference.models import Registration, TicketType
from conference.models.tickets import CHECKOUT_SESSION_LIFETIME, HOLD_GRACE
from home import payments

logger = logging.getLogger(__name__)

REGISTRANT_FIELDS = ("name", "email", "organisation", "accessibility_needs", "dietary_needs")


class RegistrationRefused(Exception):
    """The registration cannot go ahead; the message says why, for the attendee."""


def start_registration(
    *, ticket_type: TicketType, details: dict, success_url_for, cancel_url: str, now=None
) -> tuple[Registration, str | None]:
    """Register someone for a ticket. Returns the registration and the Checkout URL to send
    them to (None when nothing is to be paid: a presenter's free place is confirmed at once).

    Raises RegistrationRefused, payments.PaymentsNotConfigured, or
    payments.PaymentProviderError (Stripe unreachable: the held place is given back)."""
    now = now or timezone.now()
    if ticket_type.free_for_presenters:
        return register_presenter(ticket_type=ticket_type, details=details, now=now), None
    if not payments.is_configured():
        raise payments.PaymentsNotConfigured
    registration = hold_place(ticket_type=ticket_type, details=details, now=now)
    if not registration.amount:
        # A free ticket that is not a presenter ticket needs no checkout.
        confirm(registration=registration, now=now)
        return registration, None
    try:
        session = payments.create_checkout_session(
            line_items=[
                payments.LineItem(
                    name=f"{ticket_type.conference.title}: {ticket_type.name}",
                    amount_minor=int(registration.amount * 100),
                    currency=registration.currency,
                )
            ],
            customer_email=registration.email,
            success_url=success_url_for(registration.reference),
            cancel_url=cancel_url,
            metadata={"kind": "registration", "registration": str(registration.reference)},
            client_reference_id=str(registration.reference),
            expires_at=now + CHECKOUT_SESSION_LIFETIME,
            idempotency_key=f"registration-{registration.reference}",
        )
    except payments.PaymentProviderError:
        registration.delete()
        raise
    registration.stripe_session_id = session.id
    registration.save(update_fields=["stripe_session_id"])
    return registration, session.url


def hold_place(*, ticket_type: TicketType, details: dict, now=None) -> Registration:
    """A pending registration holding one place until its checkout can no longer be paid."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = TicketType.objects.select_for_update().get(pk=ticket_type.pk)
        _check_can_take_place(ticket_type=locked, now=now)
        return Registration.objects.create(
            ticket_type=locked,
            status=Registration.Status.PENDING,
            pricing=(
                Registration.Pricing.EARLY_BIRD
                if locked.is_early_bird(now)
                else Registration.Pricing.STANDARD
            ),
            amount=locked.price_at(now),
            currency=locked.currency,
            hold_expires_at=now + CHECKOUT_SESSION_LIFETIME + HOLD_GRACE,
            **{field: details.get(field, "") for field in REGISTRANT_FIELDS},
        )


def _check_can_take_place(*, ticket_type: TicketType, now):
    if not ticket_type.is_on_sale(now):
        raise RegistrationRefused(_("This ticket is not on sale at the moment."))
    ticket_type.registrations.lapsed_holds(now=now).update(status=Registration.Status.EXPIRED)
    if ticket_type.capacity is not None:
        taken = ticket_type.registrations.holding_places(now=now).count()
        if taken >= ticket_type.capacity:
            raise RegistrationRefused(
                _("Sorry, “%(ticket)s” is sold out.") % {"ticket": ticket_type.name}
            )


def register_presenter(*, ticket_type: TicketType, details: dict, now=None) -> Registration:
    """A speaker of an accepted session registers free; any place they paid for is refunded
    (once), inside the same transaction, so a failed refund records nothing."""
    now = now or timezone.now()
    conference = ticket_type.conference
    email = details["email"]
    if not tickets_selectors.is_presenter(conference=conference, email=email):
        raise RegistrationRefused(
            _(
                "The presenter ticket is for speakers of accepted sessions. We could not find "
                "a session with a speaker at this email address: use the address you gave in "
                "your proposal, or choose another ticket."
            )
        )
    with transaction.atomic():
        locked = TicketType.objects.select_for_update().get(pk=ticket_type.pk)
        already = Registration.objects.for_conference(conference).filter(
            email__iexact=email,
            ticket_type__free_for_presenters=True,
            status=Registration.Status.CONFIRMED,
        )
        if already.exists():
            raise RegistrationRefused(_("You are already registered as a presenter."))
        _check_can_take_place(ticket_type=locked, now=now)
        registration = Registration.objects.create(
            ticket_type=locked,
            status=Registration.Status.PENDING,
            pricing=Registration.Pricing.PRESENTER,
            amount=0,
            currency=locked.currency,
            **{field: details.get(field, "") for field in REGISTRANT_FIELDS},
        )
        confirm(registration=registration, now=now)
        paid = Registration.objects.for_conference(conference).filter(
            email__iexact=email, status=Registration.Status.CONFIRMED, amount__gt=0
        )
        for paid_registration in paid:
            cancel(registration=paid_registration, refund=True, now=now)
    return registration


def confirm(*, registration: Registration, now=None, payment_intent_id: str = "") -> None:
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = now or timezone.now()
    registration.hold_expires_at = None
    if payment_intent_id:
        registration.stripe_payment_intent_id = payment_intent_id
    registration.save()

    from conference.tickets_emails import send_registration_confirmation

    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_confirmation.enqueue(registration_id))


def cancel(*, registration: Registration, refund: bool, now=None) -> Registration:
    """Cancel a registration; refund what was paid (through Stripe, exactly once)."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        needs_refund = refund and registration.is_paid and not registration.stripe_refund_id
        if registration.status == Registration.Status.REFUNDED or (
            registration.status == Registration.Status.CANCELLED and not needs_refund
        ):
            return registration
        # The attendee hears of it when they had a place or are owed money; an abandoned
        # checkout cancelled by staff needs no email.
        tell_attendee = registration.status == Registration.Status.CONFIRMED or needs_refund
        if registration.status == Registration.Status.PENDING and registration.stripe_session_id:
            _expire_open_checkout(registration.stripe_session_id)
        if needs_refund:
            result = payments.refund_payment(
                payment_intent_id=registration.stripe_payment_intent_id,
                idempotency_key=f"refund-registration-{registration.reference}",
            )
            registration.stripe_refund_id = result.id
            registration.status = Registration.Status.REFUNDED
        else:
            registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.hold_expires_at = None
        registration.save()
        if tell_attendee:
            from conference.tickets_emails import send_registration_cancelled

            registration_id = registration.pk
            transaction.on_commit(lambda: send_registration_cancelled.enqueue(registration_id))
    return registration


def _expire_open_checkout(session_id: str) -> None:
    # If this fails the checkout lapses by itself; a payment made meanwhile is refunded
    # by fulfil_checkout, since the registration is cancelled.
    try:
        payments.expire_checkout_session(session_id=session_id)
    except (payments.PaymentProviderError, payments.PaymentsNotConfigured):
        logger.warning("Could not expire Checkout session %s", session_id)


def fulfil_checkout(*, session: dict) -> None:
    registration = (
        Registration.objects.select_for_update().filter(stripe_session_id=session["id"]).first()
    )
    if registration is None:
        logger.warning("Paid Checkout session %s matches no registration", session["id"])
        return
    payment_intent_id = _id_of(session.get("payment_intent"))
    if registration.status == Registration.Status.CONFIRMED:
        return
    if registration.status in (Registration.Status.CANCELLED, Registration.Status.REFUNDED):
        # Staff cancelled it while checkout was open: give the money back rather than keep it.
        registration.stripe_payment_intent_id = payment_intent_id
        registration.save(update_fields=["stripe_payment_intent_id"])
        cancel(registration=registration, refund=True)
        return
    confirm(registration=registration, payment_intent_id=payment_intent_id)


def release_checkout(*, session: dict) -> None:
    """The checkout expired (or its payment failed): its held place is free again."""
    Registration.objects.filter(
        stripe_session_id=session["id"], status=Registration.Status.PENDING
    ).update(status=Registration.Status.EXPIRED, hold_expires_at=None)


def _id_of(value) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else value.get("id", "")
