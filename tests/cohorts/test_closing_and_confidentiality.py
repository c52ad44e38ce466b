"""Server side: applications refused a second after closing; board applications confidential."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from cohorts import demo_content as seed
from cohorts.factories import VacancyPageFactory, add_call_questions
from cohorts.models import BoardRole
from proposals.factories import MINIMAL_PDF, ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def trustee_vacancy(index_page):
    # 10.00am London on the Monday after the clocks go forward: 09:00 UTC.
    closes_at = datetime.datetime(2024, 4, 1, 9, 0, tzinfo=datetime.UTC)
    page = VacancyPageFactory(
        parent=index_page,
        role=BoardRole.TRUSTEE,
        title="Trustee",
        opens_at=closes_at - datetime.timedelta(days=30),
        closes_at=closes_at,
        restricted_to_group=Group.objects.get(name="Programme team"),
    )
    add_call_questions(page, seed.BOARD_QUESTIONS)
    return page


def application(email):
    pdf = {"content_type": "application/pdf"}
    return {
        "action": "submit",
        "title": "Margaret Okafor",
        "your_email_address": email,
        "your_cv": SimpleUploadedFile("cv.pdf", MINIMAL_PDF, **pdf),
        "your_cover_letter": SimpleUploadedFile("letter.pdf", MINIMAL_PDF, **pdf),
    }


@pytest.mark.parametrize(("offset", "stored"), [(-1, True), (1, False)])
def test_a_trustee_application_one_second_either_side_of_closing(
    client, trustee_vacancy, offset, stored
):
    applicant = UserFactory(email="margaret@example.org")
    client.force_login(applicant)
    moment = trustee_vacancy.closes_at + datetime.timedelta(seconds=offset)

    with mock.patch("django.utils.timezone.now", return_value=moment):
        response = client.post(trustee_vacancy.url, application(applicant.email))

    saved = Submission.objects.filter(call_id=trustee_vacancy.pk, applicant=applicant)
    assert saved.filter(status=SubmissionStatus.SUBMITTED).exists() is stored
    assert saved.get().files.count() == 2  # a late application is kept as a draft
    if stored:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
        assert saved.get().status == SubmissionStatus.DRAFT
        assert "This call is closed" in response.content.decode()
        assert "Monday 1 April 2024, 10:00 BST" in response.content.decode()


def test_board_applications_are_seen_only_by_the_named_group(trustee_vacancy):
    submission = SubmissionFactory(call=trustee_vacancy)
    programme_team = UserFactory(email="pat@example.org", groups=["Programme team"], is_staff=True)
    reviewer = UserFactory(email="rae@example.org", groups=["Reviewers"], is_staff=True)
    editor = UserFactory(email="eddie@example.org", groups=["Editors"], is_staff=True)
    assigned = UserFactory(email="assigned@example.org", groups=["Reviewers"], is_staff=True)
    ReviewFactory(submission=submission, reviewer=assigned)

    visible = {
        user.email: Submission.objects.visible_to(user).filter(pk=submission.pk).exists()
        for user in (programme_team, reviewer, editor, assigned)
    }

    assert visible == {
        "pat@example.org": True,
        "rae@example.org": False,
        "eddie@example.org": False,
        "assigned@example.org": True,
    }


def test_a_vacancy_restricted_to_another_group_hides_it_from_the_programme_team(trustee_vacancy):
    board_panel = Group.objects.create(name="Nominations panel")
    trustee_vacancy.restricted_to_group = board_panel
    trustee_vacancy.save()
    submission = SubmissionFactory(call=trustee_vacancy)
    programme_team = UserFactory(email="pat@example.org", groups=["Programme team"])
    panel_member = UserFactory(
        email="chair@example.org", groups=["Programme team", "Nominations panel"]
    )

    assert not Submission.objects.visible_to(programme_team).filter(pk=submission.pk).exists()
    assert Submission.objects.visible_to(panel_member).filter(pk=submission.pk).exists()
