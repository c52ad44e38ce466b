"""The admin: staff build every opportunity page; the Programme team forms cohorts by hand."""

import pytest
from django.urls import reverse

from cohorts.factories import (
    ActionLabPageFactory,
    CohortApplicationFactory,
    CohortProgrammePageFactory,
    VacancyPageFactory,
)
from cohorts.models import Cohort
from proposals.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return UserFactory(email="ada@example.org", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    ("factory", "fields"),
    [
        (CohortProgrammePageFactory, ["who_its_for", "cohort_size_max", "programme_starts"]),
        (
            ActionLabPageFactory,
            ["question", "places", "meeting_time_zone", "confidentiality_required"],
        ),
        (
            VacancyPageFactory,
            ["board", "role", "term_years", "diversity_statement", "external_application_url"],
        ),
    ],
)
def test_staff_edit_every_opportunity_with_its_fields_and_the_call_tabs(
    client, admin_user, index_page, factory, fields
):
    page = factory(parent=index_page)
    client.force_login(admin_user)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    for name in [*fields, "summary", "closes_at", "restricted_to_group"]:
        assert f'name="{name}' in html, name
    # StreamFields are drawn by the admin's JavaScript from a JSON definition.
    assert '"fieldName": "eligibility_questions"' in html
    assert (
        "Form cohorts" in html
        if factory is CohortProgrammePageFactory
        else "Form cohorts" not in html
    )


def test_programme_team_forms_a_cohort_by_hand_in_the_admin(client, index_page):
    programme = CohortProgrammePageFactory(parent=index_page)
    members = [CohortApplicationFactory(submission__call=programme).submission for _ in range(2)]
    team = UserFactory(email="pat@example.org", groups=["Programme team"], is_staff=True)
    client.force_login(team)
    data = {
        "programme": programme.pk,
        "name": "North",
        "notes": "",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for number, submission in enumerate(members):
        data[f"memberships-{number}-submission"] = submission.pk
        data[f"memberships-{number}-ORDER"] = number + 1

    response = client.post(reverse("wagtailsnippets_cohorts_cohort:add"), data)

    assert response.status_code == 302
    cohort = Cohort.objects.get(name="North")
    assert [m.submission for m in cohort.memberships.all()] == members
    listing = client.get(reverse("wagtailsnippets_cohorts_cohort:list")).content.decode()
    assert "North" in listing
    assert reverse("cohorts_admin:cohort", args=[cohort.pk]) in listing
