"""The calls overview ("Calls and rankings"): each call the user manages, named with its
conference, its submissions, reviews, decisions and outcome emails counted, linked to its
ranking; filters, search, no abandoned drafts, nothing confidential outside its group."""

import datetime

import pytest
from django.utils import timezone

from proposals.factories import CallPageFactory, ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db

CALLS = "/admin/calls/"


def listed(response):
    return {call.name: call for call in response.context["object_list"]}


def names(response):
    return sorted(name.casefold() for name in listed(response))


@pytest.fixture
def progress(conference_call, reviewer, other_reviewer):
    """The TICTeC call: three submitted (two decided, one of them emailed), one draft, one
    withdrawn; four reviews assigned, three done, one conflict declared."""
    now = timezone.now()
    first, second, third = (
        SubmissionFactory(call=conference_call, status=status, decided_at=decided)
        for status, decided in (
            (SubmissionStatus.ACCEPTED, now),
            (SubmissionStatus.REJECTED, now),
            (SubmissionStatus.SUBMITTED, None),
        )
    )
    first.outcome_sent_at = now
    first.save()
    SubmissionFactory(call=conference_call, status=SubmissionStatus.DRAFT, submitted_at=None)
    SubmissionFactory(call=conference_call, status=SubmissionStatus.WITHDRAWN)
    for submission in (first, second):
        ReviewFactory(submission=submission, reviewer=reviewer, submitted_at=now)
    ReviewFactory(submission=first, reviewer=other_reviewer, submitted_at=now)
    ReviewFactory(submission=third, reviewer=reviewer)
    ReviewFactory(submission=third, reviewer=other_reviewer, conflict_declared=True)
    return conference_call


def test_each_call_is_named_with_its_conference_counted_and_linked_to_its_ranking(
    client, programme, progress
):
    client.force_login(programme)
    response = client.get(CALLS)
    (call,) = listed(response).values()
    html = response.content.decode()

    assert call.name.casefold() == "tictec 2025: call for session proposals"
    assert (
        call.submitted,
        call.drafts,
        call.reviews_done,
        call.reviews_total,
        call.decided,
        call.emailed,
    ) == (4, 1, 3, 4, 2, 1)
    assert str(call.state_label) == "Open"
    assert f'href="/admin/calls/{progress.pk}/ranking/"' in html
    assert "3 of 4" in html


def test_an_abandoned_draft_of_a_new_round_is_not_listed_but_scheduled_and_dated_drafts_are(
    client, programme, home_page
):
    later = timezone.now() + datetime.timedelta(days=10)
    CallPageFactory(parent=home_page, title="Live call")
    CallPageFactory(parent=home_page, title="Abandoned draft", live=False, closes_at=None)
    CallPageFactory(
        parent=home_page, title="Scheduled round", live=False, closes_at=None, go_live_at=later
    )
    CallPageFactory(parent=home_page, title="Draft with a deadline", live=False, closes_at=later)
    client.force_login(programme)

    assert names(client.get(CALLS)) == [
        "draft with a deadline",
        "live call",
        "scheduled round",
    ]


def test_filters_by_state_and_kind_and_search_by_title(
    client, programme, home_page, conference_call
):
    now = timezone.now()
    CallPageFactory(
        parent=home_page,
        title="Action Lab 2024",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )
    CallPageFactory(
        parent=home_page, title="Trustee round", opens_at=now + datetime.timedelta(days=3)
    )
    client.force_login(programme)

    def get(**params):
        return names(client.get(CALLS + "results/", params))

    assert get(state="open") == ["tictec 2025: call for session proposals"]
    assert get(state="closed") == ["action lab 2024"]
    assert get(state="upcoming") == ["trustee round"]
    assert get(kind="conference.callforproposalspage") == [
        "tictec 2025: call for session proposals"
    ]
    assert get(q="trustee") == ["trustee round"]


def test_a_confidential_call_is_listed_only_for_its_group(
    client, vacancy, board_group, outsider, conference_call
):
    member = UserFactory(email="chair@example.org", groups=["Programme team"])
    member.groups.add(board_group)
    SubmissionFactory(call=vacancy, title="Margaret Okafor")

    client.force_login(outsider)
    outside = client.get(CALLS)
    client.force_login(member)
    inside = client.get(CALLS)

    assert "Chair of the charity board" not in outside.content.decode()
    assert names(outside) == ["tictec 2025: call for session proposals"]
    assert [name for name in names(inside) if name.endswith("chair of the charity board")]


@pytest.mark.parametrize("role", ["reviewer not on the programme team", "editor", "stranger"])
def test_only_the_programme_team_reaches_the_overview(
    client, role, reviewer, editor, conference_call
):
    person = {"reviewer not on the programme team": reviewer, "editor": editor}.get(role)
    if person:
        client.force_login(person)
    response = client.get(CALLS)

    assert response.status_code in (302, 403)
    assert "Call for session proposals" not in response.content.decode()
    if person is None:
        assert "/login/" in response["Location"]


def test_the_menu_shows_a_reviewer_only_their_queue(client, reviewer, programme):
    client.force_login(reviewer)
    as_reviewer = client.get("/admin/").content.decode()
    client.force_login(programme)
    as_programme = client.get("/admin/").content.decode()

    assert "/admin/calls/reviews/" in as_reviewer
    assert '"/admin/calls/"' not in as_reviewer
    assert "/admin/email_log/" not in as_reviewer
    for url in ("/admin/calls/reviews/", '"/admin/calls/"', "/admin/email_log/"):
        assert url in as_programme


def test_the_overview_reads_a_fixed_number_of_queries(
    client, programme, conference_call, call, reviewer, django_assert_max_num_queries
):
    def add(n):
        for page in (call, conference_call):
            for submission in SubmissionFactory.create_batch(n, call=page):
                ReviewFactory(submission=submission, reviewer=reviewer)

    client.force_login(programme)
    add(2)
    client.get(CALLS)
    with django_assert_max_num_queries(40) as small_queries:
        small = client.get(CALLS)
    add(20)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(CALLS)

    assert sorted(call.submitted for call in small.context["object_list"]) == [2, 2]
    assert sorted(call.submitted for call in large.context["object_list"]) == [22, 22]
