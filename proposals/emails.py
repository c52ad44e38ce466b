"""Every email the proposals engine sends goes through this module.

Messages are rendered from :class:`~proposals.models.EmailTemplate` rows staff edit
(per call, kind and language; a row with no call is the default), falling back to the
built-in texts below, in the recipient's language (``home.languages``): the version of a
template in their language, else the English one; the call's title, address, questions
and dates as they read them. Each message is written to
:class:`~proposals.models.EmailLog` with the submission, and rendered and sent by a
background task after the transaction commits: a broken template or a failing email
provider never loses or rolls back a submission.
A failure is written on the log (status "failed", the error) and tried again later,
waiting longer each time (``retry_failed``), up to ``MAX_ATTEMPTS``.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template import Context
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from home.languages import datetime_with_zone, in_language, recipient_language
from home.personal_data import ERASED_EMAIL

from .models import EmailKind, EmailLog, EmailStatus, EmailTemplate
from .models.emails import template_engine
from .selectors import questions_in_language

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A message still queued this long after its last change lost its task: queue it again.
LOST_AFTER = datetime.timedelta(minutes=30)
# Kinds rendered from a submission alone (a retry can always render them again).
SUBMISSION_KINDS = (
    EmailKind.CONFIRMATION,
    EmailKind.ACCEPTED,
    EmailKind.REJECTED,
    EmailKind.WAITLISTED,
)

# Built in, translated through the catalogues like the rest of the interface.
DEFAULT_TEMPLATES = {
    EmailKind.CONFIRMATION: (
        gettext_lazy("We received your submission: {{ title }}"),
        # Worded from what the call sets: a decision date is promised only if it has one.
        format_lazy(
            "{{% if decisions_by %}}{}{{% else %}}{}{{% endif %}}",
            gettext_lazy(
                "Dear {{ applicant_name }},\n\n"
                "Thank you: we received your submission to {{ call_title }}.\n\n"
                "You can read, edit or withdraw it until the call closes ({{ closes_at }}):\n"
                "{{ submission_url }}\n\n"
                "A copy of your answers:\n\n{{ answers }}\n\n"
                "We will let you know the outcome by {{ decisions_by }}.\n"
            ),
            gettext_lazy(
                "Dear {{ applicant_name }},\n\n"
                "Thank you: we received your submission to {{ call_title }}.\n\n"
                "You can read, edit or withdraw it until the call closes ({{ closes_at }}):\n"
                "{{ submission_url }}\n\n"
                "A copy of your answers:\n\n{{ answers }}\n\n"
                "We will email you the outcome once the submissions have been reviewed.\n"
            ),
        ),
    ),
    EmailKind.ACCEPTED: (
        gettext_lazy("Your submission has been accepted: {{ title }}"),
        gettext_lazy(
            "Dear {{ applicant_name }},\n\n"
            'We are delighted to tell you that your submission "{{ title }}" to '
            "{{ call_title }} has been accepted.\n\n"
            "We will be in touch with next steps. Your submission: {{ submission_url }}\n"
        ),
    ),
    EmailKind.REJECTED: (
        gettext_lazy("About your submission: {{ title }}"),
        gettext_lazy(
            "Dear {{ applicant_name }},\n\n"
            'Thank you for your submission "{{ title }}" to {{ call_title }}. We received '
            "many more strong submissions than we have room for and, I am sorry to say, we "
            "are not able to accept yours.\n\n"
            "We hope you will apply again.\n"
        ),
    ),
    EmailKind.WAITLISTED: (
        gettext_lazy("Your submission is on our waiting list: {{ title }}"),
        gettext_lazy(
            "Dear {{ applicant_name }},\n\n"
            'Thank you for your submission "{{ title }}" to {{ call_title }}. We cannot '
            "offer it a place yet, but it is on our waiting list and we will write again if "
            "a place opens up.\n"
        ),
    ),
    EmailKind.REVIEW_REMINDER: (
        gettext_lazy("Reminder: {{ pending_count }} review(s) to finish for {{ call_title }}"),
        gettext_lazy(
            "Dear {{ reviewer_name }},\n\n"
            "You have {{ pending_count }} review(s) still to finish for {{ call_title }}. "
            "Your queue: {{ queue_url }}\n\nThank you!\n"
        ),
    ),
}


def get_template(*, call_id, kind, language=None):
    """(subject, body) staff wrote for this kind: for this call, else the default for
    every call; in ``language`` (default: the active one), else in the site's default
    language; else the built-in text, translated."""
    language = language or translation.get_language()
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    rows = {
        (row.call_id, row.locale.language_code): row
        for row in EmailTemplate.objects.filter(
            Q(call_id=call_id) | Q(call__isnull=True),
            kind=kind,
            locale__language_code__in={language, default_language},
        ).select_related("locale")
    }
    for key in (
        (call_id, language),
        (call_id, default_language),
        (None, language),
        (None, default_language),
    ):
        if key in rows:
            return rows[key].subject, rows[key].body
    with in_language(language):
        subject, body = DEFAULT_TEMPLATES[kind]
        return str(subject), str(body)


def render(*, subject, body, context):
    ctx = Context(context, autoescape=False)
    rendered_subject = " ".join(template_engine.from_string(subject).render(ctx).split())
    return rendered_subject, template_engine.from_string(body).render(ctx)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _in_active_language(page):
    """The live version of ``page`` in the active language (its translation), else it."""
    return page.localized.specific if page is not None else None


def greeting_name(submission):
    """Who an email to the applicant greets: the name given on the submission, else the
    account's (asked at sign-up), else a plain "applicant", never an email address."""
    applicant = submission.applicant
    return (
        submission.applicant_name
        or (applicant.get_full_name() if applicant else "")
        or _("applicant")
    )


