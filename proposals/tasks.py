"""Background tasks: they take ids, never objects."""

import logging

from django.core.mail import EmailMessage
from django.db.models import F
from django_tasks import task

from .models import EmailLog, EmailStatus

logger = logging.getLogger(__name__)


@task()
def send_logged_email(log_id: int) -> None:
    log = EmailLog.objects.filter(pk=log_id).first()
    if log is None or log.status not in (EmailStatus.QUEUED, EmailStatus.FAILED):
        return
    message = EmailMessage(subject=log.subject, body=log.body, to=[log.to])
    EmailLog.objects.filter(pk=log.pk).update(attempts=F("attempts") + 1)
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any provider failure is logged, never raised
        logger.warning("Email %s to %s failed: %s", log.pk, log.to, error)
        EmailLog.objects.filter(pk=log.pk).update(
            status=EmailStatus.FAILED, error=str(error)[:2000]
        )
        return
    anymail_status = getattr(message, "anymail_status", None)
    message_id = (getattr(anymail_status, "message_id", None) or "") if anymail_status else ""
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.SENT, message_id=str(message_id), error=""
    )
