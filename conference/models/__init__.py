"""Conference models. Each module adds its import line here."""

from conference.models.agenda import AgendaFeedToken, SessionStar  # noqa: F401
from conference.models.call import CallForProposalsPage, SessionProposal  # noqa: F401
from conference.models.pages import (  # noqa: F401
    ConferenceIndexPage,
    ConferencePage,
    ProgrammePage,
    SessionPage,
    SessionSpeaker,
    SpeakerIndexPage,
    SpeakerLink,
    SpeakerPage,
)
from conference.models.taxonomies import (  # noqa: F401
    Approach,
    ConferenceDay,
    Room,
    SessionFormat,
    Theme,
)
from conference.models.tickets import Registration, TicketsPage, TicketType  # noqa: F401
