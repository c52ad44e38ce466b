"""The Stripe webhook endpoint (home/payments/webhooks.py) as ticket sales use it:
verification on the raw body, each event once, what each type does."""

import time

import pytest
from django.test import Client

from conference.models import Registration
from conference.tickets.factories import RegistrationFactory
from home.models import ProcessedStripeEvent
from tests.home.payments.fake_stripe import deliver, event, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(in_person, fake_stripe):
    return RegistrationFactory(
        ticket_type=in_person, pending=True, stripe_session_id="cs_test_pending"
    )


def _session(registration, **overrides):
    return {
        "id": registration.stripe_session_id,
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "payment_intent": "pi_test_paid",
        "metadata": {"kind": "registration", "registration": str(registration.reference)},
    } | overrides


def test_bad_signature_is_rejected_and_nothing_written(client, pending):
    response = deliver(
        client, event("checkout.session.completed", _session(pending)), secret="whsec_other"
    )

    assert response.status_code == 400
    assert ProcessedStripeEvent.objects.count() == 0
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING


def test_stale_timestamp_is_rejected(client, pending):
    response = deliver(
        client,
        event("checkout.session.completed", _session(pending)),
        timestamp=int(time.time()) - 600,
    )

    assert response.status_code == 400
    assert ProcessedStripeEvent.objects.count() == 0


def test_missing_signature_is_rejected(client, pending):
    response = client.post("/payments/stripe/webhook/", data="{}", content_type="application/json")

    assert response.status_code == 400


def test_without_keys_every_webhook_is_rejected(client, in_person):
    response = deliver(client, event("checkout.session.completed", {"id": "cs_x"}))

    assert response.status_code == 400
    assert ProcessedStripeEvent.objects.count() == 0


def test_get_is_not_allowed(client, fake_stripe):
    assert client.get("/payments/stripe/webhook/").status_code == 405


def test_paid_session_confirms_and_emails(client, pending, mailoutbox, on_commit):
    with on_commit(execute=True):
        response = deliver(client, event("checkout.session.completed", _session(pending)))

    assert response.json() == {"outcome": "fulfil"}
    pending.refresh_from_db()
    assert pending.status == Registration.Status.CONFIRMED
    assert pending.stripe_payment_intent_id == "pi_test_paid"
    assert [m.to for m in mailoutbox] == [[pending.email]]


def test_replayed_event_changes_nothing(client, pending, mailoutbox, on_commit):
    payload = event("checkout.session.completed", _session(pending))
    with on_commit(execute=True):
        deliver(client, payload)
    pending.refresh_from_db()
    confirmed_at = pending.confirmed_at

    with on_commit(execute=True):
        response = deliver(client, payload)

    assert response.status_code == 200
    assert response.json() == {"outcome": "duplicate"}
    pending.refresh_from_db()
    assert pending.confirmed_at == confirmed_at
    assert len(mailoutbox) == 1
    assert ProcessedStripeEvent.objects.filter(event_id=payload["id"]).count() == 1


def test_unpaid_completion_does_not_confirm_until_async_payment_succeeds(
    client, pending, mailoutbox, on_commit
):
    response = deliver(
        client, event("checkout.session.completed", _session(pending, payment_status="unpaid"))
    )

    assert response.json() == {"outcome": "awaiting_payment"}
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING
    assert mailoutbox == []

    with on_commit(execute=True):
        response = deliver(
            client, event("checkout.session.async_payment_succeeded", _session(pending))
        )

    assert response.json() == {"outcome": "fulfil"}
    pending.refresh_from_db()
    assert pending.status == Registration.Status.CONFIRMED
    assert len(mailoutbox) == 1


def test_expired_session_releases_the_held_place(client, pending):
    response = deliver(
        client,
        event(
            "checkout.session.expired", _session(pending, status="expired", payment_status="unpaid")
        ),
    )

    assert response.json() == {"outcome": "release"}
    pending.refresh_from_db()
    assert pending.status == Registration.Status.EXPIRED
    assert Registration.objects.holding_places().count() == 0


def test_unknown_event_type_is_acknowledged_and_ignored(client, pending):
    response = deliver(client, event("customer.created", {"id": "cus_1", "object": "customer"}))

    assert response.status_code == 200
    assert response.json() == {"outcome": "ignored"}
    assert ProcessedStripeEvent.objects.get().event_type == "customer.created"
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING


def test_a_failing_handler_records_no_event_so_stripe_retries(client, pending, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("conference.tickets.services.fulfil_checkout", broken)
    client.raise_request_exception = False

    response = deliver(client, event("checkout.session.completed", _session(pending)))

    assert response.status_code == 500
    assert ProcessedStripeEvent.objects.count() == 0


def test_webhook_needs_no_csrf_token(pending):

    body, header = signed(event("checkout.session.completed", _session(pending)))
    response = Client(enforce_csrf_checks=True).post(
        "/payments/stripe/webhook/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )

    assert response.json() == {"outcome": "fulfil"}
