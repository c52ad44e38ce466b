"""Queue, render, send and retry: the one path every email of the site takes.

``queue`` writes the message to the log in the caller's transaction; a background task
renders (``registry``: the kind's ``render``, in the log's language) and sends it once
that commits. A failure is written on the log (status "failed", the error) and tried
again later, waiting longer each time (``retry_failed``), up to ``MAX_ATTEMPTS``.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from home.languages import in_language, recipient_language
from home.models import EmailLog, EmailStatus, EmailTemplate
from home.personal_data import ERASED_EMAIL

from . import registry, templates

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A message still queued this long after its last change lost its task: queue it again.
LOST_AFTER = datetime.timedelta(minutes=30)


def absolute(path):
    """``path`` on this site, as a link in an email."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(
    *,
    kind,
    to,
    about=None,
    page=None,
    recipient_user=None,
    subject="",
    body="",
    context=None,
    language=None,
    fallback_language=None,
    once=False,
):
    """Log a message now (in the caller's transaction); render and send it in the
    background once that commits. Returns the log.

    ``about`` is what it is about (a submission, a registration), ``page`` the page that
    belongs to (its call, its conference): they decide who may read it in the log. A kind
    registered with ``render`` is written from them and ``context`` (JSON) when it is
    sent; any other is queued with its ``subject`` and ``body``. It goes out in
    ``language``: by default the recipient's (home.languages.recipient_language), for
    someone with no preference ``fallback_language`` (the one they were using).
    With ``once``, a message of this kind about ``about`` is queued only once: a replayed
    payment webhook does not send a second receipt."""
    if once and about is not None:
        earlier = EmailLog.objects.about(about).filter(kind=kind).first()
        if earlier is not None:
            return earlier
    log = EmailLog.objects.create(
        kind=kind,
        to=to,
        about=about,
        page=page,
        recipient_user=recipient_user,
        language=language
        or recipient_language(user=recipient_user, email=to, fallback=fallback_language),
        subject=subject,
        body=body,
        context=context or {},
    )
    # robust: a queue that cannot take the task now must not fail the committed request;
    # the message stays queued and retry_failed picks it up.
    transaction.on_commit(lambda: send_logged_email.enqueue(log.pk, attempt=1), robust=True)
    return log


def written_by_staff(log, *, values):
    """(subject, body) of the text staff wrote for this message (the site's default; a
    call's own are read by the engine) in its language, filled in with ``values``; None if
    they wrote none, and the message's built-in text is used."""
    written = EmailTemplate.objects.text_for(kind=log.kind, language=log.language)
    if written is None:
        return None
    return templates.render(subject=written[0], body=written[1], context=values)


def render(log):
    """The Message ``log`` stands for, in its language: written by its kind's ``render``,
    else the subject and body it was queued with."""
    spec = registry.kind(log.kind)
    if spec.render is None:
        if not (log.subject or log.body):
            raise registry.CannotRender(
                _("This message cannot be written again. Send it again from where it started.")
            )
        return registry.Message(log.subject, log.body)
    with in_language(log.language):
        return spec.render(log)


def retry_delay(attempts):
    """How long after its ``attempts``-th failed attempt a message is tried again."""
    # settings.EMAIL_FIRST_RETRY_SECONDS (5 minutes), doubling: 5, 10, 20, 40, 80 min.
    first = datetime.timedelta(seconds=settings.EMAIL_FIRST_RETRY_SECONDS)
    return first * 2 ** max(0, attempts - 1)


def _schedule_retry(*, after):
    """Ask the task queue to run retry_failed once ``after`` has passed (one request per
    minute is enough, however many messages failed). A backend that cannot run tasks
    later (the immediate one) relies on ``manage.py retry_failed_emails`` instead."""
    if not retry_failed_emails.get_backend().supports_defer:
        return
    run_after = (after + datetime.timedelta(minutes=1)).replace(second=0, microsecond=0)
    if cache.add(f"mail:retry:{run_after:%Y%m%d%H%M}", 1, timeout=24 * 3600):
        retry_failed_emails.using(run_after=run_after).enqueue()


