"""The donation thank-you email, rendered from templates and sent in the background."""

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from home.languages import recipient_language, render_email
from home.models import Donation


@task()
def send_donation_thank_you(donation_id: int) -> None:
    donation = Donation.objects.select_related("page__locale").get(pk=donation_id)
    if donation.thanked_at:
        return
    # In the language of the donation page they gave through (its French or Dutch version).
    subject, body = render_email(
        subject_template="home/emails/donation_thank_you_subject.txt",
        body_template="home/emails/donation_thank_you.txt",
        context={"donation": donation, "page": donation.page},
        language=donation.page.locale.language_code
        if donation.page
        else recipient_language(email=donation.email),
    )
    EmailMultiAlternatives(subject=subject, body=body, to=[donation.email]).send()
    Donation.objects.filter(pk=donation.pk).update(thanked_at=timezone.now())
