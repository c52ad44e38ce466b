"""Cohort formation: services, the admin pages, notification emails, who may see them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts import demo_content as seed
from cohorts import services
from cohorts.factories import (
    CohortApplicationFactory,
    CohortMembershipFactory,
    CohortProgrammePageFactory,
)
from cohorts.models import Cohort, CohortMembership
from cohorts.wagtail_hooks import CohortViewSet
from home.models import EmailLog
from proposals.factories import SubmissionFactory, UserFactory
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(index_page):
    return CohortProgrammePageFactory(parent=index_page)


def accepted(programme, count):
    return [
        CohortApplicationFactory(
            submission__call=programme,
            submission__applicant=UserFactory(
                email=f"contact{n}@example.org", first_name="Contact", last_name=str(n)
            ),
        ).submission
        for n in range(count)
    ]


@pytest.fixture
def programme_team():
    return UserFactory(email="pat@example.org", groups=["Programme team"], is_staff=True)


def test_suggested_cohorts_are_formed_from_accepted_organisations_only(programme):
    submissions = accepted(programme, 7)
    CohortApplicationFactory(
        submission__call=programme, submission__status=SubmissionStatus.REJECTED
    )

    cohorts = services.form_suggested_cohorts(programme=programme)

    assert [cohort.name for cohort in cohorts] == ["Cohort 1", "Cohort 2"]
    assert sorted(cohort.memberships.count() for cohort in cohorts) == [3, 4]
    placed = set(CohortMembership.objects.values_list("submission_id", flat=True))
    assert placed == {s.pk for s in submissions}
    # Nobody left to place: a second run forms nothing.
    assert services.form_suggested_cohorts(programme=programme) == []


def test_a_cohort_by_hand_must_respect_sizes_and_acceptance(programme, index_page):
    submissions = accepted(programme, 6)
    other = CohortProgrammePageFactory(parent=index_page)
    outsider = accepted(other, 1)[0]

    with pytest.raises(ValidationError):
        services.create_cohort(programme=programme, name="Too big", submissions=submissions)
    with pytest.raises(ValidationError):
        services.create_cohort(programme=programme, name="Too small", submissions=submissions[:1])
    with pytest.raises(ValidationError):
        services.create_cohort(
            programme=programme, name="Outsider", submissions=[submissions[0], outsider]
        )

    cohort = services.create_cohort(programme=programme, name="North", submissions=submissions[:3])
    assert [m.submission for m in cohort.memberships.all()] == submissions[:3]


def test_members_are_emailed_their_cohort_once(programme, django_capture_on_commit_callbacks):
    submissions = accepted(programme, 3)
    cohort = services.create_cohort(programme=programme, name="Cohort A", submissions=submissions)

    with django_capture_on_commit_callbacks(execute=True):
        logs = services.notify_cohort(cohort=cohort)

    assert len(logs) == 3
    assert sorted(message.to[0] for message in mail.outbox) == [
        "contact0@example.org",
        "contact1@example.org",
        "contact2@example.org",
    ]
    first = next(m for m in mail.outbox if m.to == ["contact0@example.org"])
    names = [s.cohort_application.organisation_name for s in submissions]
    assert first.subject == f"Your cohort for {programme.title}: Cohort A"
    assert f"{names[0]} is in Cohort A" in first.body
    assert f"- {names[1]}\n- {names[2]}" in first.body
    assert "January 2025 to July 2025" in first.body
    assert EmailLog.objects.filter(kind="group_placement").count() == 3
    assert all(m.notified_at for m in cohort.memberships.all())

    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_cohort(cohort=cohort) == []
    assert len(mail.outbox) == 3


def test_cohort_page_lists_organisations_and_contacts_for_the_programme_team(
    client, programme, programme_team, django_assert_max_num_queries
):
    cohort = services.create_cohort(
        programme=programme, name="Cohort A", submissions=accepted(programme, 3)
    )
    client.force_login(programme_team)
    url = reverse("cohorts_admin:cohort", args=[cohort.pk])

    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    bigger = services.create_cohort(
        programme=programme, name="Cohort B", submissions=accepted(programme, 5)
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("cohorts_admin:cohort", args=[bigger.pk]))

    html = response.content.decode()
    for member in bigger.memberships.all():
        assert member.organisation_name in html
        assert f'href="mailto:{member.contact_email}"' in html
    assert "Email 5 organisations their cohort" in html


def test_notify_from_the_cohort_page(
    client, programme, programme_team, django_capture_on_commit_callbacks
):
    cohort = services.create_cohort(
        programme=programme, name="Cohort A", submissions=accepted(programme, 2)
    )
    client.force_login(programme_team)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cohorts_admin:cohort", args=[cohort.pk]))

    assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_other_staff_cannot_see_a_cohorts_contacts(client, programme):
    cohort = services.create_cohort(
        programme=programme, name="Cohort A", submissions=accepted(programme, 2)
    )
    editor = UserFactory(email="eddie@example.org", groups=["Editors"], is_staff=True)
    client.force_login(editor)

    response = client.get(reverse("cohorts_admin:cohort", args=[cohort.pk]))

    assert response.status_code in (302, 403)
    assert "contact0@example.org" not in response.content.decode()


def test_formation_page_shows_the_suggestion_and_forms_it(client, programme, programme_team):
    accepted(programme, 4)
    client.force_login(programme_team)
    url = reverse("cohorts_admin:programme", args=[programme.pk])

    html = client.get(url).content.decode()
    assert "Form these cohorts" in html
    assert seed.COHORT_GROUPS[0] in html

    response = client.post(url)

    assert response.status_code == 302
    assert Cohort.objects.filter(programme=programme).count() == 1
    assert Cohort.objects.get().memberships.count() == 4


def test_admin_cohort_form_refuses_an_organisation_not_accepted(programme, programme_team):

    form_class = CohortViewSet().get_form_class()
    rejected = SubmissionFactory(call=programme, status=SubmissionStatus.REJECTED)
    good = accepted(programme, 1)[0]
    elsewhere = accepted(CohortProgrammePageFactory(parent=programme.get_parent()), 1)[0]
    data = {
        "programme": programme.pk,
        "name": "Hand made",
        "notes": "",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-submission": good.pk,
        "memberships-0-ORDER": "1",
        "memberships-1-submission": rejected.pk,
        "memberships-1-ORDER": "2",
    }

    form = form_class(data, instance=Cohort(), for_user=programme_team)
    other_programme = form_class(
        {**data, "memberships-1-submission": elsewhere.pk},
        instance=Cohort(),
        for_user=programme_team,
    )

    # Only accepted applications are offered; one accepted onto another programme is
    # offered, but refused for this one.
    assert not form.is_valid()
    assert form.formsets["memberships"].errors[1] == {
        "submission": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert not other_programme.is_valid()
    assert other_programme.non_field_errors() == [
        f"{elsewhere.title} was not accepted onto {programme.title}."
    ]


def test_membership_reads_contacts_from_the_application(programme):
    submission = accepted(programme, 1)[0]
    membership = CohortMembershipFactory(cohort__programme=programme, submission=submission)

    assert membership.organisation_name == submission.cohort_application.organisation_name
    assert membership.contact_email == "contact0@example.org"
    assert membership.contact_name == "Contact 0"
