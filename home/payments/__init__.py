"""Online payment through Stripe Checkout: the gateway (gateway.py) and webhooks (webhooks.py)."""

from .gateway import (
    CheckoutSession,
    InvalidWebhook,
    LineItem,
    PaymentProviderError,
    PaymentsNotConfigured,
    Refund,
    create_checkout_session,
    expire_checkout_session,
    is_configured,
    refund_payment,
    use_http_client,
    verify_webhook,
)

__all__ = [
    "CheckoutSession",
    "InvalidWebhook",
    "LineItem",
    "PaymentProviderError",
    "PaymentsNotConfigured",
    "Refund",
    "create_checkout_session",
    "expire_checkout_session",
    "is_configured",
    "refund_payment",
    "use_http_client",
    "verify_webhook",
]
