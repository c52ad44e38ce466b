"""Fixtures for tickets: a conference with a tickets page, its ticket types and an
accepted proposal whose presenters register free; the payment fixtures shared with
donations come from tests/home/payments/conftest.py."""

import pytest

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.tickets.factories import TicketsPageFactory, TicketTypeFactory
from proposals.factories import SubmissionFactory
from proposals.models import SubmissionStatus
from tests.home.payments.conftest import (  # noqa: F401 (fixtures shared with donations)
    _clear_cache,
    contact_email,
    fake_stripe,
    make_account,
    on_commit,
)


@pytest.fixture
def conference(home_page):
    index = ConferenceIndexPageFactory(parent=home_page)
    return ConferencePageFactory(
        parent=index, title="TICTeC 2025", slug="tictec-2025", edition_year=2025
    )


@pytest.fixture
def tickets_page(conference):
    return TicketsPageFactory(parent=conference)


@pytest.fixture
def in_person(conference):
    return TicketTypeFactory(conference=conference, name="In person")


@pytest.fixture
def presenter_ticket(conference):
    return TicketTypeFactory(conference=conference, presenter=True)


@pytest.fixture
def accepted_proposal(conference):
    """Ana's proposal to the TICTeC 2025 call was accepted; Ben co-presents."""
    call = CallForProposalsPageFactory(parent=conference)
    submission = SubmissionFactory(
        call=call,
        status=SubmissionStatus.ACCEPTED,
        applicant_name="Ana Ruiz",
        applicant_email="Ana@Example.org",
    )
    return SessionProposalFactory(
        submission=submission,
        co_presenters=[{"name": "Ben Okafor", "email": "ben@example.org", "organisation": ""}],
    )
