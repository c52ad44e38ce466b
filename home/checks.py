"""System checks run by `manage.py check --deploy` before the site goes live."""

from django.conf import settings
from django.core import checks

from .email_webhooks import webhook_secret


@checks.register(checks.Tags.security, "email", deploy=True)
def email_webhook_secret_check(app_configs, **kwargs):
    """With an email provider configured, its delivery webhook must be authenticated."""
    if getattr(settings, "ANYMAIL_ESP", "") and not webhook_secret():
        return [
            checks.Error(
                "ANYMAIL_ESP is set but ANYMAIL_WEBHOOK_SECRET is not: the delivery-status "
                "webhook would be unauthenticated, so it is switched off.",
                hint="Set ANYMAIL_WEBHOOK_SECRET to a random 'user:password' and give the "
                "same credentials to the provider's webhook URL.",
                id="home.E001",
            )
        ]
    return []
