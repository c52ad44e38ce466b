"""The registration confirmation email: a receipt and the conference as an .ics file."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from icalendar import Calendar, Event

from conference.models import Registration, TicketType
from conference.models.tickets import PRESENTER_LINK_MAX_AGE


def conference_ics(*, registration: Registration) -> bytes:
    """The conference as an all-day event over its dates (RFC 5545)."""
    conference = registration.ticket_type.conference
    calendar = Calendar()
    calendar.add("prodid", "-//mySociety//TICTeC registration//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"registration-{registration.reference}@{conference.acronym}")
    event.add("dtstamp", timezone.now())
    event.add("summary", conference.title)
    event.add("dtstart", conference.start_date)
    event.add("dtend", conference.end_date + datetime.timedelta(days=1))
    where = ", ".join(p for p in (conference.venue, conference.city, conference.country) if p)
    if registration.ticket_type.attendance == registration.ticket_type.Attendance.ONLINE:
        where = translation.gettext("Online")
    if where:
        event.add("location", where)
    if conference.full_url:
        event.add("url", conference.full_url)
    event.add(
        "description",
        translation.gettext("Your ticket: %(ticket)s. Reference %(reference)s.")
        % {"ticket": registration.ticket_type.name, "reference": registration.reference},
    )
    calendar.add_component(event)
    return calendar.to_ical()


@task()
def send_registration_confirmation(registration_id: int) -> None:
    registration = Registration.objects.select_related("ticket_type__conference").get(
        pk=registration_id
    )
    if registration.confirmation_sent_at or registration.status != Registration.Status.CONFIRMED:
        return
    conference = registration.ticket_type.conference
    with translation.override(conference.locale.language_code or settings.LANGUAGE_CODE):
        context = {"registration": registration, "conference": conference}
        subject = render_to_string("conference/emails/registration_confirmed_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("conference/emails/registration_confirmed.txt", context),
            to=[registration.email],
        )
        message.attach(
            f"{conference.acronym}.ics",
            conference_ics(registration=registration),
            "text/calendar; charset=utf-8",
        )
        message.send()
    Registration.objects.filter(pk=registration.pk).update(confirmation_sent_at=timezone.now())


@task()
def send_registration_cancelled(registration_id: int) -> None:
    registration = Registration.objects.select_related("ticket_type__conference").get(
        pk=registration_id
    )
    conference = registration.ticket_type.conference
    with translation.override(conference.locale.language_code or settings.LANGUAGE_CODE):
        context = {"registration": registration, "conference": conference}
        subject = render_to_string("conference/emails/registration_cancelled_subject.txt", context)
        EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("conference/emails/registration_cancelled.txt", context),
            to=[registration.email],
        ).send()


@task()
def send_presenter_link(ticket_type_id: int, email: str, link: str) -> None:
    """The signed link a speaker follows to claim their presenter place (see
    tickets_services.request_presenter_link); sent only to the speaker's own address."""
    ticket_type = TicketType.objects.select_related("conference").get(pk=ticket_type_id)
    conference = ticket_type.conference
    with translation.override(conference.locale.language_code or settings.LANGUAGE_CODE):
        context = {
            "ticket_type": ticket_type,
            "conference": conference,
            "link": link,
            "hours": int(PRESENTER_LINK_MAX_AGE.total_seconds() // 3600),
        }
        subject = render_to_string("conference/emails/presenter_link_subject.txt", context)
        EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("conference/emails/presenter_link.txt", context),
            to=[email],
        ).send()
