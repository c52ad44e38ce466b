"""The reviewer queue ("My reviews"): a Wagtail listing of the reviewer's own reviews,
to do first, each call named with its conference, filters by call and state, a search
that does not see through anonymity, and a fixed number of queries."""

import pytest
from django.utils import timezone

from proposals.factories import ReviewFactory, SubmissionFactory
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db

QUEUE = "/admin/calls/reviews/"
TICTEC = "tictec 2025: call for session proposals"


def named(names):
    """Names as compared here: the call mixin decides the case after the colon."""
    return [name.casefold() if name.startswith("TICTeC") else name for name in names]


def rows(response):
    return [
        (review.title, named([review.call_name])[0], str(review.state))
        for review in response.context["object_list"]
    ]


@pytest.fixture
def assigned(call, conference_call, reviewer, other_reviewer):
    """Rae's queue: two in the conference's call (one done), one in the generic call;
    and, not hers to see, one assigned to someone else, one where she declared a
    conflict and one withdrawn."""
    call.title = "Action Lab working group"
    call.save_revision().publish()
    todo = SubmissionFactory(call=conference_call, title="Citizens' assemblies on climate")
    done = SubmissionFactory(call=conference_call, title="Open data for home retrofit")
    generic = SubmissionFactory(call=call, title="Participatory budgeting with a council")
    ReviewFactory(submission=todo, reviewer=reviewer)
    ReviewFactory(submission=done, reviewer=reviewer, submitted_at=timezone.now(), mean_score=3.5)
    ReviewFactory(submission=generic, reviewer=reviewer)
    ReviewFactory(
        submission=SubmissionFactory(call=call, title="Someone else's"), reviewer=other_reviewer
    )
    ReviewFactory(
        submission=SubmissionFactory(call=call, title="My own organisation's"),
        reviewer=reviewer,
        conflict_declared=True,
    )
    ReviewFactory(
        submission=SubmissionFactory(
            call=call, title="Withdrawn one", status=SubmissionStatus.WITHDRAWN
        ),
        reviewer=reviewer,
    )
    return {"todo": todo, "done": done, "generic": generic, "call": call}


def test_my_reviews_to_do_first_call_by_call_each_call_named_with_its_conference(
    client, reviewer, assigned
):
    client.force_login(reviewer)
    response = client.get(QUEUE)
    html = response.content.decode()

    assert rows(response) == [
        ("Participatory budgeting with a council", "Action Lab working group", "To do"),
        ("Citizens' assemblies on climate", TICTEC, "To do"),
        ("Open data for home retrofit", TICTEC, "Reviewed"),
    ]
    assert [
        (named([item["name"]])[0], item["done"], item["to_do"])
        for item in response.context["progress"]
    ] == [
        ("Action Lab working group", 0, 1),
        (TICTEC, 1, 1),
    ]
    # Each row opens its review form.
    for review in response.context["object_list"]:
        assert f'href="/admin/calls/reviews/{review.pk}/"' in html
    assert "Someone else" not in html
    assert "My own organisation" not in html
    assert "Withdrawn one" not in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"state": "to_do"},
            ["Participatory budgeting with a council", "Citizens' assemblies on climate"],
        ),
        ({"state": "done"}, ["Open data for home retrofit"]),
        (
            {"call": "CONFERENCE"},
            ["Citizens' assemblies on climate", "Open data for home retrofit"],
        ),
        ({"call": "CONFERENCE", "state": "to_do"}, ["Citizens' assemblies on climate"]),
        ({"q": "retrofit"}, ["Open data for home retrofit"]),
        ({"q": "council"}, ["Participatory budgeting with a council"]),
    ],
)
def test_filters_and_search(client, reviewer, assigned, conference_call, params, expected):
    client.force_login(reviewer)
    params = {
        key: str(conference_call.pk) if value == "CONFERENCE" else value
        for key, value in params.items()
    }
    response = client.get(QUEUE + "results/", params)

    assert [title for title, _call, _state in rows(response)] == expected


def test_the_call_filter_offers_only_the_calls_in_my_queue_named_with_their_conference(
    client, reviewer, assigned, vacancy
):
    client.force_login(reviewer)
    field = client.get(QUEUE).context["filters"].form.fields["call"]

    assert sorted(named(label for value, label in field.choices if value)) == [
        "Action Lab working group",
        TICTEC,
    ]


def test_searching_an_anonymised_call_finds_the_reference_not_the_applicant_name(
    client, reviewer, vacancy
):
    """A board application's title is the applicant's name: a reviewer of an anonymised
    vacancy sees "Application #n" and cannot find it by the name."""
    vacancy.anonymised_review = True
    vacancy.save_revision().publish()
    application = SubmissionFactory(call=vacancy, title="Margaret Okafor")
    ReviewFactory(submission=application, reviewer=reviewer)
    client.force_login(reviewer)

    listing = client.get(QUEUE).content.decode()
    by_name = client.get(QUEUE + "results/", {"q": "Okafor"})
    by_reference = client.get(QUEUE + "results/", {"q": f"#{application.pk}"})

    assert "Okafor" not in listing
    assert f"Application #{application.pk}" in listing
    assert rows(by_name) == []
    assert [title for title, _call, _state in rows(by_reference)] == [
        f"Application #{application.pk}"
    ]


def test_only_reviewers_reach_the_queue(client, editor, assigned):
    client.force_login(editor)
    refused = client.get(QUEUE)
    client.logout()
    stranger = client.get(QUEUE)

    assert refused.status_code in (302, 403)
    assert "Citizens" not in refused.content.decode()
    assert stranger.status_code == 302
    assert "/login/" in stranger["Location"]


def test_a_programme_team_member_sees_only_their_own_reviews_there(client, outsider, assigned):
    client.force_login(outsider)
    response = client.get(QUEUE)

    assert response.status_code == 200
    assert rows(response) == []


def test_the_queue_reads_a_fixed_number_of_queries(
    client, call, conference_call, reviewer, django_assert_max_num_queries
):
    def add(n):
        for page in (call, conference_call):
            for submission in SubmissionFactory.create_batch(n, call=page):
                ReviewFactory(submission=submission, reviewer=reviewer)

    client.force_login(reviewer)
    add(2)
    client.get(QUEUE)  # the admin's own first-use reads
    with django_assert_max_num_queries(40) as small_queries:
        small = client.get(QUEUE)
    add(20)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(QUEUE)

    assert len(small.context["object_list"]) == 4
    assert len(large.context["object_list"]) == 44
    assert "0 of 22 reviewed" in large.content.decode()
