"""What a payment page says when online payment is switched off (no Stripe keys)."""

from email.utils import parseaddr

from django.conf import settings

from home.models import SiteSettings

from .gateway import is_configured


def payments_context(request) -> dict:
    """`payments_available` and the address people write to when it is not."""
    contact = SiteSettings.for_request(request).contact_email
    return {
        "payments_available": is_configured(),
        "payments_contact_email": contact or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }
