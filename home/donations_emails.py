"""The donation thank-you email, rendered from templates and sent in the background."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from home.models import Donation


@task()
def send_donation_thank_you(donation_id: int) -> None:
    donation = Donation.objects.select_related("page").get(pk=donation_id)
    if donation.thanked_at:
        return
    language = donation.page.locale.language_code if donation.page else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"donation": donation, "page": donation.page}
        subject = render_to_string("home/emails/donation_thank_you_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("home/emails/donation_thank_you.txt", context),
            to=[donation.email],
        )
        message.send()
    Donation.objects.filter(pk=donation.pk).update(thanked_at=timezone.now())
