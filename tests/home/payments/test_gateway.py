"""The Stripe gateway, with the real stripe library and only its HTTP layer faked."""

import json
import time
from datetime import UTC, datetime

import pytest

from home import payments

from .fake_stripe import event, signed


def _session(**overrides):
    kwargs = {
        "line_items": [
            payments.LineItem(name="TICTeC 2025: In person", amount_minor=25000, currency="GBP")
        ],
        "success_url": "https://example.org/done",
        "cancel_url": "https://example.org/tickets",
        "idempotency_key": "registration-abc",
        "customer_email": "ana@example.org",
        "metadata": {"kind": "registration", "registration": "abc"},
        "expires_at": datetime(2025, 3, 1, 12, 30, tzinfo=UTC),
    }
    return payments.create_checkout_session(**(kwargs | overrides))


def test_not_configured_without_keys(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""

    assert payments.is_configured() is False
    with pytest.raises(payments.PaymentsNotConfigured):
        _session()


def test_checkout_session_in_payment_mode_with_inline_price(fake_stripe):
    session = _session()

    [request] = fake_stripe.posts_to("/v1/checkout/sessions")
    assert request["key"] == "registration-abc"
    params = request["params"]
    assert params["mode"] == "payment"
    assert params["line_items[0][price_data][unit_amount]"] == "25000"
    assert params["line_items[0][price_data][currency]"] == "gbp"
    assert params["line_items[0][price_data][product_data][name]"] == "TICTeC 2025: In person"
    assert "line_items[0][price_data][recurring][interval]" not in params
    assert params["metadata[kind]"] == "registration"
    assert params["payment_intent_data[metadata][registration]"] == "abc"
    assert params["expires_at"] == str(int(datetime(2025, 3, 1, 12, 30, tzinfo=UTC).timestamp()))
    assert session.id.startswith("cs_test_")
    assert session.url == f"https://checkout.stripe.com/c/pay/{session.id}"


def test_monthly_item_makes_a_subscription_session(fake_stripe):
    _session(
        line_items=[
            payments.LineItem(
                name="Monthly gift", amount_minor=1000, currency="GBP", interval="month"
            )
        ],
        idempotency_key="donation-1",
    )

    params = fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    assert params["mode"] == "subscription"
    assert params["line_items[0][price_data][recurring][interval]"] == "month"
    assert params["subscription_data[metadata][kind]"] == "registration"


def test_retried_write_with_same_key_returns_the_first_result(fake_stripe):
    first = _session()
    again = _session()

    assert again.id == first.id
    assert len(fake_stripe.sessions) == 1


def test_refund_is_idempotent_per_key(fake_stripe):
    first = payments.refund_payment(
        payment_intent_id="pi_1", idempotency_key="refund-registration-x"
    )
    second = payments.refund_payment(
        payment_intent_id="pi_1", idempotency_key="refund-registration-x"
    )

    assert first == second
    assert len(fake_stripe.refunds) == 1
    assert fake_stripe.refunds[0]["payment_intent"] == "pi_1"


def test_expire_session(fake_stripe):
    session = _session()

    expired = payments.expire_checkout_session(session_id=session.id)

    assert expired.status == "expired"
    assert fake_stripe.posts_to(f"/v1/checkout/sessions/{session.id}/expire")[0]["key"] == (
        f"expire-{session.id}"
    )


def test_unreachable_stripe_raises_provider_error(fake_stripe):
    fake_stripe.unreachable = True

    with pytest.raises(payments.PaymentProviderError):
        _session()


def test_verify_webhook_accepts_a_correctly_signed_event(fake_stripe):
    payload = event("checkout.session.completed", {"id": "cs_1", "object": "checkout.session"})
    body, header = signed(payload)

    verified = payments.verify_webhook(payload=body.encode(), signature_header=header)

    assert verified == json.loads(body)


@pytest.mark.parametrize(
    "sign_kwargs",
    [{"secret": "whsec_wrong"}, {"timestamp": int(time.time()) - 3600}],
    ids=["wrong-secret", "stale-timestamp"],
)
def test_verify_webhook_rejects_bad_signature_or_stale_timestamp(fake_stripe, sign_kwargs):
    body, header = signed(event("checkout.session.completed", {"id": "cs_1"}), **sign_kwargs)

    with pytest.raises(payments.InvalidWebhook):
        payments.verify_webhook(payload=body.encode(), signature_header=header)


def test_verify_webhook_rejects_a_tampered_body(fake_stripe):
    body, header = signed(event("checkout.session.completed", {"id": "cs_1"}))

    with pytest.raises(payments.InvalidWebhook):
        payments.verify_webhook(
            payload=body.replace("cs_1", "cs_2").encode(), signature_header=header
        )
