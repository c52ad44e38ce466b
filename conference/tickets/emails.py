"""The registration emails: a receipt with the conference as an .ics file, a cancellation,
a presenter's link. Each is written in the language the ticket was bought in (see
home.languages), with the conference's dates and times in its own time zone, and sent and
logged the site's one way (home/mail)."""

import datetime

from django.utils import timezone, translation
from icalendar import Calendar, Event

from conference.models import Registration, TicketsPage
from conference.models.tickets import PRESENTER_LINK_MAX_AGE
from home import languages
from home.mail import registry, sending
from home.models import EmailKind


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


# --- Queued in the caller's transaction, sent once it commits (home/mail) -----------


def queue_receipt(*, registration, language=""):
    """The receipt, once per registration (a replayed payment webhook sends no second)."""
    conference = registration.ticket_type.conference
    return sending.queue(
        kind=EmailKind.TICKET_RECEIPT,
        to=registration.email,
        about=registration,
        page=conference,
        language=_language(language=language, email=registration.email, conference=conference),
        once=True,
    )


def queue_cancelled(*, registration):
    conference = registration.ticket_type.conference
    return sending.queue(
        kind=EmailKind.TICKET_CANCELLED,
        to=registration.email,
        about=registration,
        page=conference,
        language=_language(language="", email=registration.email, conference=conference),
    )


def queue_presenter_link(*, ticket_type, email, link, language=""):
    conference = ticket_type.conference
    return sending.queue(
        kind=EmailKind.PRESENTER_LINK,
        to=email,
        about=ticket_type,
        page=conference,
        language=_language(language=language, email=email, conference=conference),
        context={"link": link},
    )


# --- Written when sent, in the log's language -------------------------------------


def _registration(log):
    registration = log.about
    if registration is None:
        raise registry.CannotRender(translation.gettext("The registration no longer exists."))
    return registration, registration.ticket_type.conference


def render_receipt(log):
    registration, conference = _registration(log)
    if registration.status != Registration.Status.CONFIRMED:
        raise registry.CannotRender(translation.gettext("The registration is no longer confirmed."))
    tickets_page = TicketsPage.objects.child_of(conference).live().first()
    subject, body = languages.render_email(
        subject_template="conference/emails/registration_confirmed_subject.txt",
        body_template="conference/emails/registration_confirmed.txt",
        context={
            "registration": registration,
            "conference": conference.localized.specific,
            # What staff wrote on the tickets page, as the buyer reads it.
            "tickets_page": tickets_page.localized.specific if tickets_page else None,
        },
        language=log.language,
    )
    calendar = conference_ics(registration=registration)
    return registry.Message(
        subject, body, ((f"{conference.acronym}.ics", calendar, "text/calendar; charset=utf-8"),)
    )


def record_receipt_sent(log):
    Registration.objects.filter(pk=log.about_id, confirmation_sent_at__isnull=True).update(
        confirmation_sent_at=timezone.now()
    )


def render_cancelled(log):
    registration, conference = _registration(log)
    return registry.Message(
        *languages.render_email(
            subject_template="conference/emails/registration_cancelled_subject.txt",
            body_template="conference/emails/registration_cancelled.txt",
            context={"registration": registration, "conference": conference.localized.specific},
            language=log.language,
        )
    )


def render_presenter_link(log):
    """The signed link a speaker follows to claim their presenter place (see
    services.request_presenter_link); sent only to the speaker's own address."""
    ticket_type = log.about
    if ticket_type is None:
        raise registry.CannotRender(translation.gettext("The ticket type no longer exists."))
    return registry.Message(
        *languages.render_email(
            subject_template="conference/emails/presenter_link_subject.txt",
            body_template="conference/emails/presenter_link.txt",
            context={
                "ticket_type": ticket_type,
                "conference": ticket_type.conference.localized.specific,
                "link": log.context.get("link", ""),
                "hours": int(PRESENTER_LINK_MAX_AGE.total_seconds() // 3600),
            },
            language=log.language,
        )
    )


def register():
    """Tell the site's email log how ticket emails are written and who reads them."""
    for kind, render, sent in (
        (EmailKind.TICKET_RECEIPT, render_receipt, record_receipt_sent),
        (EmailKind.TICKET_CANCELLED, render_cancelled, None),
        (EmailKind.PRESENTER_LINK, render_presenter_link, None),
    ):
        registry.register(kind, render=render, sent=sent, permission="conference.view_registration")
