"""Adversarial: a review's history and a locked review against every other role."""

import pytest
from django.urls import reverse

from proposals import services
from proposals.factories import (
    CallPageFactory,
    ReviewFactory,
    RubricCriterionFactory,
    SubmissionFactory,
    UserFactory,
)
from proposals.models import ReviewRevision, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home_page):
    page = CallPageFactory(parent=home_page)
    RubricCriterionFactory(page=page, name="Alignment with the conference themes", weight=2)
    RubricCriterionFactory(page=page, name="Practical experience and evidence of impact")
    return page


def _criteria(call):
    return call.get_criteria()


def _score(review, value, comment=""):
    first, second = _criteria(review.submission.call.specific)
    return services.record_review(
        review=review,
        scores={first.pk: value, second.pk: value},
        recommendation="accept",
        comment=comment,
        by=review.reviewer,
    )


@pytest.fixture
def edited(call):
    """A submission whose first reviewer changed their mind after seeing the second's."""
    submission = SubmissionFactory(call=call)
    first = ReviewFactory(submission=submission, reviewer=UserFactory(groups=["Reviewers"]))
    second = ReviewFactory(submission=submission, reviewer=UserFactory(groups=["Reviewers"]))
    _score(second, 2)
    _score(first, 5, comment="Before: glowing.")
    services.note_others_seen(by=first.reviewer, submission=submission)
    first.refresh_from_db()
    _score(first, 3, comment="After: lukewarm.")
    assert ReviewRevision.objects.count() == 1
    return submission, first, second


def test_no_reviewer_reaches_the_programme_screen_that_shows_review_history(client, call, edited):
    submission, first, second = edited
    url = reverse("proposals_admin:submission", args=[call.pk, submission.pk])

    for user in (first.reviewer, second.reviewer, UserFactory(groups=["Reviewers"])):
        client.force_login(user)
        response = client.get(url, follow=True)
        # Wagtail sends a refused admin request back to the dashboard with a message.
        assert response.redirect_chain == [("/admin/", 302)]
        assert b"Sorry, you do not have permission to access this area." in response.content
        assert b"Before: glowing." not in response.content


def test_the_reviewers_own_and_others_review_pages_never_show_the_earlier_version(client, edited):
    _submission, first, second = edited
    for review in (first, second):
        client.force_login(review.reviewer)
        page = client.get(reverse("proposals_admin:review", args=[review.pk]))
        assert page.status_code == 200
        assert b"After: lukewarm." in page.content
        assert b"Before: glowing." not in page.content


def test_a_locked_review_cannot_be_changed_by_another_reviewer_either(client, call, edited):
    submission, first, second = edited
    services.decide(submissions=[submission], status=SubmissionStatus.WAITLISTED)
    client.force_login(second.reviewer)
    first_criterion, second_criterion = _criteria(call)

    response = client.post(
        reverse("proposals_admin:review", args=[first.pk]),
        {
            f"criterion_{first_criterion.pk}": "1",
            f"criterion_{second_criterion.pk}": "1",
            "recommendation": "reject",
        },
        follow=True,
    )

    assert response.status_code == 404
    first.refresh_from_db()
    assert (first.mean_score, first.comment) == (3.0, "After: lukewarm.")
    with pytest.raises(services.ReviewLocked):
        _score(first, 1)
    assert ReviewRevision.objects.count() == 1
