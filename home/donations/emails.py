"""The thanks for a donation: written from file templates in the language of the
donation page they gave through (its French or Dutch version), sent and logged the site's
one way (home/mail)."""

from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.rich_text import expand_db_html

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


PLACEHOLDERS = [
    ("donor_name", gettext_lazy("The donor's name; empty if they gave none.")),
    ("amount", gettext_lazy("The amount, with its currency (e.g. £10.00).")),
    ("frequency", gettext_lazy("One-off or monthly.")),
    ("reference", gettext_lazy("The donation's reference.")),
    ("date", gettext_lazy("When it was paid.")),
    ("message", gettext_lazy("The thank-you message on the donation page.")),
]


def sample_values(page=None):
    return {
        "donor_name": "Sam Patel",
        "amount": "£10.00",
        "frequency": "Monthly",
        "reference": "DON-4J8Q2X",
        "date": "10 June 2025",
        "message": "Your contribution makes it possible.",
    }


def render_thank_you(log):
    donation = log.about
    if donation is None:
        raise registry.CannotRender(_("The donation no longer exists."))
    page = donation.page
    values = {
        "donor_name": donation.name,
        "amount": f"{donation.currency_symbol}{formats.number_format(donation.amount, 2)}",
        "frequency": donation.get_frequency_display(),
        "reference": donation.reference,
        "date": formats.date_format(donation.paid_at, "DATE_FORMAT") if donation.paid_at else "",
        "message": strip_tags(expand_db_html(page.thank_you_message)).strip() if page else "",
    }
    subject, body = sending.written_by_staff(log, values=values) or render_email(
        subject_template="home/emails/donation_thank_you_subject.txt",
        body_template="home/emails/donation_thank_you.txt",
        context={"donation": donation, "page": page},
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
        placeholders=PLACEHOLDERS,
        sample=sample_values,
    )
