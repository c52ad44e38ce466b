"""Decisions as Wagtail bulk actions, confirmed first; outcome emails to the applicants
staff pick, after a count and a preview; reviewer assignment and reminders confirmed
first; the current decision drawn as chosen; nothing of a call outside its group."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from home.models import EmailLog
from proposals import emails, services
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import Review, SubmissionStatus

pytestmark = pytest.mark.django_db


def bulk(action):
    return reverse("wagtail_bulk_action", args=["proposals", "submission", action])


@pytest.fixture
def three(call):
    return [
        SubmissionFactory(call=call, title=title, applicant_email=f"{n}@example.org")
        for n, title in enumerate(["Open data audits", "Council budgets", "Climate assemblies"])
    ]


def statuses(submissions):
    for submission in submissions:
        submission.refresh_from_db()
    return [submission.status for submission in submissions]


def test_the_ranking_offers_decisions_on_the_selected_rows_without_javascript(
    client, call, programme, three
):
    client.force_login(programme)

    html = client.get(reverse("proposals_ranking:index", args=[call.pk])).content.decode()

    form = re.search(r'<form id="ranking-actions"[^>]*method="get"', html)
    assert form
    assert f'name="id" value="{three[0].pk}" form="ranking-actions"' in html
    assert f'formaction="{bulk("accept")}"' in html
    assert f'formaction="{bulk("assign-reviewers")}"' in html


def test_bulk_decisions_change_nothing_until_confirmed(client, call, programme, three):
    first, second, third = three
    client.force_login(programme)
    url = f"{bulk('accept')}?id={first.pk}&id={second.pk}&next=/admin/calls/{call.pk}/ranking/"

    confirmation = client.get(url)

    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "Accept these submissions? Nobody is emailed yet." in page
    assert "Open data audits" in page and "Council budgets" in page
    assert "Climate assemblies" not in page
    assert "Yes, accept them" in page
    assert statuses(three) == [SubmissionStatus.SUBMITTED] * 3

    done = client.post(url)

    assert done.status_code == 302 and done["Location"] == f"/admin/calls/{call.pk}/ranking/"
    assert statuses(three) == [
        SubmissionStatus.ACCEPTED,
        SubmissionStatus.ACCEPTED,
        SubmissionStatus.SUBMITTED,
    ]
    client.post(f"{bulk('reject')}?id={third.pk}")
    client.post(f"{bulk('waitlist')}?id={second.pk}")
    assert statuses(three) == [
        SubmissionStatus.ACCEPTED,
        SubmissionStatus.WAITLISTED,
        SubmissionStatus.REJECTED,
    ]
    assert not mail.outbox


def test_bulk_actions_leave_out_what_the_user_may_not_manage(
    client, call, vacancy, programme, outsider, reviewer, three
):
    confidential = SubmissionFactory(call=vacancy, title="Applying to chair the board")

    client.force_login(outsider)
    hidden = client.post(f"{bulk('accept')}?id={confidential.pk}", follow=True)
    mixed = client.post(f"{bulk('accept')}?id={confidential.pk}&id={three[0].pk}")
    client.force_login(reviewer)
    refused = client.get(f"{bulk('accept')}?id={three[1].pk}", follow=True)

    assert hidden.status_code == 404
    assert mixed.status_code == 302
    assert statuses([confidential, three[0], three[1]]) == [
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.ACCEPTED,
        SubmissionStatus.SUBMITTED,
    ]
    assert refused.status_code in (403, 404) or "do not have permission" in refused.content.decode()


def test_assigning_reviewers_to_the_selected_submissions_is_confirmed_first(
    client, call, programme, three
):
    reviewers = [UserFactory(groups=["Reviewers"]) for _ in range(call.reviews_per_submission)]
    client.force_login(programme)
    url = f"{bulk('assign-reviewers')}?id={three[0].pk}"

    client.get(url)
    assert not Review.objects.exists()
    client.post(url)

    assert Review.objects.filter(submission=three[0]).count() == len(reviewers)
    assert not Review.objects.exclude(submission=three[0]).exists()


def test_assigning_and_reminding_for_the_whole_call_are_confirmed_first(
    client, call, programme, three
):
    UserFactory(groups=["Reviewers"])
    client.force_login(programme)

    asked = client.get(reverse("proposals_decisions:auto_assign", args=[call.pk]))
    assert asked.status_code == 200 and not Review.objects.exists()
    client.post(reverse("proposals_decisions:auto_assign", args=[call.pk]))
    assert Review.objects.count() >= 3

    reminder = client.get(reverse("proposals_decisions:remind", args=[call.pk]))
    assert "will each be emailed a reminder" in reminder.content.decode() or (
        "will be emailed a reminder" in reminder.content.decode()
    )
    assert not EmailLog.objects.exists()
    client.post(reverse("proposals_decisions:remind", args=[call.pk]))
    assert EmailLog.objects.filter(kind="review_reminder").exists()


def test_only_the_selected_applicants_are_emailed_after_a_preview(
    client, call, programme, three, on_commit
):
    first, second, third = three
    services.decide(submissions=[first, second], status=SubmissionStatus.ACCEPTED)
    services.decide(submissions=[third], status=SubmissionStatus.REJECTED)
    client.force_login(programme)

    choose = client.get(reverse("proposals_decisions:outcomes", args=[call.pk])).content.decode()
    url = f"{bulk('send-outcome-emails')}?id={first.pk}&id={third.pk}"
    preview = client.get(url).content.decode()

    assert "3 applicants have a decision and have not been emailed yet." in choose
    assert f'name="id" value="{second.pk}" id="outcome-{second.pk}">' in choose  # not ticked
    everyone = client.get(
        reverse("proposals_decisions:outcomes", args=[call.pk]), {"select": "all"}
    ).content.decode()
    assert f'id="outcome-{second.pk}" checked>' in everyone
    assert "2 applicants will be emailed their outcome now" in preview
    assert "Accepted: 1 email" in preview and "Not accepted: 1 email" in preview
    assert "Your submission has been accepted: Open data audits" in preview
    assert "Council budgets" not in preview
    assert "Send 2 emails" in preview
    assert not EmailLog.objects.exists()

    with on_commit(execute=True):
        client.post(url)
        again = client.post(url)  # a second click: nobody is emailed twice

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [emails.recipient_for(first), emails.recipient_for(third)]
    )
    assert again.status_code in (302, 404)  # 404, through the language redirect
    still = client.get(reverse("proposals_decisions:outcomes", args=[call.pk])).content.decode()
    assert "1 applicant has a decision and has not been emailed yet." in still


def test_the_current_decision_is_drawn_as_chosen(client, call, programme, three):
    services.decide(submissions=[three[0]], status=SubmissionStatus.WAITLISTED)
    client.force_login(programme)

    html = client.get(
        reverse("proposals_decisions:submission", args=[call.pk, three[0].pk])
    ).content.decode()

    buttons = dict(
        (value, attrs)
        for attrs, value in re.findall(r'<button ([^>]*value="(\w+)"[^>]*)>', html)
        if value in services.DECISIONS
    )
    pressed = {value for value, attrs in buttons.items() if 'aria-pressed="true"' in attrs}
    assert pressed == {"waitlist"}
    assert "button-secondary" not in buttons["waitlist"]
    assert all("button-secondary" in buttons[value] for value in ("accept", "reject"))


def test_erasing_personal_data_needs_the_box_ticked(client, call, programme, three):
    client.force_login(programme)
    url = reverse("proposals_decisions:submission", args=[call.pk, three[0].pk])

    refused = client.post(url, {"action": "erase"})
    three[0].refresh_from_db()
    assert refused.status_code == 400 and three[0].applicant_email == "0@example.org"

    client.post(url, {"action": "erase", "understood": "on"})
    three[0].refresh_from_db()
    assert three[0].applicant_email != "0@example.org"


def test_a_reviewer_reaches_none_of_the_decision_pages(client, call, reviewer, three):
    ReviewFactory(submission=three[0], reviewer=reviewer)
    client.force_login(reviewer)

    answers = [
        client.get(reverse(name, args=args)).status_code
        for name, args in [
            ("proposals_decisions:outcomes", [call.pk]),
            ("proposals_decisions:auto_assign", [call.pk]),
            ("proposals_decisions:remind", [call.pk]),
            ("proposals_decisions:submission", [call.pk, three[0].pk]),
        ]
    ]

    assert set(answers) <= {302, 403}
