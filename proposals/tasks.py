"""Background tasks: they take ids, never objects. The work is in proposals.emails."""

from django_tasks import task

from . import emails


@task()
def send_logged_email(log_id: int, attempt: int | None = None, context: dict | None = None) -> None:
    """Render (if need be) and send one logged email; failures are logged and retried."""
    emails.deliver(log_id=log_id, attempt=attempt, context=context)


@task()
def retry_failed_emails() -> int:
    """Queue again the failed emails whose wait is over; schedules itself while any wait."""
    return emails.retry_failed()
