"""The registration emails: a receipt with the conference as an .ics file, a cancellation,
a presenter's link. Each is written in the language the ticket was bought in (see
home.languages), with the conference's dates and times in its own time zone."""

import datetime

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation
from django_tasks import task
from icalendar import Calendar, Event

from conference.models import Registration, TicketType
from conference.models.tickets import PRESENTER_LINK_MAX_AGE
from home import languages


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


def _language(*, language, email, conference):
    """The language a ticket was bought (or a link asked for) in; else the attendee's
    account's; else the conference page's."""
    return languages.supported(language) or languages.recipient_language(
        email=email, fallback=conference.locale.language_code
    )


@task()
def send_registration_confirmation(registration_id: int, language: str = "") -> None:
    registration = Registration.objects.select_related("ticket_type__conference").get(
        pk=registration_id
    )
    if registration.confirmation_sent_at or registration.status != Registration.Status.CONFIRMED:
        return
    conference = registration.ticket_type.conference
    language = _language(language=language, email=registration.email, conference=conference)

    def context():
        return {"registration": registration, "conference": conference.localized.specific}

    subject, body = languages.render_email(
        subject_template="conference/emails/registration_confirmed_subject.txt",
        body_template="conference/emails/registration_confirmed.txt",
        context=context,
        language=language,
    )
    message = EmailMultiAlternatives(subject=subject, body=body, to=[registration.email])
    with languages.in_language(language):
        calendar = conference_ics(registration=registration)
    message.attach(f"{conference.acronym}.ics", calendar, "text/calendar; charset=utf-8")
    message.send()
    Registration.objects.filter(pk=registration.pk).update(confirmation_sent_at=timezone.now())


@task()
def send_registration_cancelled(registration_id: int, language: str = "") -> None:
    registration = Registration.objects.select_related("ticket_type__conference").get(
        pk=registration_id
    )
    conference = registration.ticket_type.conference
    subject, body = languages.render_email(
        subject_template="conference/emails/registration_cancelled_subject.txt",
        body_template="conference/emails/registration_cancelled.txt",
        context=lambda: {
            "registration": registration,
            "conference": conference.localized.specific,
        },
        language=_language(language=language, email=registration.email, conference=conference),
    )
    EmailMultiAlternatives(subject=subject, body=body, to=[registration.email]).send()


@task()
def send_presenter_link(ticket_type_id: int, email: str, link: str, language: str = "") -> None:
    """The signed link a speaker follows to claim their presenter place (see
    tickets_services.request_presenter_link); sent only to the speaker's own address."""
    ticket_type = TicketType.objects.select_related("conference").get(pk=ticket_type_id)
    conference = ticket_type.conference
    subject, body = languages.render_email(
        subject_template="conference/emails/presenter_link_subject.txt",
        body_template="conference/emails/presenter_link.txt",
        context=lambda: {
            "ticket_type": ticket_type,
            "conference": conference.localized.specific,
            "link": link,
            "hours": int(PRESENTER_LINK_MAX_AGE.total_seconds() // 3600),
        },
        language=_language(language=language, email=email, conference=conference),
    )
    EmailMultiAlternatives(subject=subject, body=body, to=[email]).send()
