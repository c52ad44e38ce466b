"""Score arithmetic, kept pure so it is easy to test on worked examples.

- A review's mean is the weighted mean of its applicable scores; "not applicable"
  (None) is left out, never counted as zero.
- A submission's score is the mean of its reviews' means; spread is the gap between
  the highest and lowest review mean.
- Calibration: each reviewer's review means are turned into z-scores against that
  reviewer's own mean and (population) standard deviation on this call, so a harsh and
  a generous reviewer weigh the same. A reviewer with one review, or identical scores,
  gives 0.

The ranking scores every review of a call on each request (tens of thousands), so the
sums are math.fsum (exactly rounded, as statistics.fmean) in plain loops.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from itertools import groupby
from math import fsum, sqrt
from operator import itemgetter

DISAGREEMENT = 1.5  # review means this far apart are flagged for discussion


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


def reviewer_baselines(reviews):
    """{reviewer id: (mean, population standard deviation)} of their review means, from
    (reviewer id, mean) pairs; None means are left out."""
    by_reviewer = {}
    for reviewer_id, mean in reviews:
        if mean is not None:
            by_reviewer.setdefault(reviewer_id, []).append(mean)
    baselines = {}
    for reviewer_id, means in by_reviewer.items():
        mu = fsum(means) / len(means)
        if max(means) == min(means):  # one review, or all the same: exactly no spread
            baselines[reviewer_id] = (mu, 0.0)
        else:
            sd = sqrt(fsum([(m - mu) * (m - mu) for m in means]) / len(means))
            baselines[reviewer_id] = (mu, sd)
    return baselines


def _z(mean, baseline):
    mu, sd = baseline
    return (mean - mu) / sd if sd else 0.0


def reviewer_z_scores(reviews):
    """{review id: z} from (review id, reviewer id, mean) triples."""
    reviews = list(reviews)
    baselines = reviewer_baselines((reviewer_id, mean) for _pk, reviewer_id, mean in reviews)
    return {
        review_id: _z(mean, baselines[reviewer_id])
        for review_id, reviewer_id, mean in reviews
        if mean is not None
    }


class Scores(namedtuple("Scores", "review_count exact_mean exact_spread exact_calibrated")):
    """A submission's scores from its finished reviews (None: no scored review). The
    ranking shows them rounded to 2 places; they are rounded when read, as sorting
    thousands of submissions reads only one of them."""

    __slots__ = ()

    @classmethod
    def of(cls, review_count, means, zs):
        """From the count of finished reviews, their means (None left out) and z-scores."""
        if not means:
            return cls(review_count, None, None, None)
        return cls(
            review_count,
            fsum(means) / len(means),  # statistics.fmean, without its overhead
            max(means) - min(means),
            fsum(zs) / len(zs) if zs else None,
        )

    @property
    def mean(self):
        return None if self.exact_mean is None else round(self.exact_mean, 2)

    @property
    def spread(self):
        return None if self.exact_spread is None else round(self.exact_spread, 2)

    @property
    def calibrated(self):
        return None if self.exact_calibrated is None else round(self.exact_calibrated, 2)


NOT_REVIEWED = Scores(0, None, None, None)


def score_submissions(reviews):
    """{submission id: Scores} from (submission id, reviewer id, mean, ...) tuples of every
    finished review on a call (further items are ignored), so each reviewer is calibrated
    against everything they reviewed there. Linear (after a sort by submission, which
    costs nothing if they come sorted), and no container kept per submission: tens of
    thousands of them would wake the garbage collector on every request."""
    reviews = sorted(reviews, key=itemgetter(0))
    baselines = reviewer_baselines((review[1], review[2]) for review in reviews)
    scores = {}
    for submission_id, group in groupby(reviews, key=itemgetter(0)):
        count, means, zs = 0, [], []
        for review in group:
            count += 1
            mean = review[2]
            if mean is not None:
                means.append(mean)
                zs.append(_z(mean, baselines[review[1]]))
        scores[submission_id] = Scores.of(count, means, zs)
    return scores


def criterion_means(scores, criteria):
    """{criterion pk: mean of its applicable scores, or None} from reviews' scores
    ({criterion id (str): score, None when not applicable})."""
    means = {}
    for criterion in criteria:
        key = str(criterion.pk)
        values = [value for review in scores if (value := review.get(key)) is not None]
        means[criterion.pk] = round(fsum(values) / len(values), 2) if values else None
    return means


@dataclass(slots=True)
class RankedSubmission:
    submission: object
    review_count: int = 0
    assigned_count: int = 0
    mean: float | None = None
    spread: float | None = None
    calibrated: float | None = None
    criterion_means: dict = field(default_factory=dict)
    recommendations: dict = field(default_factory=dict)

    @classmethod
    def scored(cls, submission, scores, **kwargs):
        return cls(
            submission=submission,
            review_count=scores.review_count,
            mean=scores.mean,
            spread=scores.spread,
            calibrated=scores.calibrated,
            **kwargs,
        )

    @property
    def pk(self):
        """The submission's id: a row stands for its submission (bulk-action checkboxes)."""
        return self.submission.pk

    @property
    def criterion_values(self):
        """The per-criterion means in the rubric's order (the ranking's columns)."""
        return list(self.criterion_means.values())

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
        mine = per_submission.get(submission.pk, [])
        scored = [r for r in mine if r.mean_score is not None]
        scores = Scores.of(
            len(mine), [r.mean_score for r in scored], [z[r.pk] for r in scored if r.pk in z]
        )
        row = RankedSubmission.scored(submission, scores)
        row.criterion_means = criterion_means([r.scores for r in mine], criteria)
        for review in mine:
            if review.recommendation:
                row.recommendations[review.recommendation] = (
                    row.recommendations.get(review.recommendation, 0) + 1
                )
        rows.append(row)
    return rows