def _failed(log, error, *, now, final=False):
    attempts = MAX_ATTEMPTS if final else log.attempts
    logger.warning("Email %s to %s failed (attempt %s): %s", log.pk, log.to, log.attempts, error)
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.FAILED, error=str(error)[:2000], attempts=attempts, updated_at=now
    )
    if attempts < MAX_ATTEMPTS:
        _schedule_retry(after=now + retry_delay(attempts))


def _claim(log_id, attempt):
    """The log, if this call may make attempt ``attempt`` (None: the next one) at sending
    it; None if it has gone, given up, or another worker took this attempt."""
    log = EmailLog.objects.select_related("recipient_user").filter(pk=log_id).first()
    if log is None or log.status not in (EmailStatus.QUEUED, EmailStatus.FAILED):
        return None
    if log.to == ERASED_EMAIL or log.attempts >= MAX_ATTEMPTS:
        return None
    if attempt is not None and attempt != log.attempts + 1:
        return None
    claimed = EmailLog.objects.filter(
        pk=log.pk, attempts=log.attempts, status__in=(EmailStatus.QUEUED, EmailStatus.FAILED)
    ).update(attempts=F("attempts") + 1, updated_at=timezone.now())
    if not claimed:
        return None
    log.attempts += 1
    return log


def deliver(*, log_id, attempt=None):
    """Render and send one logged message. Any failure is written on the log and retried
    later; nothing is raised. ``attempt`` is the attempt this call was queued for: a
    duplicate of an attempt already made does nothing."""
    log = _claim(log_id, attempt)
    if log is None:
        return
    now = timezone.now()
    try:
        message = render(log)
    except registry.CannotRender as error:
        _failed(log, error, now=now, final=True)
        return
    except Exception as error:  # a broken template is logged, never raised
        _failed(log, _("The template could not be rendered: %(error)s") % {"error": error}, now=now)
        return
    log.subject = " ".join(message.subject.split())[
        : EmailLog._meta.get_field("subject").max_length
    ]
    log.body = message.body
    EmailLog.objects.filter(pk=log.pk).update(subject=log.subject, body=log.body)
    email = EmailMessage(subject=log.subject, body=log.body, to=[log.to])
    for attachment in message.attachments:
        email.attach(*attachment)
    try:
        email.send()
    except Exception as error:  # any provider failure is logged, never raised
        _failed(log, error, now=now)
        return
    anymail_status = getattr(email, "anymail_status", None)
    message_id = (getattr(anymail_status, "message_id", None) or "") if anymail_status else ""
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.SENT, message_id=str(message_id), error="", updated_at=timezone.now()
    )
    sent = registry.kind(log.kind).sent
    if sent is not None:
        try:
            sent(log)
        except Exception:  # the message went; what records it must not send it twice
            logger.exception("Recording that email %s was sent failed", log.pk)


def retry_failed(*, now=None):
    """Queue again every failed message whose wait is over (``retry_delay``, up to
    ``MAX_ATTEMPTS``) and every queued one whose task was lost. Returns how many."""
    now = now or timezone.now()
    due = Q(status=EmailStatus.QUEUED, updated_at__lte=now - LOST_AFTER)
    for attempts in range(1, MAX_ATTEMPTS):
        due |= Q(
            status=EmailStatus.FAILED,
            attempts=attempts,
            updated_at__lte=now - retry_delay(attempts),
        )
    logs = list(EmailLog.objects.filter(due).exclude(to=ERASED_EMAIL).values_list("pk", "attempts"))
    for log_id, attempts in logs:
        send_logged_email.enqueue(log_id, attempt=attempts + 1)
    waiting = (
        EmailLog.objects.filter(status=EmailStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        .exclude(to=ERASED_EMAIL)
        .exclude(pk__in=[pk for pk, _attempts in logs])
        .order_by("updated_at")
        .values_list("updated_at", "attempts")
        .first()
    )
    if waiting is not None:  # keep going until every message has gone or given up
        _schedule_retry(after=waiting[0] + retry_delay(waiting[1]))
    return len(logs)


# --- Background tasks: they take ids, never objects -------------------------------


@task()
def send_logged_email(log_id: int, attempt: int | None = None) -> None:
    """Render and send one logged email; failures are logged and retried."""
    deliver(log_id=log_id, attempt=attempt)


@task()
def retry_failed_emails() -> int:
    """Queue again the failed emails whose wait is over; schedules itself while any wait."""
    return retry_failed()
