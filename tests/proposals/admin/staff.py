"""People and calls the back-office tests share: a TICTeC call under its conference (so
its name carries the conference's), a confidential board vacancy, and staff in every
role who have no business with a given record."""

import pytest
from django.contrib.auth.models import Group

from cohorts.factories import OpportunityIndexPageFactory, VacancyPageFactory
from conference.call.factories import CallForProposalsPageFactory
from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from proposals.factories import UserFactory


@pytest.fixture
def conference_call(home_page):
    index = ConferenceIndexPageFactory(parent=home_page)
    conference = ConferencePageFactory(parent=index, title="TICTeC 2025", slug="tictec-2025")
    return CallForProposalsPageFactory(parent=conference, title="Call for session proposals")


@pytest.fixture
def board_group(db):
    return Group.objects.create(name="Board appointments")


@pytest.fixture
def vacancy(home_page, board_group):
    index = OpportunityIndexPageFactory(parent=home_page, slug="opportunities")
    return VacancyPageFactory(
        parent=index, title="Chair of the charity board", restricted_to_group=board_group
    )


@pytest.fixture
def outsider(db):
    """On the Programme team, but not in the confidential call's group."""
    return UserFactory(email="olu@example.org", groups=["Programme team", "Reviewers"])


@pytest.fixture
def editor(db):
    return UserFactory(email="eddie@example.org", groups=["Editors"])


@pytest.fixture
def other_reviewer(db):
    return UserFactory(email="noor@example.org", groups=["Reviewers"])
