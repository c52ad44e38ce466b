"""Stripe webhooks: verify, record the event id, and hand Checkout sessions to their app.

Which app fulfils a Checkout session is named in the session's `metadata["kind"]` and looked
up in settings.STRIPE_CHECKOUT_HANDLERS (kind -> module with `fulfil_checkout(*, session)`
and `release_checkout(*, session)`), so home imports no other app.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.models import ProcessedStripeEvent

from .gateway import InvalidWebhook, PaymentsNotConfigured, verify_webhook

logger = logging.getLogger(__name__)

PAID_STATUSES = {"paid", "no_payment_required"}
RELEASE_EVENTS = {"checkout.session.expired", "checkout.session.async_payment_failed"}


def process_event(event: dict) -> str:
    """Handle one verified event exactly once; returns what was done, for the log and tests."""
    with transaction.atomic():
        record, created = ProcessedStripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"event_type": event["type"]}
        )
        if not created:
            return "duplicate"
        record.outcome = _dispatch(event)
        record.save(update_fields=["outcome"])
    return record.outcome


def _action_for(event: dict) -> str | None:
    session = event["data"]["object"]
    match event["type"]:
        case "checkout.session.completed":
            # Bank debits and vouchers complete unpaid; async_payment_succeeded follows.
            return (
                "fulfil" if session.get("payment_status") in PAID_STATUSES else "awaiting_payment"
            )
        case "checkout.session.async_payment_succeeded":
            return "fulfil"
        case kind if kind in RELEASE_EVENTS:
            return "release"
    return None


def _dispatch(event: dict) -> str:
    action = _action_for(event)
    if action is None:
        return "ignored"
    session = event["data"]["object"]
    kind = (session.get("metadata") or {}).get("kind", "")
    handler_module = settings.STRIPE_CHECKOUT_HANDLERS.get(kind)
    if handler_module is None:
        logger.warning("Stripe session %s has no handler for kind %r", session.get("id"), kind)
        return "ignored"
    if action == "awaiting_payment":
        return action
    getattr(import_module(handler_module), f"{action}_checkout")(session=session)
    return action


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = verify_webhook(
            payload=request.body, signature_header=request.headers.get("Stripe-Signature")
        )
    except (InvalidWebhook, PaymentsNotConfigured) as error:
        logger.warning("Rejected Stripe webhook: %s", error)
        return HttpResponse(status=400)
    outcome = process_event(event)
    logger.info("Stripe event %s (%s): %s", event["id"], event["type"], outcome)
    return JsonResponse({"outcome": outcome})
