"""Browser journeys: an organisation applies to the FOI cohort and is placed in a cohort;
a person applies for a trustee role with a CV and is refused one second after closing."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from cohorts import demo_content as seed
from cohorts import services
from cohorts.factories import (
    ActionLabPageFactory,
    CohortApplicationFactory,
    CohortProgrammePageFactory,
    OpportunityIndexPageFactory,
    VacancyPageFactory,
    add_call_questions,
    add_rubric,
)
from cohorts.models import BoardRole
from proposals import services as engine
from proposals.factories import MINIMAL_PDF, UserFactory
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(browser_page, client, live_server, user):
    client.force_login(user)
    browser_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def index(home_page):
    home_page.save_revision().publish()
    return OpportunityIndexPageFactory(parent=home_page, slug="opportunities")


def test_organisation_is_screened_applies_and_is_told_its_cohort(
    index, browser_page, assert_accessible, client, live_server
):
    programme = CohortProgrammePageFactory(
        parent=index,
        slug="foi-support",
        reviews_per_submission=1,
        eligibility_questions=[
            ("question", dict(seed.ORGANISATION_QUESTION)),
            ("question", dict(seed.UK_QUESTION)),
        ],
    )
    add_call_questions(programme, seed.COHORT_QUESTIONS)
    add_rubric(programme, seed.COHORT_RUBRIC)
    applicant = UserFactory(
        email="sam@leedsrenters.example.org", first_name="Sam", last_name="Okoye"
    )
    sign_in(browser_page, client, live_server, applicant)

    # Finds the programme on the opportunities page.
    browser_page.goto("/en/opportunities/")
    browser_page.get_by_role("link", name=programme.title).click()
    assert browser_page.get_by_role("heading", name="Check you can apply").is_visible()
    assert_accessible(browser_page)

    # Says they are an individual: told kindly, before the rest of the form.
    browser_page.get_by_label("No").first.check()
    browser_page.locator("fieldset").nth(1).get_by_label("Yes").check()
    browser_page.get_by_role("button", name="Continue").click()
    assert browser_page.get_by_role(
        "heading", name="This opportunity is not open to you"
    ).is_visible()
    assert "only open to organisations" in browser_page.locator(".screened-out").inner_text()
    assert browser_page.get_by_label("Tell us about your organisation").count() == 0
    assert_accessible(browser_page)

    # Changes the answer: screened in, on to the engine's form.
    browser_page.locator("fieldset").nth(0).get_by_label("Yes").check()
    browser_page.get_by_role("button", name="Continue").click()
    form = browser_page.locator("form", has=browser_page.get_by_role("button", name="Submit"))
    assert form.get_by_label("Name of your organisation").is_visible()

    # Submitting too early shows the errors (kept next to each field and in a summary).
    form.get_by_label("Name of your organisation").fill("Leeds Renters Together")
    browser_page.get_by_role("button", name="Submit").click()
    assert browser_page.locator(".error-summary").is_visible()
    assert (
        browser_page.get_by_label("Name of your organisation").input_value()
        == "Leeds Renters Together"
    )
    assert_accessible(browser_page)

    browser_page.get_by_label(seed.COHORT_GROUPS[0]).check()
    browser_page.get_by_label("Contact name").fill("Sam Okoye")
    browser_page.get_by_label("Contact email address").fill("sam@leedsrenters.example.org")
    browser_page.get_by_label("Tell us about your organisation").fill(
        "A renters' union run by and for private renters on low incomes in Leeds."
    )
    browser_page.get_by_role("button", name="Save draft").click()
    assert Submission.objects.get(call_id=programme.pk).status == SubmissionStatus.DRAFT

    browser_page.get_by_label(
        "What campaign or advocacy project would you like to use FOI for?"
    ).fill("Evidence on how often the council enforces repairs in private rented homes.")
    browser_page.get_by_label("A few times").check()
    browser_page.get_by_role("button", name="Submit").click()
    assert "your submission has been received" in browser_page.content()

    submission = Submission.objects.get(call_id=programme.pk)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.title == "Leeds Renters Together"
    assert submission.cohort_application.groups_served == [seed.COHORT_GROUPS[0]]
    assert [m.to for m in mail.outbox] == [["sam@leedsrenters.example.org"]]

    # A reviewer scores it, the programme team accepts it and forms a cohort.
    reviewer = UserFactory(email="rae@example.org", groups=["Reviewers"])
    review = engine.assign(submission=submission, reviewer=reviewer)
    criteria = programme.get_criteria()
    engine.record_review(
        review=review, scores={c.pk: 5 for c in criteria}, recommendation="accept", by=reviewer
    )
    engine.decide(submissions=[submission], status=SubmissionStatus.ACCEPTED)
    partner = CohortApplicationFactory(submission__call=programme).submission
    cohort = services.create_cohort(
        programme=programme, name="Cohort 1", submissions=[submission, partner]
    )
    mail.outbox.clear()
    services.notify_cohort(cohort=cohort)

    told = [m for m in mail.outbox if m.to == ["sam@leedsrenters.example.org"]]
    assert len(told) == 1
    assert "Leeds Renters Together is in Cohort 1" in told[0].body
    assert partner.cohort_application.organisation_name in told[0].body


def test_trustee_applies_with_a_cv_before_closing_and_is_refused_a_second_after(
    index, browser_page, assert_accessible, client, live_server
):
    closes_at = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    vacancy = VacancyPageFactory(
        parent=index, slug="trustee", title="Trustee", role=BoardRole.TRUSTEE, closes_at=closes_at
    )
    add_call_questions(vacancy, seed.BOARD_QUESTIONS)
    applicant = UserFactory(email="margaret@example.org", first_name="Margaret", last_name="Okafor")
    sign_in(browser_page, client, live_server, applicant)
    cv = {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}

    with mock.patch(
        "django.utils.timezone.now", return_value=closes_at - datetime.timedelta(seconds=1)
    ):
        browser_page.goto(vacancy.url)
        assert_accessible(browser_page)
        browser_page.get_by_role("button", name="Submit").click()
        assert (
            browser_page.locator(".error-summary").get_by_role("link", name="Your CV").count() == 1
        )
        assert_accessible(browser_page)
        browser_page.get_by_label("Your name").fill("Margaret Okafor")
        browser_page.get_by_label("Your email address").fill("margaret@example.org")
        browser_page.get_by_label("Your CV").set_input_files(cv)
        browser_page.get_by_label("Your cover letter").set_input_files({**cv, "name": "letter.pdf"})
        browser_page.get_by_role("button", name="Submit").click()
        assert "your submission has been received" in browser_page.content()

    submission = Submission.objects.get(call_id=vacancy.pk)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert sorted(f.original_name for f in submission.files.all()) == ["cv.pdf", "letter.pdf"]

    with mock.patch(
        "django.utils.timezone.now", return_value=closes_at - datetime.timedelta(seconds=1)
    ):
        browser_page.goto(f"{vacancy.url}?submission={submission.pk}")
        assert browser_page.get_by_role("button", name="Save changes").is_visible()
    with mock.patch(
        "django.utils.timezone.now", return_value=closes_at + datetime.timedelta(seconds=1)
    ):
        browser_page.get_by_label("Your name").fill("Margaret A. Okafor")
        browser_page.get_by_role("button", name="Save changes").click()
        assert browser_page.get_by_role("heading", name="This call is closed").is_visible()
        assert_accessible(browser_page)

    submission.refresh_from_db()
    assert submission.title == "Margaret Okafor"


def test_action_lab_application_form_and_its_errors_are_accessible(
    index, browser_page, assert_accessible, client, live_server
):
    lab = ActionLabPageFactory(parent=index, slug="action-lab-2", title="Action Lab #2")
    add_call_questions(lab, seed.ACTION_LAB_QUESTIONS)
    sign_in(browser_page, client, live_server, UserFactory(email="lucia@example.org"))

    browser_page.goto(lab.url)
    assert browser_page.get_by_label("Country").is_visible()
    assert_accessible(browser_page)
    browser_page.get_by_label("Country").fill("Argentina")
    browser_page.get_by_role("button", name="Submit").click()

    assert browser_page.locator(".error-summary").is_visible()
    assert browser_page.get_by_label("Country").input_value() == "Argentina"
    assert_accessible(browser_page)
