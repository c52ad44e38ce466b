"""django-anymail's delivery events (home/email_webhooks.py) update the email log."""

import hashlib

from anymail.signals import tracking
from django.core.cache import cache
from django.dispatch import receiver

from home.models import EmailLog, EmailStatus

ANYMAIL_EVENT_STATUS = {
    "delivered": EmailStatus.DELIVERED,
    "bounced": EmailStatus.BOUNCED,
    "rejected": EmailStatus.REJECTED,
    "failed": EmailStatus.FAILED,
    "complained": EmailStatus.COMPLAINED,
    "opened": EmailStatus.OPENED,
}
# Providers retry and replay webhooks for days; remember an event for longer than that.
SEEN_EVENT_TIMEOUT = 60 * 60 * 24 * 30


def _event_key(*, esp_name, event):
    """The same for every delivery of one event: the provider's event id or, for events
    without one (Postmark's deliveries and opens), what makes the event itself."""
    identity = event.event_id or "|".join(
        str(part) for part in (event.event_type, event.message_id, event.recipient, event.timestamp)
    )
    return "anymail-event:" + hashlib.sha256(f"{esp_name}|{identity}".encode()).hexdigest()


@receiver(tracking)
def update_email_log(sender, event, esp_name, **kwargs):
    status = ANYMAIL_EVENT_STATUS.get(event.event_type)
    if status is None or not event.message_id:
        return
    # A replayed event is applied once, so it cannot undo a later status.
    key = _event_key(esp_name=esp_name, event=event)
    if not cache.add(key, 1, timeout=SEEN_EVENT_TIMEOUT):
        return
    try:
        EmailLog.objects.filter(message_id=event.message_id).update(
            status=status, error=(event.description or event.reject_reason or "")[:2000]
        )
    except Exception:
        cache.delete(key)  # not applied: the provider's retry must be
        raise
