"""Every email the proposals engine sends goes through this module.

Messages are rendered from :class:`~proposals.models.EmailTemplate` rows staff edit
(per call and kind; a row with no call is the default), falling back to the built-in
texts below. Each message is written to :class:`~proposals.models.EmailLog` first and
sent by a background task after the surrounding transaction commits, so a failing
email provider never loses or rolls back a submission.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import Context, Engine
from django.utils import formats

from .models import EmailKind, EmailLog, EmailTemplate

# A template engine with no loaders and no extra tag libraries: staff-written
# templates can use variables and basic tags, not reach files or settings.
_ENGINE = Engine(
    autoescape=False,
    libraries={},
    builtins=["django.template.defaulttags", "django.template.defaultfilters"],
)

DEFAULT_TEMPLATES = {
    EmailKind.CONFIRMATION: (
        "We received your submission: {{ title }}",
        "Dear {{ applicant_name }},\n\n"
        "Thank you: we received your submission to {{ call_title }}.\n\n"
        "You can read, edit or withdraw it until the call closes ({{ closes_at }}):\n"
        "{{ submission_url }}\n\n"
        "A copy of your answers:\n\n{{ answers }}\n\n"
        "We will let you know the outcome by {{ decisions_by }}.\n",
    ),
    EmailKind.ACCEPTED: (
        "Your submission has been accepted: {{ title }}",
        "Dear {{ applicant_name }},\n\n"
        'We are delighted to tell you that your submission "{{ title }}" to {{ call_title }} '
        "has been accepted.\n\nWe will be in touch with next steps. Your submission: {{ submission_url }}\n",
    ),
    EmailKind.REJECTED: (
        "About your submission: {{ title }}",
        "Dear {{ applicant_name }},\n\n"
        'Thank you for your submission "{{ title }}" to {{ call_title }}. We received many more strong '
        "submissions than we have room for and, I am sorry to say, we are not able to accept yours.\n\n"
        "We hope you will apply again.\n",
    ),
    EmailKind.WAITLISTED: (
        "Your submission is on our waiting list: {{ title }}",
        "Dear {{ applicant_name }},\n\n"
        'Thank you for your submission "{{ title }}" to {{ call_title }}. We cannot offer it a place yet, '
        "but it is on our waiting list and we will write again if a place opens up.\n",
    ),
    EmailKind.REVIEW_REMINDER: (
        "Reminder: {{ pending_count }} review(s) to finish for {{ call_title }}",
        "Dear {{ reviewer_name }},\n\n"
        "You have {{ pending_count }} review(s) still to finish for {{ call_title }}. "
        "Your queue: {{ queue_url }}\n\nThank you!\n",
    ),
}


def get_template(*, call_id, kind):
    """The staff template for this call and kind, else the default one, else built in."""
    rows = {
        row.call_id: row
        for row in EmailTemplate.objects.filter(
            Q(call_id=call_id) | Q(call__isnull=True), kind=kind
        )
    }
    row = rows.get(call_id) or rows.get(None)
    if row is not None:
        return row.subject, row.body
    return DEFAULT_TEMPLATES[kind]


def render(*, subject, body, context):
    ctx = Context(context, autoescape=False)
    rendered_subject = " ".join(_ENGINE.from_string(subject).render(ctx).split())
    return rendered_subject, _ENGINE.from_string(body).render(ctx)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _when(value):
    return formats.date_format(value, "j F Y, H:i T") if value else ""


def submission_context(submission):
    call = submission.call.specific
    answer_lines = []
    for row in submission.answer_rows():
        value = row["value"]
        if row["file"] is not None:
            value = row["file"].original_name
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        answer_lines.append(f"{row['label']}:\n{value if value not in (None, '') else '-'}\n")
    for label, value in call.summary_rows(submission):
        answer_lines.append(f"{label}:\n{value}\n")
    applicant = submission.applicant
    return {
        "applicant_name": submission.applicant_name
        or (applicant.get_full_name() if applicant else "")
        or (applicant.email if applicant else ""),
        "title": submission.title,
        "call_title": call.title,
        "call_url": _absolute(call.url or ""),
        "submission_url": _absolute(submission.get_absolute_url()),
        "closes_at": _when(call.closes_at_local),
        "decisions_by": _when(call.decisions_by_local) or "the date given on the call page",
        "answers": "\n".join(answer_lines),
    }


def recipient_for(submission):
    if submission.applicant_id and submission.applicant.email:
        return submission.applicant.email
    return submission.applicant_email


def queue(*, kind, to, subject, body, submission=None, recipient_user=None):
    """Log the message now; send it after commit in the background. Returns the log."""
    from .tasks import send_logged_email

    log = EmailLog.objects.create(
        kind=kind,
        to=to,
        subject=subject,
        body=body,
        submission=submission,
        recipient_user=recipient_user,
    )
    transaction.on_commit(lambda: send_logged_email.enqueue(log.pk))
    return log


def queue_submission_email(*, submission, kind):
    subject, body = get_template(call_id=submission.call_id, kind=kind)
    subject, body = render(subject=subject, body=body, context=submission_context(submission))
    return queue(
        kind=kind,
        to=recipient_for(submission),
        subject=subject,
        body=body,
        submission=submission,
        recipient_user=submission.applicant,
    )


def preview_submission_email(*, submission, kind):
    subject, body = get_template(call_id=submission.call_id, kind=kind)
    return render(subject=subject, body=body, context=submission_context(submission))


def queue_review_reminder(*, call, reviewer, pending_count):
    from django.urls import reverse

    subject, body = get_template(call_id=call.pk, kind=EmailKind.REVIEW_REMINDER)
    context = {
        "reviewer_name": reviewer.get_full_name() or reviewer.email,
        "pending_count": pending_count,
        "call_title": call.title,
        "queue_url": _absolute(reverse("proposals_admin:queue")),
    }
    subject, body = render(subject=subject, body=body, context=context)
    return queue(
        kind=EmailKind.REVIEW_REMINDER,
        to=reviewer.email,
        subject=subject,
        body=body,
        recipient_user=reviewer,
    )
