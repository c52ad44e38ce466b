"""django-anymail delivery webhooks update the email log."""

from anymail.signals import tracking
from django.dispatch import receiver

from .models import EmailLog, EmailStatus

ANYMAIL_EVENT_STATUS = {
    "delivered": EmailStatus.DELIVERED,
    "bounced": EmailStatus.BOUNCED,
    "rejected": EmailStatus.REJECTED,
    "failed": EmailStatus.FAILED,
    "complained": EmailStatus.COMPLAINED,
    "opened": EmailStatus.OPENED,
}


@receiver(tracking)
def update_email_log(sender, event, esp_name, **kwargs):
    status = ANYMAIL_EVENT_STATUS.get(event.event_type)
    if status is None or not event.message_id:
        return
    EmailLog.objects.filter(message_id=event.message_id).update(
        status=status, error=(event.description or event.reject_reason or "")[:2000]
    )
