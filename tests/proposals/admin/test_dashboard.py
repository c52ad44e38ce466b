"""The admin's home page: a reviewer's queue (per call, to do and done, each review
linked) and, for the Programme team, each active call's progress (submitted, reviewed,
decided, outcome emailed), in a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from proposals.factories import CallPageFactory, ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def panel(response, name):
    (found,) = [p for p in response.context["panels"] if p.name == name]
    return found.get_context_data({"request": response.wsgi_request})


@pytest.fixture
def queue(conference_call, call, reviewer, other_reviewer):
    call.title = "Action Lab working group"
    call.save_revision().publish()
    now = timezone.now()
    todo = ReviewFactory(
        submission=SubmissionFactory(call=conference_call, title="Citizens' assemblies"),
        reviewer=reviewer,
    )
    done = ReviewFactory(
        submission=SubmissionFactory(call=conference_call, title="Home retrofit data"),
        reviewer=reviewer,
        submitted_at=now,
    )
    generic = ReviewFactory(
        submission=SubmissionFactory(call=call, title="Participatory budgeting"),
        reviewer=reviewer,
    )
    ReviewFactory(
        submission=SubmissionFactory(call=call, title="Not Rae's"), reviewer=other_reviewer
    )
    return {"todo": todo, "done": done, "generic": generic}


def test_a_reviewer_sees_their_queue_per_call_with_a_link_to_each_review(client, reviewer, queue):
    client.force_login(reviewer)
    response = client.get(HOME)
    html = response.content.decode()
    calls = panel(response, "proposals_review_queue")["calls"]

    assert [
        (
            call["name"].casefold(),
            call["to_do"],
            call["done"],
            [review.title for review in call["to_do_list"]],
            [review.title for review in call["done_list"]],
        )
        for call in calls
    ] == [
        ("action lab working group", 1, 0, ["Participatory budgeting"], []),
        (
            "tictec 2025: call for session proposals",
            1,
            1,
            ["Citizens' assemblies"],
            ["Home retrofit data"],
        ),
    ]
    assert "Your reviews" in html
    for review in queue.values():
        assert f'href="/admin/calls/reviews/{review.pk}/"' in html
    assert "Not Rae" not in html
    assert "Calls in progress" not in html


def test_the_programme_team_sees_each_active_call_s_progress(
    client, programme, conference_call, home_page, reviewer
):
    now = timezone.now()
    accepted = SubmissionFactory(call=conference_call, status=SubmissionStatus.ACCEPTED)
    accepted.outcome_sent_at = now
    accepted.save()
    SubmissionFactory(call=conference_call, status=SubmissionStatus.REJECTED)
    waiting = SubmissionFactory(call=conference_call)
    ReviewFactory(submission=accepted, reviewer=reviewer, submitted_at=now)
    ReviewFactory(submission=waiting, reviewer=reviewer)
    past = now - datetime.timedelta(days=60)
    opened = past - datetime.timedelta(days=30)
    finished = CallPageFactory(
        parent=home_page, title="Finished round", opens_at=opened, closes_at=past
    )
    told = SubmissionFactory(call=finished, status=SubmissionStatus.REJECTED)
    told.outcome_sent_at = now
    told.save()
    SubmissionFactory(call=finished, status=SubmissionStatus.WITHDRAWN)  # nothing to decide
    undecided = CallPageFactory(
        parent=home_page, title="Round still to decide", opens_at=opened, closes_at=past
    )
    SubmissionFactory(call=undecided)
    client.force_login(programme)
    response = client.get(HOME)
    calls = panel(response, "proposals_call_progress")["calls"]

    assert [
        (
            call.name.casefold(),
            call.submitted,
            call.reviews_done,
            call.reviews_total,
            call.decided,
            call.emailed,
        )
        for call in calls
    ] == [
        ("round still to decide", 1, 0, 0, 0, 0),
        ("tictec 2025: call for session proposals", 3, 1, 2, 2, 1),
    ]
    html = response.content.decode()
    assert "Calls in progress" in html
    assert f'href="/admin/calls/{conference_call.pk}/ranking/"' in html
    assert "Finished round" not in html


def test_an_editor_sees_neither_panel_and_a_confidential_call_stays_in_its_group(
    client, editor, outsider, vacancy
):
    SubmissionFactory(call=vacancy, title="Margaret Okafor")
    client.force_login(editor)
    as_editor = client.get(HOME).content.decode()
    client.force_login(outsider)
    as_outsider = client.get(HOME).content.decode()

    assert "Your reviews" not in as_editor
    assert "Calls in progress" not in as_editor
    assert "Chair of the charity board" not in as_outsider


def test_the_panels_read_a_fixed_number_of_queries(
    client, conference_call, call, django_assert_max_num_queries
):
    member = UserFactory(groups=["Programme team", "Reviewers"])

    def add(n):
        for page in (call, conference_call):
            for submission in SubmissionFactory.create_batch(n, call=page):
                ReviewFactory(submission=submission, reviewer=member)

    client.force_login(member)
    add(2)
    client.get(HOME)
    with django_assert_max_num_queries(80) as small_queries:
        small = client.get(HOME)
    small_to_do = [c["to_do"] for c in panel(small, "proposals_review_queue")["calls"]]
    add(15)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(HOME)

    assert small_to_do == [2, 2]
    assert [c["to_do"] for c in panel(large, "proposals_review_queue")["calls"]] == [17, 17]
    assert large.content.decode().count("and 7 more to do") == 2
