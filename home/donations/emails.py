"""The thanks for a donation: written from file templates in the language of the
donation page they gave through (its French or Dutch version), sent and logged the site's
one way (home/mail)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from home.languages import recipient_language, render_email
from home.mail import registry, sending
from home.models import Donation, EmailKind


def queue_thank_you(*, donation):
    """Queue the thanks once per donation (a replayed payment webhook sends no second)."""
    page = donation.page
    return sending.queue(
        kind=EmailKind.DONATION_THANKS,
        to=donation.email,
        about=donation,
        page=page,
        language=page.locale.language_code if page else recipient_language(email=donation.email),
        once=True,
    )


def render_thank_you(log):
    donation = log.about
    if donation is None:
        raise registry.CannotRender(_("The donation no longer exists."))
    subject, body = render_email(
        subject_template="home/emails/donation_thank_you_subject.txt",
        body_template="home/emails/donation_thank_you.txt",
        context={"donation": donation, "page": donation.page},
        language=log.language,
    )
    return registry.Message(subject, body)


def record_thanked(log):
    Donation.objects.filter(pk=log.about_id, thanked_at__isnull=True).update(
        thanked_at=timezone.now()
    )


def register():
    registry.register(
        EmailKind.DONATION_THANKS,
        render=render_thank_you,
        sent=record_thanked,
        permission="home.view_donation",
    )
