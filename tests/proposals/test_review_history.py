"""Reviews lock once the submission is decided; a change made after seeing the other
reviewers' scores is kept (who, when, before and after) for the programme team."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from proposals import services
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import ReviewRevision, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewers(db):
    return [
        UserFactory(
            email=f"reviewer{i}@example.org",
            first_name=name,
            last_name="Reviewer",
            groups=["Reviewers"],
        )
        for i, name in enumerate(["Rae", "Sol", "Tam"])
    ]


@pytest.fixture
def submission(call):
    return SubmissionFactory(call=call, title="Using FOI data to track political donations")


def criteria(call):
    alignment, practical, _workshop = call.get_criteria()
    return alignment, practical


def review_url(review):
    return reverse("proposals_admin:review", args=[review.pk])


def review_post(call, *, alignment, practical, recommendation="accept", comment=""):
    first, second = criteria(call)
    return {
        f"criterion_{first.pk}": str(alignment),
        f"criterion_{second.pk}": str(practical),
        "recommendation": recommendation,
        "comment": comment,
    }


def score(review, *, alignment, practical, recommendation="accept", comment=""):
    first, second = criteria(review.submission.call.specific)
    return services.record_review(
        review=review,
        scores={first.pk: alignment, second.pk: practical},
        recommendation=recommendation,
        comment=comment,
        by=review.reviewer,
    )


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def test_a_review_is_locked_once_the_submission_is_accepted(client, call, submission, reviewers):
    review = ReviewFactory(submission=submission, reviewer=reviewers[0])
    score(review, alignment=4, practical=3, comment="Clear evidence of impact.")
    services.decide(submissions=[submission], status=SubmissionStatus.ACCEPTED)
    client.force_login(reviewers[0])

    page = client.get(review_url(review))

    assert page.status_code == 200
    assert (
        "This submission has been decided (Accepted): your review is locked and can no "
        "longer be changed."
    ) in text(page)
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("fieldset", class_="proposals-review-fields").has_attr("disabled")
    assert "Submit review" not in text(page)
    assert "Declare a conflict of interest" not in text(page)

    changed = client.post(
        review_url(review),
        review_post(call, alignment=1, practical=1, recommendation="reject", comment="No."),
        follow=True,
    )
    conflict = client.post(
        review_url(review), {"declare_conflict": "1", "reason": "I advise them"}, follow=True
    )

    assert "This submission has been decided: your review is locked." in text(changed)
    assert "This submission has been decided: your review is locked." in text(conflict)
    review.refresh_from_db()
    first, second = criteria(call)
    assert review.scores == {str(first.pk): 4, str(second.pk): 3}
    assert (review.recommendation, review.comment) == ("accept", "Clear evidence of impact.")
    assert review.conflict_declared is False
    assert review.mean_score == 3.6667  # (2 x 4 + 3) / 3, as stored
    assert ReviewRevision.objects.count() == 0


def test_the_review_service_refuses_a_change_after_the_decision(call, submission, reviewers):
    review = ReviewFactory(submission=submission, reviewer=reviewers[0])
    services.decide(submissions=[submission], status=SubmissionStatus.REJECTED)
    review.refresh_from_db()

    with pytest.raises(services.ReviewLocked):
        score(review, alignment=5, practical=5)
    with pytest.raises(services.ReviewLocked):
        services.declare_conflict(review=review, reason="Changed my mind", by=reviewers[0])

    review.refresh_from_db()
    assert (review.scores, review.submitted_at, review.conflict_declared) == ({}, None, False)


def test_an_edit_after_seeing_the_others_scores_is_shown_to_the_programme_team_only(
    client, call, submission, reviewers, programme
):
    mine = ReviewFactory(submission=submission, reviewer=reviewers[0])
    theirs = ReviewFactory(submission=submission, reviewer=reviewers[1])
    score(theirs, alignment=2, practical=2, recommendation="reject", comment="Too general.")
    client.force_login(reviewers[0])
    client.post(
        review_url(mine),
        review_post(call, alignment=5, practical=4, comment="First impression: excellent."),
    )
    # Own review in: the page now shows the other reviewer's scores.
    seen = client.get(review_url(mine))
    assert "Too general." in text(seen)
    assert ReviewRevision.objects.count() == 0  # the first review is not an edit

    client.post(
        review_url(mine),
        review_post(
            call,
            alignment=3,
            practical=4,
            recommendation="waitlist",
            comment="Revised after reading the others.",
        ),
    )

    mine.refresh_from_db()
    first, second = criteria(call)
    assert mine.scores == {str(first.pk): 3, str(second.pk): 4}
    revision = ReviewRevision.objects.get()
    assert (revision.review, revision.changed_by) == (mine, reviewers[0])
    assert revision.before["scores"] == {str(first.pk): 5, str(second.pk): 4}
    assert revision.before["comment"] == "First impression: excellent."
    assert revision.after["scores"] == {str(first.pk): 3, str(second.pk): 4}
    assert revision.after["recommendation"] == "waitlist"

    # The programme team sees who changed what, from what to what.
    client.force_login(programme)
    team_page = client.get(reverse("proposals_admin:submission", args=[call.pk, submission.pk]))
    table = BeautifulSoup(team_page.content, "html.parser").find(
        "table", attrs={"aria-labelledby": "review-changes-heading"}
    )
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.tbody.find_all("tr")
    ]
    when = revision.changed_at.strftime("%-d %b %Y")
    assert [[row[0], row[2], row[3], row[4]] for row in rows] == [
        ["Rae Reviewer", "Alignment with the conference themes", "5", "3"],
        ["Rae Reviewer", "Weighted mean", "4.67", "3.33"],
        ["Rae Reviewer", "Recommendation", "Accept", "Waiting list"],
        [
            "Rae Reviewer",
            "Comment",
            "First impression: excellent.",
            "Revised after reading the others.",
        ],
    ]
    assert all(row[1].startswith(when) for row in rows)

    # The other reviewer sees the review as it is now, never its history.
    client.force_login(reviewers[1])
    other_page = text(client.get(review_url(theirs)))
    assert "Revised after reading the others." in other_page
    assert "First impression: excellent." not in other_page
    assert "Changes made after seeing other reviewers' scores" not in other_page


def test_changes_before_seeing_any_other_score_keep_no_history(client, call, submission, reviewers):
    mine = ReviewFactory(submission=submission, reviewer=reviewers[0])
    ReviewFactory(submission=submission, reviewer=reviewers[1])  # not reviewed yet
    client.force_login(reviewers[0])

    client.post(review_url(mine), review_post(call, alignment=5, practical=4))
    page = client.get(review_url(mine))
    client.post(review_url(mine), review_post(call, alignment=2, practical=2))

    assert "No other finished reviews yet." in text(page)
    mine.refresh_from_db()
    assert mine.mean_score == 2.0
    assert mine.others_seen_at is None
    assert ReviewRevision.objects.count() == 0


def test_a_reviewer_who_saw_the_ranking_has_later_edits_kept(
    client, call, submission, reviewers, programme
):
    """Programme team members often review too: the ranking shows them everyone's scores."""
    theirs = ReviewFactory(submission=submission, reviewer=reviewers[1])
    score(theirs, alignment=2, practical=2, recommendation="reject")
    mine = ReviewFactory(submission=submission, reviewer=programme)
    score(mine, alignment=5, practical=5)
    client.force_login(programme)

    client.get(reverse("proposals_admin:ranking", args=[call.pk]))
    score(mine, alignment=3, practical=3, recommendation="waitlist")

    revision = ReviewRevision.objects.get()
    assert (revision.before["mean_score"], revision.after["mean_score"]) == (5.0, 3.0)
    assert revision.changed_by == programme


def test_erasing_an_applicant_redacts_their_name_in_the_review_history_too(call, reviewers):
    applicant = UserFactory(email="dana.quill@example.org", first_name="Dana", last_name="Quill")
    submission = SubmissionFactory(call=call, applicant=applicant)
    theirs = ReviewFactory(submission=submission, reviewer=reviewers[1])
    score(theirs, alignment=3, practical=3)
    mine = ReviewFactory(submission=submission, reviewer=reviewers[0])
    score(mine, alignment=5, practical=5, comment="Dana Quill ran this for years.")
    services.note_others_seen(by=reviewers[0], submission=submission)
    mine.refresh_from_db()
    score(mine, alignment=4, practical=4, comment="Dana Quill's evidence is thin.")

    services.erase_personal_data(submission=submission)

    revision = ReviewRevision.objects.get()
    assert "Dana Quill" not in revision.before["comment"] + revision.after["comment"]
    assert "ran this for years." in revision.before["comment"]
    assert (revision.before["mean_score"], revision.after["mean_score"]) == (5.0, 4.0)
