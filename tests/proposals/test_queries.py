"""Listing pages run a fixed number of queries whatever their size."""

import pytest

from proposals import services
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_my_submissions_page_query_count_is_fixed(
    client, call, applicant, django_assert_max_num_queries
):
    client.force_login(applicant)
    SubmissionFactory.create_batch(2, call=call, applicant=applicant)
    client.get("/my-submissions/")  # the layout's site settings are created on first use
    # The page itself needs 3 (session, user, submissions with their calls); the rest
    # is the shared layout (site settings, navigation).
    with django_assert_max_num_queries(16) as small_queries:
        small = client.get("/my-submissions/")
    SubmissionFactory.create_batch(20, call=call, applicant=applicant)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get("/my-submissions/")

    assert len(small.context["submissions"]) == 2
    assert len(large.context["submissions"]) == 22
    assert large.content.decode().count('class="tag status status--submitted"') == 22


def test_ranking_page_query_count_is_fixed(client, call, programme, django_assert_max_num_queries):
    reviewers = [UserFactory(groups=["Reviewers"]) for _ in range(3)]
    client.force_login(programme)

    def add(n):
        for submission in SubmissionFactory.create_batch(n, call=call):
            for reviewer in reviewers:
                review = ReviewFactory(submission=submission, reviewer=reviewer)
                services.record_review(
                    review=review, scores={c.pk: 4 for c in call.get_criteria()[:2]}, by=reviewer
                )

    add(2)
    # 18: one of them notes that a programme member who also reviews has now seen the
    # others' scores (their later edits are kept in the review's history); one names the
    # call with its parent page; the rest are the admin's own (session, user, groups).
    with django_assert_max_num_queries(18) as small_queries:
        client.get(f"/admin/calls/{call.pk}/ranking/")
    add(20)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(f"/admin/calls/{call.pk}/ranking/")

    assert len(large.context["rows"]) == 22


def test_review_form_query_count_is_fixed(client, call, reviewer, django_assert_max_num_queries):
    submission = SubmissionFactory(call=call)
    mine = ReviewFactory(submission=submission, reviewer=reviewer)
    services.record_review(
        review=mine, scores={c.pk: 3 for c in call.get_criteria()[:2]}, by=reviewer
    )
    client.force_login(reviewer)

    def others(n):
        for _ in range(n):
            other = UserFactory(groups=["Reviewers"])
            review = ReviewFactory(submission=submission, reviewer=other)
            services.record_review(
                review=review, scores={c.pk: 2 for c in call.get_criteria()[:2]}, by=other
            )

    others(1)
    with django_assert_max_num_queries(30) as small_queries:
        client.get(f"/admin/calls/reviews/{mine.pk}/")
    others(8)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(f"/admin/calls/reviews/{mine.pk}/")

    assert len(large.context["other_reviews"]) == 9
