"""The admin's home page as a reviewer and as the Programme team see it: the reviewer's
queue per call (to do, done, each review a link), each active call's progress for the
Programme team, and the listings they lead to. axe-core checks each panel and listing."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from proposals.factories import ReviewFactory, SubmissionFactory
from proposals.models import SubmissionStatus

from .test_proposals import _sign_in, _user, open_call  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(open_call):  # noqa: F811
    rae = _user("rae@example.org", groups=["Reviewers"])
    todo = SubmissionFactory(call=open_call, title="Open data audits")
    done = SubmissionFactory(
        call=open_call, title="Council budgets", status=SubmissionStatus.ACCEPTED
    )
    done.outcome_sent_at = timezone.now()
    done.save()
    SubmissionFactory(call=open_call, title="Climate assemblies")
    return {
        "reviewer": rae,
        "todo": ReviewFactory(submission=todo, reviewer=rae),
        "done": ReviewFactory(
            submission=done, reviewer=rae, submitted_at=timezone.now(), mean_score=4.0
        ),
    }


def test_a_reviewer_finds_their_queue_on_the_dashboard(
    queue,
    browser_page,
    assert_accessible,
):
    page = browser_page
    _sign_in(page, "rae@example.org")

    page.goto("/admin/")
    panel = page.locator("#proposals-review-queue-section")
    expect(panel).to_contain_text("TICTeC 2025: call for session proposals")
    expect(panel).to_contain_text("1 to do, 1 of 2 reviewed")
    expect(panel.get_by_role("link", name="Open data audits")).to_be_visible()
    expect(page.locator("#proposals-call-progress-section")).to_have_count(0)
    assert_accessible(page, context="#proposals-review-queue-section")

    panel.get_by_text("Reviewed: 1").click()
    expect(panel.get_by_role("link", name="Council budgets")).to_be_visible()
    panel.get_by_role("link", name="Open data audits").click()
    expect(page).to_have_url(f"/admin/calls/reviews/{queue['todo'].pk}/")

    page.goto("/admin/")
    page.locator("#proposals-review-queue-section").get_by_role(
        "link", name="All my reviews"
    ).click()
    table = page.locator("#listing-results table")
    expect(table).to_contain_text("Open data audits")
    expect(table).to_contain_text("Council budgets")
    assert_accessible(page)


def test_the_programme_team_sees_each_call_s_progress(
    open_call,  # noqa: F811
    queue,
    browser_page,
    assert_accessible,
):
    page = browser_page
    _user("pat@example.org", groups=["Programme team", "Reviewers"])
    _sign_in(page, "pat@example.org")

    page.goto("/admin/")
    panel = page.locator("#proposals-call-progress-section")
    row = panel.locator("tbody tr", has_text="TICTeC 2025: call for session proposals")
    cells = [text.strip() for text in row.locator("th, td").all_inner_texts()]
    assert cells == ["TICTeC 2025: call for session proposals", "3", "1 of 2", "1 of 3", "1 of 1"]
    assert_accessible(page, context="#proposals-call-progress-section")

    panel.get_by_role("link", name="All calls").click()
    expect(page.locator("#listing-results table")).to_contain_text(
        "TICTeC 2025: call for session proposals"
    )
    assert_accessible(page)

    page.locator("#listing-results").get_by_role(
        "link", name="TICTeC 2025: call for session proposals"
    ).click()
    expect(page).to_have_url(f"/admin/calls/{open_call.pk}/ranking/")
