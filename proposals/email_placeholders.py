"""What a call's messages may say: the placeholders staff type in them, with made-up
values for previews, and which messages a call's page may replace. Imports no model of
the engine (the call editor's panels use it)."""

from django.utils.translation import gettext_lazy as _

from home.languages import datetime_with_zone
from home.models import EmailKind

# Every variable a template may use, with a made-up value to try a template on when saved.
SAMPLE_CONTEXT = {
    "applicant_name": "Amani Applicant",
    "title": "Using FOI data to track political donations",
    "call_title": "TICTeC 2025: call for session proposals",
    "call_url": "https://example.org/call/",
    "submission_url": "https://example.org/my-submissions/1/",
    "closes_at": "1 March 2025, 23:59 GMT",
    "decisions_by": "1 April 2025, 12:00 BST",
    "answers": "Summary:\nHow access to information requests exposed donations.\n",
    "reviewer_name": "Rae Reviewer",
    "pending_count": 3,
    "queue_url": "https://example.org/admin/calls/queue/",
}


#: What a template may use, as the Emails tab lists it: (name, what it holds).
PLACEHOLDERS = [
    ("applicant_name", _("The applicant's name, as they gave it when signing up or applying.")),
    ("title", _("The submission's title.")),
    ("call_title", _("This call's title, with what it belongs to (e.g. its conference).")),
    ("call_url", _("The address of this call's page.")),
    ("submission_url", _("Where the applicant reads, edits or withdraws their submission.")),
    ("closes_at", _("When the call closes, with its time zone.")),
    (
        "decisions_by",
        _("The date decisions are due, with its time zone; empty when the call gives none."),
    ),
    ("answers", _("A copy of every answer (receipts only).")),
    ("reviewer_name", _("Reminders to reviewers: the reviewer's name.")),
    ("pending_count", _("Reminders to reviewers: how many reviews they have left.")),
    ("queue_url", _("Reminders to reviewers: the address of their list of reviews.")),
]

#: The messages a call's own page may replace (placements are written by cohorts).
CALL_EMAIL_KINDS = [
    EmailKind.CONFIRMATION,
    EmailKind.ACCEPTED,
    EmailKind.REJECTED,
    EmailKind.WAITLISTED,
    EmailKind.REVIEW_REMINDER,
]


#: Every message the engine writes, which staff may replace (the site's other emails,
#: tickets and donations, are written from file templates).
ENGINE_EMAIL_KINDS = [*CALL_EMAIL_KINDS, EmailKind.GROUP_PLACEMENT]


def sample_context(call=None):
    """SAMPLE_CONTEXT as it would read for ``call``: its title, address, dates and
    questions, with a made-up applicant and answers."""
    context = dict(SAMPLE_CONTEXT)
    if call is None:
        return context
    # As proposals.emails.submission_context names it.
    context["call_title"] = getattr(call, "admin_display_title", None) or call.title
    if call.pk and call.url:
        context["call_url"] = call.full_url or context["call_url"]
    if hasattr(call, "closes_at_local"):
        context["closes_at"] = datetime_with_zone(call.closes_at_local) or ""
        context["decisions_by"] = datetime_with_zone(call.decisions_by_local) or ""
    questions = list(call.call_questions.all()) if hasattr(call, "call_questions") else []
    if questions:
        context["answers"] = "".join(
            f"{question.label}:\n({_('their answer')})\n\n" for question in questions
        )
    return context
