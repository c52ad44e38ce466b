"""load_demo_content's cohorts part: builds everything the issue lists, twice without duplicates."""

import pytest

from cohorts import demo
from cohorts.models import (
    ActionLabPage,
    Cohort,
    CohortMembership,
    CohortProgrammePage,
    OpportunityIndexPage,
    OpportunityState,
    VacancyPage,
)
from home import demo as home_demo
from proposals.models import Review, Submission, SubmissionFile

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": OpportunityIndexPage.objects.count()
        + CohortProgrammePage.objects.count()
        + ActionLabPage.objects.count()
        + VacancyPage.objects.count(),
        "submissions": Submission.objects.count(),
        "files": SubmissionFile.objects.count(),
        "reviews": Review.objects.count(),
        "cohorts": Cohort.objects.count(),
        "members": CohortMembership.objects.count(),
    }


def test_demo_content_loads_twice_without_duplicates():
    home_demo.load()
    demo.load()
    first = snapshot()
    demo.load()

    assert snapshot() == first
    assert first["pages"] == 6
    assert first["submissions"] >= 12
    assert first["cohorts"] == 2

    programme = CohortProgrammePage.objects.get()
    lab = ActionLabPage.objects.get()
    assert programme.state() == OpportunityState.OPEN
    assert lab.state() == OpportunityState.CLOSED
    assert sorted(Submission.objects.for_call(lab).values_list("status", flat=True)) == [
        "accepted",
        "accepted",
        "accepted",
        "rejected",
        "waitlisted",
    ]
    assert Review.objects.filter(submission__call=lab, submitted_at__isnull=False).count() == 10
    states = {page.role: page.state() for page in VacancyPage.objects.all()}
    assert states == {"chair": "open", "trustee": "open", "ned": "closed"}
    assert all(
        page.restricted_to_group.name == "Programme team" for page in VacancyPage.objects.all()
    )
    sizes = sorted(cohort.memberships.count() for cohort in Cohort.objects.all())
    assert sizes == [3, 4]
