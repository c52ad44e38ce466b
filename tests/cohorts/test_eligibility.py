"""The eligibility screen: a first step in front of the engine's form, without JavaScript."""

import pytest
from django.utils import timezone

from cohorts import demo_content as seed
from cohorts.factories import CohortProgrammePageFactory, add_call_questions
from cohorts.views import ELIGIBLE_SESSION_KEY
from proposals.factories import SubmissionFactory, UserFactory
from proposals.models import Submission

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


@pytest.fixture
def applicant(client):
    user = UserFactory(email="org@example.org")
    client.force_login(user)
    return user


def answer(client, page, **answers):
    data = {"eligibility-step": "1"}
    data.update({f"eligibility-{key}": value for key, value in answers.items()})
    return client.post(page.url, data)


def test_the_form_starts_with_the_eligibility_questions(client, applicant, programme):
    html = client.get(programme.url).content.decode()

    assert "Check you can apply" in html
    assert "<legend>Are you applying on behalf of an organisation?</legend>" in html
    assert 'name="eligibility-q0"' in html and 'name="eligibility-q1"' in html
    # The application questions are not shown yet.
    assert "Tell us about your organisation" not in html
    assert 'name="details-organisation_name"' not in html


def test_an_individual_is_told_kindly_and_keeps_their_answers(client, applicant, programme):
    response = answer(client, programme, q0="no", q1="yes")

    html = response.content.decode()
    assert response.status_code == 200
    assert "This opportunity is not open to you" in html
    assert "only open to organisations" in html
    assert "with marginalised groups in the UK. We hope" not in html
    assert 'value="no" id="id_eligibility-q0_1" required checked' in html
    assert ELIGIBLE_SESSION_KEY not in client.session
    assert "Tell us about your organisation" not in html


def test_missing_answers_are_reported_next_to_the_question_and_in_a_summary(
    client, applicant, programme
):
    html = answer(client, programme, q1="yes").content.decode()

    assert 'class="error-summary"' in html
    assert 'href="#id_eligibility-q0_0"' in html
    assert 'id="id_eligibility-q0_error">Answer yes or no.' in html
    assert 'value="yes" id="id_eligibility-q1_0" required checked' in html


def test_an_organisation_goes_on_to_the_engines_form(client, applicant, programme):
    response = answer(client, programme, q0="yes", q1="yes")

    assert response.status_code == 302
    assert response["Location"] == programme.url + "#apply"
    html = client.get(programme.url).content.decode()
    assert "Check you can apply" not in html
    assert 'name="details-organisation_name"' in html
    assert "Tell us about your organisation" in html
    for group in seed.COHORT_GROUPS:
        assert group in html


def test_posting_the_application_without_the_screen_shows_the_screen(client, applicant, programme):
    response = client.post(
        programme.url, {"action": "submit", "details-organisation_name": "Skipped the screen"}
    )

    assert "Check you can apply" in response.content.decode()
    assert not Submission.objects.filter(call_id=programme.pk).exists()


def test_someone_with_an_application_here_is_not_screened_again(client, applicant, programme):
    SubmissionFactory(call=programme, applicant=applicant, status="draft", submitted_at=None)

    html = client.get(programme.url).content.decode()

    assert "Check you can apply" not in html
    assert 'name="details-organisation_name"' in html


def test_a_closed_programme_shows_no_screen(client, applicant, programme):

    programme.closes_at = timezone.now()
    programme.save()

    html = client.get(programme.url).content.decode()

    assert "Check you can apply" not in html
    assert "This call is closed" in html