def submission_context(submission):
    """What a submission's email may say, in the active language: the call's title and
    address in it, the questions (and chosen options) as translated, the dates in its
    words, in the call's time zone."""
    call = submission.call.specific
    shown = _in_active_language(call)
    questions = questions_in_language(call=call, language=translation.get_language())
    answer_lines = []
    for row in submission.answer_rows(questions=questions):
        value = row["value"]
        if row["file"] is not None:
            value = row["file"].original_name
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        answer_lines.append(f"{row['label']}:\n{value if value not in (None, '') else '-'}\n")
    for label, value in call.summary_rows(submission):
        answer_lines.append(f"{label}:\n{value}\n")
    return {
        "applicant_name": greeting_name(submission),
        "title": submission.title,
        "call_title": shown.admin_display_title,
        "call_url": _absolute(shown.url or ""),
        "submission_url": _absolute(submission.get_absolute_url()),
        "closes_at": datetime_with_zone(call.closes_at_local),
        # Empty when the call gives no date: templates word the reply from what is set.
        "decisions_by": datetime_with_zone(call.decisions_by_local) or "",
        "answers": "\n".join(answer_lines),
    }


def recipient_for(submission):
    if submission.applicant_id and submission.applicant.email:
        return submission.applicant.email
    return submission.applicant_email


def queue(
    *,
    kind,
    to,
    submission=None,
    recipient_user=None,
    subject="",
    body="",
    context=None,
    language=None,
):
    """Log a message now (in the caller's transaction); render and send it in the
    background once that commits. Without ``subject`` and ``body`` the task renders it
    (see ``render_log``; ``context`` carries what the log cannot, JSON only) in
    ``language``: by default the recipient's (home.languages.recipient_language), for
    someone without a preference the language they applied in. Returns the log."""
    log = EmailLog.objects.create(
        kind=kind,
        to=to,
        language=language
        or recipient_language(
            user=recipient_user,
            email=to,
            fallback=submission.language if submission is not None else None,
        ),
        subject=subject,
        body=body,
        submission=submission,
        recipient_user=recipient_user,
    )
    # robust: a queue that cannot take the task now must not fail the committed request;
    # the message stays queued and retry_failed picks it up.
    transaction.on_commit(
        lambda: send_logged_email.enqueue(log.pk, attempt=1, context=context or {}),
        robust=True,
    )
    return log


def queue_submission_email(*, submission, kind):
    """Queue one of the SUBMISSION_KINDS; it is rendered after the submission commits."""
    return queue(
        kind=kind,
        to=recipient_for(submission),
        submission=submission,
        recipient_user=submission.applicant,
    )


def preview_submission_email(*, submission, kind):
    """(subject, body) as it would be sent now, in the applicant's language; a template
    that cannot be rendered is previewed as its error, never raised."""
    language = recipient_language(
        user=submission.applicant, email=recipient_for(submission), fallback=submission.language
    )
    try:
        with in_language(language):
            subject, body = get_template(call_id=submission.call_id, kind=kind)
            return render(subject=subject, body=body, context=submission_context(submission))
    except Exception as error:  # staff see why, the page still works
        return _("This template cannot be used"), str(error)


def queue_review_reminder(*, call, reviewer, pending_count):
    return queue(
        kind=EmailKind.REVIEW_REMINDER,
        to=reviewer.email,
        recipient_user=reviewer,
        context={"call_id": call.pk, "pending_count": pending_count},
    )


