"""Every email the cohorts app sends: rendered from templates in templates/cohorts/emails/,
logged and sent in the background the site's one way (home/mail)."""

from django.conf import settings

from home.languages import recipient_language, render_email
from home.mail import sending
from home.models import EmailKind
from proposals import emails as engine_emails


def cohort_placement_message(*, membership, language):
    """(subject, body) telling one organisation which cohort it is in and who else is,
    in ``language``."""
    cohort = membership.cohort
    programme = cohort.programme.specific
    others = [m for m in cohort.memberships.all() if m.pk != membership.pk]

    def context():
        shown = programme.localized.specific  # the programme page in the reader's language
        return {
            "contact_name": membership.contact_name or membership.contact_email,
            "organisation_name": membership.organisation_name,
            "cohort": cohort,
            "programme": shown,
            "programme_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (shown.url or ""),
            "others": others,
            "contact_email": programme.contact_email,
        }

    return render_email(
        subject_template="cohorts/emails/cohort_placement_subject.txt",
        body_template="cohorts/emails/cohort_placement_body.txt",
        context=context,
        language=language,
    )


def queue_cohort_placement(*, membership):
    submission = membership.submission
    to = engine_emails.recipient_for(submission)
    language = recipient_language(user=submission.applicant, email=to, fallback=submission.language)
    subject, body = cohort_placement_message(membership=membership, language=language)
    return sending.queue(
        kind=EmailKind.GROUP_PLACEMENT,
        to=to,
        subject=subject,
        body=body,
        about=submission,
        page=submission.call,
        recipient_user=submission.applicant,
        language=language,
    )
