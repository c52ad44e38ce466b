"""The registration emails: a receipt with the conference as an .ics file, a cancellation,
a presenter's link. Each is written in the language the ticket was bought in (see
home.languages), with the conference's dates and times in its own time zone, and sent and
logged the site's one way (home/mail)."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event
from wagtail.rich_text import expand_db_html

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
# Staff may write their own text for each (Emails › Email templates) with these
# placeholders; without one, the file templates in conference/templates/conference/emails/.

RECEIPT_PLACEHOLDERS = [
    ("attendee_name", _("The attendee's name.")),
    ("conference_title", _("The conference's title.")),
    ("conference_url", _("The address of the conference's page.")),
    ("ticket", _("The ticket's name.")),
    ("reference", _("The registration's reference.")),
    ("receipt", _("The receipt: reference, ticket, price, payment, dates, place and needs.")),
    ("practical_information", _("What the tickets page says after registration.")),
]
CANCELLED_PLACEHOLDERS = [
    *RECEIPT_PLACEHOLDERS[:5],
    ("refund", _("What was refunded, and its reference; empty when nothing was paid.")),
]
PRESENTER_LINK_PLACEHOLDERS = [
    ("conference_title", _("The conference's title.")),
    ("ticket", _("The ticket's name.")),
    ("link", _("The link that registers the speaker (it works once).")),
    ("hours", _("How many hours the link works for.")),
]


def sample_values(conference=None):
    """Made-up values for previews and for trying a staff template when it is saved."""
    title = getattr(conference, "title", None) or "TICTeC 2025"
    return {
        "attendee_name": "Camille Dupont",
        "conference_title": title,
        "conference_url": getattr(conference, "full_url", None) or "https://example.org/tictec/",
        "ticket": "In person",
        "reference": "TIC-7F3K2Q",
        "receipt": "Reference: TIC-7F3K2Q\nTicket: In person\nPrice: £250.00 (Early bird)",
        "practical_information": "Questions? Email tictec@mysociety.org.",
        "refund": "We have refunded £250.00 to the card you paid with.",
        "link": "https://example.org/tictec/tickets/presenter/?token=made-up",
        "hours": int(PRESENTER_LINK_MAX_AGE.total_seconds() // 3600),
    }


def _registration(log):
    registration = log.about
    if registration is None:
        raise registry.CannotRender(translation.gettext("The registration no longer exists."))
    return registration, registration.ticket_type.conference


def _values(registration, conference, **more):
    """What a staff template may say about this registration, in the active language."""
    return {
        "attendee_name": registration.name,
        "conference_title": conference.title,
        "conference_url": conference.full_url or "",
        "ticket": registration.ticket_type.name,
        "reference": registration.reference,
        **more,
    }


def render_receipt(log):
    registration, conference = _registration(log)
    if registration.status != Registration.Status.CONFIRMED:
        raise registry.CannotRender(translation.gettext("The registration is no longer confirmed."))
    tickets_page = TicketsPage.objects.child_of(conference).live().first()
    context = {
        "registration": registration,
        "conference": conference.localized.specific,
        # What staff wrote on the tickets page, as the buyer reads it.
        "tickets_page": tickets_page.localized.specific if tickets_page else None,
    }
    shown = context["tickets_page"]
    values = _values(
        registration,
        context["conference"],
        receipt=render_to_string("conference/emails/registration_receipt.txt", context),
        practical_information=strip_tags(expand_db_html(shown.after_registration)).strip()
        if shown
        else "",
    )
    subject, body = sending.written_by_staff(log, values=values) or languages.render_email(
        subject_template="conference/emails/registration_confirmed_subject.txt",
        body_template="conference/emails/registration_confirmed.txt",
        context=context,
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
    context = {"registration": registration, "conference": conference.localized.specific}
    refund = render_to_string("conference/emails/registration_refund.txt", context).strip()
    written = sending.written_by_staff(
        log, values=_values(registration, context["conference"], refund=refund)
    )
    return registry.Message(
        *written
        or languages.render_email(
            subject_template="conference/emails/registration_cancelled_subject.txt",
            body_template="conference/emails/registration_cancelled.txt",
            context=context,
            language=log.language,
        )
    )


def render_presenter_link(log):
    """The signed link a speaker follows to claim their presenter place (see
    services.request_presenter_link); sent only to the speaker's own address."""
    ticket_type = log.about
    if ticket_type is None:
        raise registry.CannotRender(translation.gettext("The ticket type no longer exists."))
    context = {
        "ticket_type": ticket_type,
        "conference": ticket_type.conference.localized.specific,
        "link": log.context.get("link", ""),
        "hours": int(PRESENTER_LINK_MAX_AGE.total_seconds() // 3600),
    }
    values = {
        "conference_title": context["conference"].title,
        "ticket": ticket_type.name,
        "link": context["link"],
        "hours": context["hours"],
    }
    return registry.Message(
        *sending.written_by_staff(log, values=values)
        or languages.render_email(
            subject_template="conference/emails/presenter_link_subject.txt",
            body_template="conference/emails/presenter_link.txt",
            context=context,
            language=log.language,
        )
    )


def register():
    """Tell the site's email log how ticket emails are written, what staff may write in
    them and who reads them."""
    for kind, render, sent, placeholders in (
        (EmailKind.TICKET_RECEIPT, render_receipt, record_receipt_sent, RECEIPT_PLACEHOLDERS),
        (EmailKind.TICKET_CANCELLED, render_cancelled, None, CANCELLED_PLACEHOLDERS),
        (EmailKind.PRESENTER_LINK, render_presenter_link, None, PRESENTER_LINK_PLACEHOLDERS),
    ):
        registry.register(
            kind,
            render=render,
            sent=sent,
            permission="conference.view_registration",
            placeholders=placeholders,
            sample=sample_values,
        )
