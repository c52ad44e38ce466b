"""Writes for tickets and registration: hold a place, start checkout, confirm, refund.

Capacity is counted and a place taken under a lock on the ticket type row
(`select_for_update`; SQLite serialises writers through `transaction_mode IMMEDIATE`), so
the last place cannot be sold twice. Stripe calls carry idempotency keys derived from the
registration, so a retry never charges or refunds twice. `fulfil_checkout` and
`release_checkout` are called by home.payments.webhooks, once per Stripe event.
"""

import datetime
import hashlib
import logging

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from conference.models import Registration, TicketType
from conference.models.tickets import (
    CHECKOUT_SESSION_LIFETIME,
    HOLD_GRACE,
    PRESENTER_LINK_MAX_AGE,
)
from conference.tickets import emails as ticket_emails
from conference.tickets import selectors as tickets_selectors
from home import languages, payments
from home.payments.money import to_minor_units

logger = logging.getLogger(__name__)

# A presenter's emailed link (valid for PRESENTER_LINK_MAX_AGE), and how often one address
# can be sent one.
PRESENTER_LINK_SALT = "conference.tickets.presenter-link"
PRESENTER_LINK_INTERVAL = datetime.timedelta(minutes=5)

REGISTRANT_FIELDS = ("name", "email", "organisation", "accessibility_needs", "dietary_needs")


def _buying_language():
    """The language the attendee is registering in (the request's): their emails' language.
    It travels with the Checkout session (metadata) to the webhook that confirms it."""
    return languages.supported(translation.get_language()) or ""


class RegistrationRefused(Exception):
    """The registration cannot go ahead; the message says why, for the attendee."""


