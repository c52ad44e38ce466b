"""The engine's emails: receipts, outcomes and reminders to reviewers.

They go out the site's one way (home/mail: logged, rendered and sent in the background,
retried). Each is written when it is sent, from :class:`~home.models.EmailTemplate`
rows staff edit (per call, kind and language; a row with no call is the default), falling
back to the built-in texts below, in the recipient's language (``home.languages``): the
version of a template in their language, else the English one; the call's title, address,
questions and dates as they read them.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.languages import datetime_with_zone, in_language, recipient_language
from home.mail import registry, sending, templates
from home.models import EmailKind, EmailTemplate

from .email_placeholders import PLACEHOLDERS, sample_context
from .models.hosts import hidden_call_ids
from .roles import MANAGE_CALL
from .selectors import questions_in_language

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
    written = EmailTemplate.objects.text_for(kind=kind, page_id=call_id, language=language)
    if written is not None:
        return written
    with in_language(language):
        subject, body = DEFAULT_TEMPLATES[kind]
        return str(subject), str(body)


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
        "call_url": sending.absolute(shown.url or ""),
        "submission_url": sending.absolute(submission.get_absolute_url()),
        "closes_at": datetime_with_zone(call.closes_at_local),
        # Empty when the call gives no date: templates word the reply from what is set.
        "decisions_by": datetime_with_zone(call.decisions_by_local) or "",
        "answers": "\n".join(answer_lines),
    }


def recipient_for(submission):
    if submission.applicant_id and submission.applicant.email:
        return submission.applicant.email
    return submission.applicant_email


def queue_submission_email(*, submission, kind):
    """Queue one of the SUBMISSION_KINDS; it is written when it is sent."""
    return sending.queue(
        kind=kind,
        to=recipient_for(submission),
        about=submission,
        page=submission.call,
        recipient_user=submission.applicant,
        fallback_language=submission.language,
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
            return templates.render(
                subject=subject, body=body, context=submission_context(submission)
            )
    except Exception as error:  # staff see why, the page still works
        return _("This template cannot be used"), str(error)


def queue_review_reminder(*, call, reviewer, pending_count):
    return sending.queue(
        kind=EmailKind.REVIEW_REMINDER,
        to=reviewer.email,
        page=call,
        recipient_user=reviewer,
        context={"pending_count": pending_count},
    )


# --- Written when sent (home.mail.sending calls these in the log's language) ------


def render_submission_email(log):
    submission = log.about
    if submission is None or submission.anonymised_at is not None:
        raise registry.CannotRender(_("Its submission has been deleted or anonymised."))
    subject, body = get_template(call_id=submission.call_id, kind=log.kind)
    return registry.Message(
        *templates.render(subject=subject, body=body, context=submission_context(submission))
    )


def render_review_reminder(log):
    call, reviewer = log.page, log.recipient_user
    if call is None or reviewer is None:
        raise registry.CannotRender(_("The call or the reviewer no longer exists."))
    values = {
        "reviewer_name": reviewer.get_full_name() or reviewer.email,
        "pending_count": log.context.get("pending_count", 0),
        "call_title": _in_active_language(call).admin_display_title,
        "queue_url": sending.absolute(reverse("proposals_admin:queue")),
    }
    subject, body = get_template(call_id=call.pk, kind=log.kind)
    return registry.Message(*templates.render(subject=subject, body=body, context=values))


def hide_confidential_calls(queryset, user):
    """A message about a call restricted to a group stays in that group."""
    return queryset.exclude(page_id__in=hidden_call_ids(user))


def register():
    """Tell the site's email log how the engine's messages are written and who reads them
    (the Programme team, a confidential call's only within its group)."""
    for kind, render_kind in (
        *((kind, render_submission_email) for kind in SUBMISSION_KINDS),
        (EmailKind.REVIEW_REMINDER, render_review_reminder),
    ):
        registry.register(
            kind,
            render=render_kind,
            permission=MANAGE_CALL,
            placeholders=PLACEHOLDERS,
            sample=sample_context,
        )
    # Written by cohorts when queued (from its own file templates).
    registry.register(EmailKind.GROUP_PLACEMENT, permission=MANAGE_CALL)
    registry.restrict_with(hide_confidential_calls)