# --- Rendering and sending, in the background ------------------------------------


class CannotRender(Exception):
    """What the message needs is gone (or was never logged): trying again will not help."""


def _review_reminder_context(*, log, context):
    call = Page.objects.filter(pk=context.get("call_id")).first()
    if call is None or log.recipient_user is None:
        raise CannotRender(_("The call or the reviewer no longer exists."))
    reviewer = log.recipient_user
    return call.pk, {
        "reviewer_name": reviewer.get_full_name() or reviewer.email,
        "pending_count": context.get("pending_count", 0),
        "call_title": _in_active_language(call).admin_display_title,
        "queue_url": _absolute(reverse("proposals_admin:queue")),
    }


def render_log(*, log, context=None):
    """(subject, body) of a logged message that was queued unrendered, in its language."""
    with in_language(log.language):
        return _render_log(log=log, context=context or {})


def _render_log(*, log, context):
    if log.kind in SUBMISSION_KINDS:
        submission = log.submission
        if submission is None or submission.anonymised_at is not None:
            raise CannotRender(_("Its submission has been deleted or anonymised."))
        call_id, values = submission.call_id, submission_context(submission)
    elif log.kind == EmailKind.REVIEW_REMINDER and context:
        call_id, values = _review_reminder_context(log=log, context=context)
    else:
        raise CannotRender(
            _("This message cannot be written again. Send it again from where it started.")
        )
    subject, body = get_template(call_id=call_id, kind=log.kind)
    return render(subject=subject, body=body, context=values)


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
    if cache.add(f"proposals:email-retry:{run_after:%Y%m%d%H%M}", 1, timeout=24 * 3600):
        retry_failed_emails.using(run_after=run_after).enqueue()


def _failed(log, error, *, now, final=False):
    attempts = MAX_ATTEMPTS if final else log.attempts
    logger.warning("Email %s to %s failed (attempt %s): %s", log.pk, log.to, log.attempts, error)
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.FAILED, error=str(error)[:2000], attempts=attempts, updated_at=now
    )
    if attempts < MAX_ATTEMPTS:
        _schedule_retry(after=now + retry_delay(attempts))


def deliver(*, log_id, attempt=None, context=None):
    """Render (if it was queued unrendered) and send one logged message. Any failure is
    written on the log and retried later; nothing is raised. ``attempt`` is the attempt
    this call was queued for: a duplicate of an attempt already made does nothing."""
    log = EmailLog.objects.select_related("submission", "recipient_user").filter(pk=log_id).first()
    if log is None or log.status not in (EmailStatus.QUEUED, EmailStatus.FAILED):
        return
    if log.to == ERASED_EMAIL or log.attempts >= MAX_ATTEMPTS:
        return
    if attempt is not None and attempt != log.attempts + 1:
        return
    now = timezone.now()
    claimed = EmailLog.objects.filter(
        pk=log.pk, attempts=log.attempts, status__in=(EmailStatus.QUEUED, EmailStatus.FAILED)
    ).update(attempts=F("attempts") + 1, updated_at=now)
    if not claimed:  # another worker took this attempt
        return
    log.attempts += 1
    if not (log.subject or log.body):
        try:
            subject, log.body = render_log(log=log, context=context)
        except CannotRender as error:
            _failed(log, error, now=now, final=True)
            return
        except Exception as error:  # a broken template is logged, never raised
            _failed(
                log, _("The template could not be rendered: %(error)s") % {"error": error}, now=now
            )
            return
        log.subject = subject[: EmailLog._meta.get_field("subject").max_length]
        EmailLog.objects.filter(pk=log.pk).update(subject=log.subject, body=log.body)
    message = EmailMessage(subject=log.subject, body=log.body, to=[log.to])
    try:
        message.send()
    except Exception as error:  # any provider failure is logged, never raised
        _failed(log, error, now=now)
        return
    anymail_status = getattr(message, "anymail_status", None)
    message_id = (getattr(anymail_status, "message_id", None) or "") if anymail_status else ""
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.SENT, message_id=str(message_id), error="", updated_at=timezone.now()
    )


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
def send_logged_email(log_id: int, attempt: int | None = None, context: dict | None = None) -> None:
    """Render (if need be) and send one logged email; failures are logged and retried."""
    deliver(log_id=log_id, attempt=attempt, context=context)


@task()
def retry_failed_emails() -> int:
    """Queue again the failed emails whose wait is over; schedules itself while any wait."""
    return retry_failed()