def start_registration(
    *, ticket_type: TicketType, details: dict, success_url_for, cancel_url: str, now=None
) -> tuple[Registration, str | None]:
    """Register someone for a ticket. Returns the registration and the Checkout URL to send
    them to (None when nothing is to be paid: a free place is confirmed at once).

    Raises RegistrationRefused, payments.PaymentsNotConfigured, or
    payments.PaymentProviderError (Stripe unreachable: the held place is given back)."""
    now = now or timezone.now()
    if ticket_type.free_for_presenters:
        # Only a proven speaker gets a presenter place: claim_presenter_place.
        raise RegistrationRefused(_("The presenter ticket is for speakers of accepted sessions."))
    if not payments.is_configured():
        raise payments.PaymentsNotConfigured
    registration = hold_place(ticket_type=ticket_type, details=details, now=now)
    if not registration.amount:
        # A free ticket that is not a presenter ticket needs no checkout.
        confirm(registration=registration, now=now, language=_buying_language())
        return registration, None
    try:
        session = payments.create_checkout_session(
            line_items=[
                payments.LineItem(
                    name=f"{ticket_type.conference.title}: {ticket_type.name}",
                    amount_minor=to_minor_units(registration.amount),
                    currency=registration.currency,
                )
            ],
            customer_email=registration.email,
            success_url=success_url_for(registration.reference),
            cancel_url=cancel_url,
            metadata={
                "kind": "registration",
                "registration": str(registration.reference),
                "language": _buying_language(),
            },
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


def presenter_link_token(*, ticket_type: TicketType, email: str) -> str:
    """A signed, expiring token naming the address and ticket type; it stops working once a
    presenter place is registered for that address (see presenter_claims_state)."""
    email = email.strip().lower()
    state = tickets_selectors.presenter_claims_state(conference=ticket_type.conference, email=email)
    return signing.TimestampSigner(salt=PRESENTER_LINK_SALT).sign_object(
        {"ticket_type": ticket_type.pk, "email": email, "state": state}
    )


def presenter_email_from_link(*, ticket_type: TicketType, token: str) -> str | None:
    """The speaker's address a link was signed for, while it is fresh, unused and still names
    a speaker of an accepted session; None otherwise."""
    try:
        value = signing.TimestampSigner(salt=PRESENTER_LINK_SALT).unsign_object(
            token, max_age=PRESENTER_LINK_MAX_AGE
        )
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(value, dict) or value.get("ticket_type") != ticket_type.pk:
        return None
    email = value.get("email") or ""
    conference = ticket_type.conference
    if value.get("state") != tickets_selectors.presenter_claims_state(
        conference=conference, email=email
    ) or not tickets_selectors.is_presenter(conference=conference, email=email):
        return None
    return email


def presenter_email(*, ticket_type: TicketType, user=None, link_token: str = "") -> str | None:
    """The address a speaker has proven is theirs: the one an emailed link was signed for, or
    the signed-in user's verified address. Never an address someone merely typed."""
    email = None
    if link_token:
        email = presenter_email_from_link(ticket_type=ticket_type, token=link_token)
    if email is None and user is not None:
        email = tickets_selectors.verified_presenter_email(
            conference=ticket_type.conference, user=user
        )
    return email


def request_presenter_link(*, ticket_type: TicketType, email: str, link_for) -> None:
    """Email a link to claim the presenter place if `email` belongs to a speaker of an
    accepted session; otherwise do nothing. Whoever asks is told the same either way, so the
    answer reveals nobody. `link_for(token)` is the absolute URL of the link."""
    email = email.strip().lower()
    if not tickets_selectors.is_presenter(conference=ticket_type.conference, email=email):
        return
    # One link per address and ticket every few minutes: nobody can flood a speaker's inbox.
    digest = hashlib.sha256(email.encode()).hexdigest()
    if not cache.add(
        f"presenter-link:{ticket_type.pk}:{digest}",
        1,
        timeout=PRESENTER_LINK_INTERVAL.total_seconds(),
    ):
        return
    link = link_for(presenter_link_token(ticket_type=ticket_type, email=email))
    ticket_emails.queue_presenter_link(
        ticket_type=ticket_type, email=email, link=link, language=_buying_language()
    )


def claim_presenter_place(
    *, ticket_type: TicketType, details: dict, user=None, link_token: str = "", now=None
) -> Registration:
    """Register a speaker of an accepted session free and refund (once) any place they paid
    for, inside one transaction, so a failed refund records nothing.

    Who they are is proven here (presenter_email), never taken from the details typed: only
    the speaker can take their free place or cancel their paid one."""
    now = now or timezone.now()
    conference = ticket_type.conference
    email = presenter_email(ticket_type=ticket_type, user=user, link_token=link_token)
    if email is None:
        raise RegistrationRefused(
            _(
                "The presenter ticket is for speakers of accepted sessions. Sign in with the "
                "address of your proposal, or ask us to email you a link."
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
            **{field: details.get(field, "") for field in REGISTRANT_FIELDS} | {"email": email},
        )
        confirm(registration=registration, now=now, language=_buying_language())
        paid = Registration.objects.for_conference(conference).filter(
            email__iexact=email, status=Registration.Status.CONFIRMED, amount__gt=0
        )
        for paid_registration in paid:
            cancel(registration=paid_registration, refund=True, now=now)
    return registration


def confirm(
    *, registration: Registration, now=None, payment_intent_id: str = "", language: str = ""
) -> None:
    """Confirm the place and email the receipt, in ``language`` (the one it was bought in)."""
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = now or timezone.now()
    registration.hold_expires_at = None
    if payment_intent_id:
        registration.stripe_payment_intent_id = payment_intent_id
    registration.save()

    ticket_emails.queue_receipt(registration=registration, language=language)


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
            ticket_emails.queue_cancelled(registration=registration)
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
    confirm(
        registration=registration,
        payment_intent_id=payment_intent_id,
        language=(session.get("metadata") or {}).get("language", ""),
    )


def release_checkout(*, session: dict) -> None:
    """The checkout expired (or its payment failed): its held place is free again."""
    Registration.objects.filter(
        stripe_session_id=session["id"], status=Registration.Status.PENDING
    ).update(status=Registration.Status.EXPIRED, hold_expires_at=None)


def _id_of(value) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else value.get("id", "")
