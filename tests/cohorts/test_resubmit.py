"""Cohort applications go through the engine's submit path: sending the same form twice
keeps one application and one set of typed answers."""

import uuid

import pytest

from cohorts import demo_content as seed
from cohorts.factories import CohortProgrammePageFactory, add_call_questions
from cohorts.models import CohortApplication
from proposals.factories import UserFactory
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(index_page):
    page = CohortProgrammePageFactory(
        parent=index_page,
        eligibility_questions=[
            ("question", dict(seed.ORGANISATION_QUESTION)),
            ("question", dict(seed.UK_QUESTION)),
        ],
    )
    add_call_questions(page, seed.COHORT_QUESTIONS)
    return page


def test_saving_an_application_draft_twice_keeps_one_with_its_organisation(client, programme):
    programme.allow_multiple_submissions = True  # so only the form's own key ties the two
    programme.save()
    client.force_login(UserFactory(email="org@example.org"))
    client.post(
        programme.url,
        {"eligibility-step": "1", "eligibility-q0": "yes", "eligibility-q1": "yes"},
    )
    draft = {
        "action": "draft",
        "details-organisation_name": "Disability Rights Network",
        "idempotency_key": str(uuid.uuid4()),
    }

    first = client.post(programme.url, draft)
    second = client.post(programme.url, draft)

    submission = Submission.objects.get()
    assert (first.status_code, second.status_code) == (302, 302)
    assert submission.status == SubmissionStatus.DRAFT
    assert CohortApplication.objects.get().organisation_name == "Disability Rights Network"
    page = client.get(second["Location"]).content.decode()
    assert 'value="Disability Rights Network"' in page
