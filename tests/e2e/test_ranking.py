"""The Programme team's ranking in a browser: every rubric criterion has its column filled
with its mean, decisions on the rows selected are confirmed on a second page, and outcome
emails go to the applicants picked, after a preview. axe-core checks each screen."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from home.models import EmailLog
from proposals import services
from proposals.factories import ReviewFactory, RubricCriterionFactory, SubmissionFactory
from proposals.models import Submission, SubmissionStatus

from .test_proposals import _sign_in, _user, open_call  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reviewed(open_call):  # noqa: F811
    """Three proposals scored by two reviewers on two criteria, one not reviewed yet."""
    RubricCriterionFactory(page=open_call, name="Practical experience and evidence of impact")
    open_call.save_revision().publish()
    criteria = open_call.get_criteria()
    judges = [_user(f"judge{i}@example.org", groups=["Reviewers"]) for i in range(2)]
    titles = ["Open data audits", "Council budgets", "Climate assemblies"]
    submissions = [
        SubmissionFactory(call=open_call, title=title, submitted_at=timezone.now())
        for title in titles
    ]
    for judge, scores in zip(judges, [((5, 4), (2, 3)), ((4, 4), (3, 1))], strict=True):
        for submission, (first, second) in zip(submissions[:2], scores, strict=True):
            services.record_review(
                review=ReviewFactory(submission=submission, reviewer=judge),
                scores={criteria[0].pk: first, criteria[1].pk: second},
                by=judge,
            )
    return submissions


def test_programme_team_ranks_decides_and_emails_the_applicants_they_pick(
    open_call,  # noqa: F811
    reviewed,
    browser_page,
    assert_accessible,
):
    page = browser_page
    audits, budgets, assemblies = reviewed
    _user("pat@example.org", groups=["Programme team", "Reviewers"])
    _sign_in(page, "pat@example.org")

    page.goto(f"/admin/calls/{open_call.pk}/ranking/")
    table = page.locator("#listing-results table")
    headers = table.locator("thead th").all_inner_texts()
    assert "Alignment with the conference themes" in [h.strip() for h in headers]
    audits_row = table.locator("tr", has=page.get_by_role("link", name="Open data audits"))
    column = [h.strip() for h in headers].index("Alignment with the conference themes")
    assert audits_row.locator("td, th").nth(column).inner_text().strip() == "4.5"
    practical = [h.strip() for h in headers].index("Practical experience and evidence of impact")
    assert audits_row.locator("td, th").nth(practical).inner_text().strip() == "4.0"
    page.get_by_text("What these numbers mean").click()
    assert "a harsh and a generous reviewer count the same" in page.locator("main").inner_text()
    assert_accessible(page, context="main")

    page.get_by_role("checkbox", name="Open data audits").check()
    page.get_by_role("checkbox", name="Council budgets").check()
    page.get_by_role("button", name="Accept…").click()

    expect(page.locator("main")).to_contain_text("Accept these submissions? Nobody is emailed yet.")
    assert_accessible(page, context="main")
    assert Submission.objects.filter(status=SubmissionStatus.ACCEPTED).count() == 0
    page.get_by_role("button", name="Yes, accept them").click()

    expect(page.locator("body")).to_contain_text("2 submissions marked “Accepted”")
    assert set(
        Submission.objects.filter(status=SubmissionStatus.ACCEPTED).values_list("pk", flat=True)
    ) == {audits.pk, budgets.pk}

    page.get_by_role("link", name="Outcome emails…").click()
    expect(page.locator("main")).to_contain_text("2 applicants have a decision")
    assert_accessible(page, context="main")
    page.get_by_label("Open data audits", exact=False).check()
    page.get_by_role("button", name="Preview the emails for those selected").click()

    expect(page.locator("main")).to_contain_text("1 applicant will be emailed their outcome now")
    main = page.locator("main").inner_text()
    assert "Your submission has been accepted: Open data audits" in main
    assert not EmailLog.objects.exists()
    assert_accessible(page, context="main")
    page.get_by_role("button", name="Send 1 email").click()

    expect(page.locator("body")).to_contain_text("1 outcome email queued.")
    assert list(EmailLog.objects.values_list("about_id", flat=True)) == [audits.pk]
    assert assemblies.pk not in EmailLog.objects.values_list("about_id", flat=True)
