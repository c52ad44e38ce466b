"""Every email the cohorts app sends: rendered from templates in templates/cohorts/emails/,
logged and sent in the background through the proposals engine's email queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from proposals import emails as engine_emails
from proposals.models import EmailKind


def cohort_placement_message(*, membership):
    """(subject, body) telling one organisation which cohort it is in and who else is."""
    cohort = membership.cohort
    programme = cohort.programme.specific
    others = [m for m in cohort.memberships.all() if m.pk != membership.pk]
    context = {
        "contact_name": membership.contact_name or membership.contact_email,
        "organisation_name": membership.organisation_name,
        "cohort": cohort,
        "programme": programme,
        "programme_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (programme.url or ""),
        "others": others,
        "contact_email": programme.contact_email,
    }
    with translation.override(programme.locale.language_code):
        subject = render_to_string("cohorts/emails/cohort_placement_subject.txt", context)
        body = render_to_string("cohorts/emails/cohort_placement_body.txt", context)
    return " ".join(subject.split()), body


def queue_cohort_placement(*, membership):
    subject, body = cohort_placement_message(membership=membership)
    submission = membership.submission
    return engine_emails.queue(
        kind=EmailKind.GROUP_PLACEMENT,
        to=engine_emails.recipient_for(submission),
        subject=subject,
        body=body,
        submission=submission,
        recipient_user=submission.applicant,
    )
