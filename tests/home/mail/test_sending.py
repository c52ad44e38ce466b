"""The one way the site sends email (home/mail/sending.py): a message is logged in the
caller's transaction and sent after it commits; a failure is logged and retried, waiting
longer each time, up to the last attempt; a duplicate task sends nothing twice; a message
whose task was lost is found again; an erased person's message is never retried."""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from home.factories import EmailLogFactory
from home.mail import sending
from home.models import EmailLog, EmailStatus

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.home.mail.test_sending.ProviderDown"


class ProviderDown(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")


def later(log, minutes):
    """As if ``minutes`` had passed since the log last changed."""
    return EmailLog.objects.get(pk=log.pk).updated_at + datetime.timedelta(minutes=minutes)


def test_the_retry_command_sends_what_failed(call, applicant):
    log = EmailLogFactory(
        to="amani@example.org",
        status=EmailStatus.FAILED,
        attempts=1,
        error="SMTP server unreachable",
    )
    EmailLog.objects.filter(pk=log.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=6)
    )

    call_command("retry_failed_emails", stdout=open("/dev/null", "w"))

    log.refresh_from_db()
    assert log.status == EmailStatus.SENT
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["amani@example.org"], "We received your submission")
    ]


def test_retries_stop_after_the_last_attempt():
    log = EmailLogFactory(status=EmailStatus.FAILED, attempts=sending.MAX_ATTEMPTS, error="down")

    assert sending.retry_failed(now=later(log, minutes=60 * 24 * 7)) == 0
    sending.deliver(log_id=log.pk)

    log.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.FAILED, sending.MAX_ATTEMPTS)
    assert mail.outbox == []


def test_a_duplicate_task_for_an_attempt_already_made_sends_nothing():
    log = EmailLogFactory()

    sending.deliver(log_id=log.pk, attempt=1)
    sending.deliver(log_id=log.pk, attempt=1)

    log.refresh_from_db()
    assert (log.status, log.attempts, len(mail.outbox)) == (EmailStatus.SENT, 1, 1)


def test_a_queued_email_whose_task_was_lost_is_sent_by_the_retry():
    log = EmailLogFactory()  # queued, never attempted
    assert sending.retry_failed(now=later(log, minutes=29)) == 0

    assert sending.retry_failed(now=later(log, minutes=30)) == 1

    log.refresh_from_db()
    assert log.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


def test_an_erased_applicants_failed_email_is_never_retried():
    log = EmailLogFactory(to="erased@invalid", subject="", body="", status=EmailStatus.FAILED)
    log.attempts = 1
    log.save()

    assert sending.retry_failed(now=later(log, minutes=60)) == 0
    assert mail.outbox == []


DEFERRING_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_a_failure_asks_the_task_queue_to_retry_after_the_wait():
    log = EmailLogFactory()

    with override_settings(EMAIL_BACKEND=FAILING_BACKEND, TASKS=DEFERRING_TASKS):
        sending.deliver(log_id=log.pk, attempt=1)
        queued = list(default_task_backend.results)

    log.refresh_from_db()
    assert [r.task.name for r in queued] == ["retry_failed_emails"]
    wait = queued[0].task.run_after - log.updated_at
    assert datetime.timedelta(minutes=5) <= wait <= datetime.timedelta(minutes=6)
