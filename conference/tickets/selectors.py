"""Reads for tickets and registration."""

from allauth.account.models import EmailAddress
from django.db.models import Max, Q
from django.utils import timezone

from conference.models import ConferencePage, Registration, SessionProposal, TicketType
from proposals.models import SubmissionStatus


def ticket_types_for_sale(*, conference, now=None) -> list[TicketType]:
    """The conference's ticket types with `places_taken`, `price_now` and `on_sale_now`.

    One query whatever the number of ticket types and registrations."""
    now = now or timezone.now()
    ticket_types = list(TicketType.objects.for_conference(conference).with_places_taken(now=now))
    for ticket_type in ticket_types:
        ticket_type.price_now = ticket_type.price_at(now)
        ticket_type.early_bird_now = ticket_type.is_early_bird(now)
        ticket_type.on_sale_now = ticket_type.is_on_sale(now)
        ticket_type.sales_start_later = bool(
            ticket_type.on_sale_from and now < ticket_type.on_sale_from
        )
        ticket_type.places_left_now = ticket_type.places_left(ticket_type.places_taken)
    return ticket_types


def presenter_emails(*, conference) -> set[str]:
    """Addresses of the speakers of accepted session proposals to this conference's calls
    (submitter and co-presenters), lower-cased. One query."""
    conference_paths = ConferencePage.objects.filter(
        translation_key=conference.translation_key
    ).values_list("path", flat=True)
    in_conference = Q()
    for path in conference_paths:
        in_conference |= Q(submission__call__path__startswith=path)
    proposals = SessionProposal.objects.filter(
        in_conference, submission__status=SubmissionStatus.ACCEPTED
    ).select_related("submission")
    return {
        speaker["email"].strip().lower()
        for proposal in proposals
        for speaker in proposal.speakers()
        if speaker.get("email")
    }


def is_presenter(*, conference, email: str) -> bool:
    """Whether this address belongs to a speaker of an accepted session of the conference."""
    return email.strip().lower() in presenter_emails(conference=conference)


def verified_presenter_email(*, conference, user) -> str | None:
    """The signed-in user's verified address that belongs to a speaker of an accepted session
    of the conference (the primary one first), lower-cased; None if they have none."""
    if not user.is_authenticated:
        return None
    presenters = presenter_emails(conference=conference)
    addresses = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "email")
    for address in addresses.values_list("email", flat=True):
        if address.strip().lower() in presenters:
            return address.strip().lower()
    return None


def presenter_claims_state(*, conference, email: str) -> int:
    """Changes whenever a presenter place is registered for this address (the newest such
    registration's id, 0 if none), so an emailed link stops working once it has been used."""
    return (
        Registration.objects.for_conference(conference)
        .filter(email__iexact=email, pricing=Registration.Pricing.PRESENTER)
        .aggregate(newest=Max("pk"))["newest"]
        or 0
    )


def registration_for_page(*, page, reference):
    return (
        Registration.objects.select_related("ticket_type")
        .for_conference(page.conference)
        .filter(reference=reference)
        .first()
    )
