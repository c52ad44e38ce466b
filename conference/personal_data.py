"""The conference's sections of a person's data (registered in ConferenceConfig.ready):
the session proposals' typed fields, ticket registrations, and their agenda (starred
sessions and calendar feed addresses, deleted with the account)."""

from home import personal_data

from .models import AgendaFeedToken, Registration, SessionProposal, SessionStar
from .programme.agenda.selectors import live_sessions_by_key


def export_session_proposals(user):
    """The typed part of each session proposal they submitted (the engine exports the rest,
    under "submissions", with the same submission id)."""
    proposals = (
        SessionProposal.objects.filter(submission__applicant_id=user.pk)
        .select_related("submission", "session_format", "approach")
        .prefetch_related("themes")
        .order_by("submission_id")
    )
    return [
        {
            "submission_id": p.submission_id,
            "title": p.submission.title,
            "abstract": p.abstract,
            "format": p.session_format.name if p.session_format else "",
            "themes": [t.name for t in p.themes.all()],
            "approach": p.approach.name if p.approach else "",
            "speakers": p.speakers(),
            "speaker_name": p.speaker_name,
            "organisation": p.speaker_organisation,
            "co_presenters": p.co_presenters,
            "travel_grant_requested": p.travel_grant_requested,
            "travel_grant_amount": p.travel_grant_amount,
            "may_present_remotely": p.may_present_remotely,
        }
        for p in proposals
    ]


def _registrations(user):
    return Registration.objects.filter(
        personal_data.email_matches("email", personal_data.verified_emails(user))
    )


def export_registrations(user):
    return [
        {
            "reference": r.reference,
            "conference": r.ticket_type.conference.title,
            "ticket": r.ticket_type.name,
            "name": r.name,
            "email": r.email,
            "organisation": r.organisation,
            "accessibility_needs": r.accessibility_needs,
            "dietary_needs": r.dietary_needs,
            "status": r.status,
            "price_band": r.pricing,
            "amount": r.amount,
            "currency": r.currency,
            "started": r.created_at,
            "confirmed": r.confirmed_at,
            "cancelled": r.cancelled_at,
        }
        for r in _registrations(user).select_related("ticket_type__conference").order_by("pk")
    ]


def erase_registrations(user):
    """Who they are and what they need go; the ticket, price and payment stay for the
    accounts and the head count."""
    _registrations(user).update(
        name="",
        email=personal_data.ERASED_EMAIL,
        organisation="",
        accessibility_needs="",
        dietary_needs="",
    )


def export_agenda(user):
    stars = list(SessionStar.objects.filter(user_id=user.pk))
    sessions = live_sessions_by_key([star.session_key for star in stars])
    return {
        "starred_sessions": [
            {
                "session": str(star.session_key),
                "title": sessions[star.session_key].title if star.session_key in sessions else "",
                "starred": star.created_at,
            }
            for star in stars
        ],
        # When each address was made and stopped; the secret itself is not repeated.
        "calendar_feed_addresses": [
            {"created": token.created_at, "revoked": token.revoked_at}
            for token in AgendaFeedToken.objects.filter(user_id=user.pk)
        ],
    }


def register():
    # Session proposals are erased with their submission (the engine deletes a host's
    # details through call.get_details_instance), so they need no eraser of their own.
    personal_data.register("session_proposals", export=export_session_proposals)
    personal_data.register(
        "ticket_registrations", export=export_registrations, erase=erase_registrations
    )
    # Stars and feed addresses are deleted with the account (on_delete=CASCADE).
    personal_data.register("agenda", export=export_agenda)
