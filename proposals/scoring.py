"""Score arithmetic, kept pure so it is easy to test on worked examples.

- A review's mean is the weighted mean of its applicable scores; "not applicable"
  (None) is left out, never counted as zero.
- A submission's score is the mean of its reviews' means; spread is the gap between
  the highest and lowest review mean.
- Calibration: each reviewer's review means are turned into z-scores against that
  reviewer's own mean and standard deviation on this call, so a harsh and a generous
  reviewer weigh the same. A reviewer with one review, or identical scores, gives 0.
"""

import statistics
from collections import namedtuple
from dataclasses import dataclass, field

DISAGREEMENT = 1.5  # review means this far apart are flagged for discussion

ReviewScores = namedtuple(
    "ReviewScores", "pk submission_id reviewer_id mean_score scores recommendation"
)


def review_mean(scores, criteria):
    total = weight_sum = 0.0
    for criterion in criteria:
        value = scores.get(str(criterion.pk))
        if value is None:
            continue
        weight = float(criterion.weight)
        total += weight * value
        weight_sum += weight
    return round(total / weight_sum, 4) if weight_sum else None


def reviewer_z_scores(reviews):
    """{review id: z} from (review id, reviewer id, mean) triples."""
    by_reviewer = {}
    for review_id, reviewer_id, mean in reviews:
        if mean is not None:
            by_reviewer.setdefault(reviewer_id, []).append((review_id, mean))
    z = {}
    for items in by_reviewer.values():
        means = [m for _, m in items]
        mu = statistics.fmean(means)
        sd = statistics.pstdev(means) if len(means) > 1 else 0.0
        for review_id, mean in items:
            z[review_id] = (mean - mu) / sd if sd else 0.0
    return z


@dataclass
class RankedSubmission:
    submission: object
    review_count: int = 0
    assigned_count: int = 0
    mean: float | None = None
    spread: float | None = None
    calibrated: float | None = None
    criterion_means: dict = field(default_factory=dict)
    recommendations: dict = field(default_factory=dict)
    criterion_list: list = field(default_factory=list)

    @property
    def disagreement(self):
        return self.spread is not None and self.spread >= DISAGREEMENT


def rank(submissions, reviews, criteria, z=None):
    """Rank submissions from their submitted reviews.

    ``reviews`` are Review objects (submitted, no conflict) of these submissions;
    ``z`` the reviewers' z-scores, computed over the whole call when only some
    submissions are shown (defaults to computing them from ``reviews``).
    """
    if z is None:
        z = reviewer_z_scores((r.pk, r.reviewer_id, r.mean_score) for r in reviews)
    per_submission = {}
    for review in reviews:
        per_submission.setdefault(review.submission_id, []).append(review)
    rows = []
    for submission in submissions:
        row = RankedSubmission(submission=submission)
        mine = per_submission.get(submission.pk, [])
        means = [r.mean_score for r in mine if r.mean_score is not None]
        row.review_count = len(mine)
        if means:
            row.mean = round(statistics.fmean(means), 2)
            row.spread = round(max(means) - min(means), 2)
            row.calibrated = round(statistics.fmean(z[r.pk] for r in mine if r.pk in z), 2)
        for criterion in criteria:
            values = [r.scores.get(str(criterion.pk)) for r in mine]
            values = [v for v in values if v is not None]
            row.criterion_means[criterion.pk] = (
                round(statistics.fmean(values), 2) if values else None
            )
        for review in mine:
            if review.recommendation:
                row.recommendations[review.recommendation] = (
                    row.recommendations.get(review.recommendation, 0) + 1
                )
        rows.append(row)
    return rows
