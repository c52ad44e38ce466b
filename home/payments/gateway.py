"""The one Stripe gateway: every call the site makes to Stripe goes through here.

Configuration comes from settings (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, both from the
environment). Every write carries an idempotency key, so a retried request can never charge,
expire or refund twice. Callers get plain dataclasses back, never Stripe objects, and one
exception type when Stripe cannot be reached or refuses the request.
"""

import json
import time
from dataclasses import dataclass, field
from datetime import datetime

import stripe
from django.conf import settings

# Tests replace only Stripe's HTTP layer (a `stripe.HTTPClient` subclass); None is the
# library's own client.
_http_client: stripe.HTTPClient | None = None


class PaymentsNotConfigured(Exception):
    """No Stripe keys: online payment is switched off."""


class PaymentProviderError(Exception):
    """Stripe could not be reached or refused the request; nothing was charged."""


class InvalidWebhook(Exception):
    """The webhook's signature or timestamp did not verify, or its body is not an event."""


@dataclass(frozen=True)
class LineItem:
    name: str
    amount_minor: int
    currency: str
    quantity: int = 1
    # "month" or "year" for a subscription; None for a one-off payment.
    interval: str | None = None


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str
    status: str = "open"
    payment_status: str = "unpaid"
    payment_intent: str = ""
    subscription: str = ""
    metadata: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Refund:
    id: str
    status: str
    amount_minor: int


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def use_http_client(client: stripe.HTTPClient | None) -> stripe.HTTPClient | None:
    """Replace Stripe's HTTP layer (tests and the browser-test server); returns the previous."""
    global _http_client
    previous, _http_client = _http_client, client
    return previous


def _client() -> stripe.StripeClient:
    if not is_configured():
        raise PaymentsNotConfigured
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        http_client=_http_client,
        # Safe to retry: every write below sends an idempotency key.
        max_network_retries=getattr(settings, "STRIPE_MAX_NETWORK_RETRIES", 2),
    )


def _session_from_stripe(session) -> CheckoutSession:
    return CheckoutSession(
        id=session["id"],
        url=session.get("url") or "",
        status=session.get("status") or "",
        payment_status=session.get("payment_status") or "",
        payment_intent=_id_of(session.get("payment_intent")),
        subscription=_id_of(session.get("subscription")),
        metadata=dict(session.get("metadata") or {}),
    )


def _id_of(value) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else value["id"]


def _price_data(item: LineItem) -> dict:
    price_data = {
        "currency": item.currency.lower(),
        "unit_amount": item.amount_minor,
        "product_data": {"name": item.name},
    }
    if item.interval:
        price_data["recurring"] = {"interval": item.interval}
    return price_data


def create_checkout_session(
    *,
    line_items: list[LineItem],
    success_url: str,
    cancel_url: str,
    idempotency_key: str,
    customer_email: str = "",
    metadata: dict | None = None,
    client_reference_id: str = "",
    expires_at: datetime | None = None,
) -> CheckoutSession:
    """A hosted Checkout page; subscription mode when any item recurs (monthly giving)."""
    mode = "subscription" if any(item.interval for item in line_items) else "payment"
    params = {
        "mode": mode,
        "line_items": [{"price_data": _price_data(i), "quantity": i.quantity} for i in line_items],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "metadata": metadata or {},
    }
    if customer_email:
        params["customer_email"] = customer_email
    if client_reference_id:
        params["client_reference_id"] = client_reference_id
    if expires_at:
        params["expires_at"] = int(expires_at.timestamp())
    if mode == "payment":
        # The payment intent carries the same metadata, so a refund can be traced back.
        params["payment_intent_data"] = {"metadata": metadata or {}}
    else:
        params["subscription_data"] = {"metadata": metadata or {}}
    session = _call(
        lambda client: client.v1.checkout.sessions.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    )
    return _session_from_stripe(session)


def expire_checkout_session(*, session_id: str) -> CheckoutSession:
    session = _call(
        lambda client: client.v1.checkout.sessions.expire(
            session_id, options={"idempotency_key": f"expire-{session_id}"}
        )
    )
    return _session_from_stripe(session)


def refund_payment(
    *, payment_intent_id: str, idempotency_key: str, amount_minor: int | None = None
) -> Refund:
    """Refund a payment intent (all of it unless amount_minor is given), at most once per key."""
    params = {"payment_intent": payment_intent_id, "reason": "requested_by_customer"}
    if amount_minor is not None:
        params["amount"] = amount_minor
    refund = _call(
        lambda client: client.v1.refunds.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    )
    return Refund(id=refund["id"], status=refund["status"], amount_minor=refund["amount"])


def verify_webhook(*, payload: bytes, signature_header: str | None) -> dict:
    """The event as a plain dict, once its signature and timestamp verify on the raw body."""
    if not is_configured():
        raise PaymentsNotConfigured
    tolerance = stripe.Webhook.DEFAULT_TOLERANCE
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature_header, settings.STRIPE_WEBHOOK_SECRET, tolerance
        )
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise InvalidWebhook(str(error)) from error
    # The library refuses old timestamps only; a future one is as suspect (a replay signed
    # ahead of time, or a clock gone wrong), so the same tolerance applies both ways.
    if _signed_at(signature_header) > time.time() + tolerance:
        raise InvalidWebhook("timestamp in the future")
    if (
        not isinstance(event, dict)
        or not event.get("id")
        or not event.get("type")
        or not isinstance(event.get("data"), dict)
        or not isinstance(event["data"].get("object"), dict)
    ):
        raise InvalidWebhook("not a Stripe event")
    return event


def _signed_at(signature_header: str) -> int:
    """The `t=` of a Stripe-Signature header, read as the stripe library reads it (so the
    one it verified); already verified, so present and numeric."""
    for item in signature_header.split(","):
        parts = item.split("=", 2)
        if parts[0] == "t":
            return int(parts[1])
    raise InvalidWebhook("no timestamp")


def _call(request) -> dict:
    try:
        return request(_client()).to_dict()
    except stripe.StripeError as error:
        raise PaymentProviderError(str(error.user_message or error)) from error
