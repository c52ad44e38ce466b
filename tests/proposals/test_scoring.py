"""Score arithmetic on worked examples."""

from types import SimpleNamespace

import pytest

from proposals import scoring


def criterion(pk, weight=1):
    return SimpleNamespace(pk=pk, weight=weight)


def review(pk, reviewer, submission, mean, scores=None, recommendation=""):
    return SimpleNamespace(
        pk=pk,
        reviewer_id=reviewer,
        submission_id=submission,
        mean_score=mean,
        scores=scores or {},
        recommendation=recommendation,
    )


def test_not_applicable_is_left_out_of_the_weighted_mean_not_counted_as_zero():
    criteria = [criterion(1, weight=2), criterion(2, weight=1), criterion(3, weight=1)]

    assert scoring.review_mean({"1": 4, "2": 1, "3": None}, criteria) == pytest.approx(
        3.0
    )  # (8+1)/3
    assert scoring.review_mean({"1": None, "2": None, "3": None}, criteria) is None


def test_calibration_makes_a_harsh_and_a_generous_reviewer_weigh_the_same():
    # Harsh reviewer H scores A=1, B=2, C=3; generous reviewer G scores A=3, B=4, C=5.
    reviews = [
        review(1, "H", "A", 1.0),
        review(2, "H", "B", 2.0),
        review(3, "H", "C", 3.0),
        review(4, "G", "A", 3.0),
        review(5, "G", "B", 4.0),
        review(6, "G", "C", 5.0),
    ]
    subs = [SimpleNamespace(pk=p) for p in "ABC"]

    rows = {row.submission.pk: row for row in scoring.rank(subs, reviews, [])}

    # Raw means differ from calibrated: both reviewers agree on the order, and each
    # reviewer's scores become z-scores of -1.2247, 0, +1.2247 (population sd = 0.8165).
    assert [rows[p].mean for p in "ABC"] == [2.0, 3.0, 4.0]
    assert [rows[p].calibrated for p in "ABC"] == [-1.22, 0.0, 1.22]
    assert [rows[p].spread for p in "ABC"] == [2.0, 2.0, 2.0]
    assert all(rows[p].disagreement for p in "ABC")


def test_calibration_corrects_for_who_reviewed_what():
    # D is reviewed only by the harsh reviewer, E only by the generous one: raw means
    # favour E, calibrated scores see both as their reviewer's average.
    reviews = [
        review(1, "H", "D", 2.0),
        review(2, "H", "X", 1.0),
        review(3, "H", "Y", 3.0),
        review(4, "G", "E", 4.0),
        review(5, "G", "X", 3.0),
        review(6, "G", "Y", 5.0),
    ]
    subs = [SimpleNamespace(pk=p) for p in "DE"]

    rows = {
        row.submission.pk: row
        for row in scoring.rank(
            subs,
            [r for r in reviews if r.submission_id in "DE"],
            [],
            z=scoring.reviewer_z_scores((r.pk, r.reviewer_id, r.mean_score) for r in reviews),
        )
    }

    assert (rows["D"].mean, rows["E"].mean) == (2.0, 4.0)
    assert rows["D"].calibrated == rows["E"].calibrated == 0.0
    assert rows["D"].review_count == 1


def test_per_criterion_means_skip_not_applicable():
    reviews = [
        review(1, "R1", "A", 3.0, scores={"1": 4, "2": None}),
        review(2, "R2", "A", 3.0, scores={"1": 2, "2": 5}),
    ]

    (row,) = scoring.rank([SimpleNamespace(pk="A")], reviews, [criterion(1), criterion(2)])

    assert row.criterion_means == {1: 3.0, 2: 5.0}
