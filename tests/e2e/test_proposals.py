"""Browser journeys for the proposals engine: an applicant drafts, comes back and
submits; a reviewer scores in the admin. axe-core checks every public page on the way."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from conference.call.factories import CallForProposalsPageFactory
from conference.factories import (
    ApproachFactory,
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    SessionFormatFactory,
    ThemeFactory,
)
from proposals.factories import (
    CallPageFactory,
    CallQuestionFactory,
    ReviewFactory,
    RubricCriterionFactory,
    UserFactory,
)
from proposals.models import Review, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "tictec-demo-2025"


def _user(email, groups=()):

    user = UserFactory(email=email, first_name="Amani", last_name="Applicant", groups=list(groups))
    # Transactional tests flush the data migration that gives these groups admin access.
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in Group.objects.filter(name__in=groups):
        group.permissions.add(access_admin)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()


@pytest.fixture
def open_call(home_page):
    call = CallPageFactory(
        parent=home_page,
        slug="tictec-2025-call",
        title="TICTeC 2025: call for session proposals",
        closes_at=timezone.now() + datetime.timedelta(days=10),
    )
    CallQuestionFactory(page=call, label="Summary", field_type="multiline", word_limit=50)
    CallQuestionFactory(
        page=call,
        label="Theme",
        field_type="radio",
        choices="Access to information and open data\nDemocracy, people and politics\nClimate change",
    )
    RubricCriterionFactory(page=call, name="Alignment with the conference themes")
    call.save_revision().publish()
    return call


def test_applicant_drafts_comes_back_and_submits(open_call, browser_page, assert_accessible):
    page = browser_page
    _user("amani@example.org")
    _sign_in(page, "amani@example.org")

    page.goto("/en/tictec-2025-call/")
    assert page.locator("h1").all_inner_texts() == ["TICTeC 2025: call for session proposals"]
    assert_accessible(page)

    # Submitting an empty form shows the error summary and errors next to each field.
    page.get_by_role("button", name="Submit").click()
    assert page.locator("#error-summary h2").inner_text() == "There is a problem"
    assert page.locator("#id_title-error").inner_text() == "This field is required."
    assert_accessible(page)

    # Save a draft, then come back to it later.
    page.fill("#id_title", "Using FOI data to track political donations")
    page.get_by_role("button", name="Save draft").click()
    assert "Draft saved" in page.locator(".messages").inner_text()
    page.goto("/en/tictec-2025-call/")
    page.get_by_role("link", name="Continue this draft").click()
    assert page.locator("#id_title").input_value() == "Using FOI data to track political donations"

    page.fill("#id_summary", "How access to information requests exposed undeclared donations.")
    page.get_by_label("Democracy, people and politics").check()
    page.get_by_role("button", name="Submit").click()

    assert page.locator("h1").inner_text() == "Using FOI data to track political donations"
    assert "your submission has been received" in page.locator(".messages").inner_text()
    assert_accessible(page)
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.SUBMITTED

    page.goto("/my-submissions/")
    assert page.locator("tbody th").all_inner_texts() == [
        "Using FOI data to track political donations"
    ]
    assert page.locator("tbody .status").all_inner_texts() == ["Submitted"]
    assert_accessible(page)


def test_closed_call_page_is_accessible(open_call, browser_page, assert_accessible):
    open_call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    open_call.save_revision().publish()

    browser_page.goto("/en/tictec-2025-call/")

    assert browser_page.locator("#apply-heading").inner_text() == "This call is closed"
    assert_accessible(browser_page)


def test_reviewer_scores_a_submission_in_the_admin(open_call, browser_page, assert_accessible):
    page = browser_page
    reviewer = _user("rae@example.org", groups=["Reviewers"])
    submission = Submission.objects.create(
        call=open_call,
        applicant=UserFactory(),
        title="Participatory budgeting with a city council",
        status=SubmissionStatus.SUBMITTED,
        submitted_at=timezone.now(),
        answers={"summary": "Three years of participatory budgeting."},
        questions=[
            {
                "key": "summary",
                "label": "Summary",
                "field_type": "multiline",
                "help_text": "",
                "choices": "",
            }
        ],
    )
    review = ReviewFactory(submission=submission, reviewer=reviewer)
    _sign_in(page, "rae@example.org")

    page.goto("/admin/calls/reviews/")
    assert "0 of 1 reviewed" in page.locator("main").inner_text()
    page.get_by_role("link", name="Participatory budgeting with a city council").click()
    assert "Three years of participatory budgeting." in page.locator("main").inner_text()
    assert_accessible(page, context=".proposals-review")

    page.get_by_label("4", exact=True).check()
    page.get_by_label("Recommendation").select_option("accept")
    page.get_by_label("Comment for the programme team").fill("Clear evidence of impact.")
    page.get_by_role("button", name="Submit review").click()

    assert "Review saved" in page.locator("main").inner_text()
    review = Review.objects.get(pk=review.pk)
    assert review.mean_score == 4.0
    assert review.recommendation == "accept"


def test_conference_call_form_with_typed_fields_is_accessible(
    home_page, browser_page, assert_accessible
):

    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home_page), slug="tictec-2025"
    )
    SessionFormatFactory(conference=conference, name="20-minute presentation", slug="presentation")
    ThemeFactory(conference=conference, name="Climate change", slug="climate")
    ApproachFactory(conference=conference, name="Defensive", slug="defensive")
    call = CallForProposalsPageFactory(parent=conference, slug="call-for-proposals")
    call.save_revision().publish()
    _user("kemi@example.org")
    _sign_in(browser_page, "kemi@example.org")

    browser_page.goto(
        "/en/tictec/tictec-2025/call-for-proposals/".replace(
            "/tictec/", f"/{conference.get_parent().slug}/"
        )
    )
    browser_page.get_by_role("button", name="Submit").click()

    assert browser_page.locator("#error-summary").is_visible()
    assert browser_page.locator("legend").filter(has_text="Format").count() == 1
    assert_accessible(browser_page)
