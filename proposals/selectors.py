"""Reads reused across views, exports and the admin, each in a fixed number of queries."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import scoring
from .models import (
    REVIEWABLE_STATUSES,
    Recommendation,
    Review,
    ReviewRevision,
    Submission,
    SubmissionStatus,
)


def my_submissions(*, user):
    """The person's submissions with their call pages (2 queries)."""
    return list(
        Submission.objects.filter(applicant_id=user.pk)
        .select_related("call")
        .order_by("-updated_at")
    )


def my_submissions_for_call(*, user, call):
    if not user.is_authenticated:
        return []
    return list(
        Submission.objects.filter(applicant_id=user.pk, call_id=call.pk).order_by("-updated_at")
    )


def submission_with_answers():
    return Submission.objects.select_related("call", "applicant")


def reviewer_queue(*, user):
    """A reviewer's assignments with their submissions and calls, plus progress per call."""
    reviews = list(
        Review.objects.filter(reviewer_id=user.pk, conflict_declared=False)
        .filter(submission__status__in=REVIEWABLE_STATUSES)
        .select_related("submission", "submission__call")
        .order_by("submitted_at", "submission__call__title", "submission__pk")
    )
    progress = {}
    for review in reviews:
        done, total = progress.get(review.submission.call, (0, 0))
        progress[review.submission.call] = (done + (1 if review.submitted_at else 0), total + 1)
    return reviews, progress


def reviews_with_context():
    return Review.objects.select_related(
        "submission", "submission__call", "submission__applicant", "reviewer"
    )


def outcomes_pending(*, call):
    """Decided submissions whose applicant has not been sent that outcome yet."""
    from .models import OUTCOME_STATUSES, EmailLog

    decided = list(
        Submission.objects.filter(call_id=call.pk, status__in=OUTCOME_STATUSES).select_related(
            "applicant", "call"
        )
    )
    told = set(
        EmailLog.objects.filter(
            submission__in=decided, kind__in=[s.value for s in OUTCOME_STATUSES]
        ).values_list("submission_id", "kind")
    )
    return [s for s in decided if (s.pk, s.status) not in told]


def other_reviews(*, review):
    """Other reviewers' finished reviews, for the independence rule (shown only after
    the reviewer submitted their own)."""
    return list(
        Review.objects.submitted()
        .filter(submission_id=review.submission_id)
        .exclude(pk=review.pk)
        .select_related("reviewer")
    )


def review_changes(*, submission, criteria_by_id):
    """Changes reviewers made to their reviews of this submission after seeing the
    others' scores, oldest first, each as the rows that changed (what, before, after),
    for the programme team (1 query)."""
    revisions = ReviewRevision.objects.filter(review__submission_id=submission.pk).select_related(
        "review__reviewer", "changed_by"
    )
    return [
        {"revision": revision, "rows": _changed_rows(revision, criteria_by_id)}
        for revision in revisions
    ]


def _changed_rows(revision, criteria_by_id):
    before, after = revision.before, revision.after

    def score(value, present):
        if not present:
            return "–"
        return _("Not applicable") if value is None else value

    rows = []
    score_keys = sorted(
        set(before.get("scores", {})) | set(after.get("scores", {})),
        key=lambda key: (
            (criteria_by_id[key].sort_order, key) if key in criteria_by_id else (1e9, key)
        ),
    )
    for key in score_keys:
        old, new = before.get("scores", {}), after.get("scores", {})
        if key in old and key in new and old[key] == new[key]:
            continue
        criterion = criteria_by_id.get(key)
        rows.append(
            {
                "label": criterion.name if criterion else _("Criterion %(id)s") % {"id": key},
                "before": score(old.get(key), key in old),
                "after": score(new.get(key), key in new),
            }
        )
    mean = [before.get("mean_score"), after.get("mean_score")]
    if mean[0] != mean[1]:
        rows.append(
            {
                "label": _("Weighted mean"),
                "before": "–" if mean[0] is None else round(mean[0], 2),
                "after": "–" if mean[1] is None else round(mean[1], 2),
            }
        )
    labels = dict(Recommendation.choices)
    for key, label, show in (
        ("recommendation", _("Recommendation"), lambda v: labels.get(v, v) or "–"),
        ("comment", _("Comment"), lambda v: v or "–"),
        (
            "conflict_declared",
            _("Conflict of interest declared"),
            lambda v: _("Yes") if v else _("No"),
        ),
        ("conflict_reason", _("Reason for the conflict"), lambda v: v or "–"),
    ):
        if before.get(key) != after.get(key):
            rows.append(
                {"label": label, "before": show(before.get(key)), "after": show(after.get(key))}
            )
    return rows


def call_submissions(*, call, status=None):
    qs = Submission.objects.filter(call_id=call.pk).exclude(status=SubmissionStatus.DRAFT)
    if status:
        qs = qs.filter(status=status)
    return qs


def ranking(*, call, params=None):
    """Every reviewable submission of a call, scored: a fixed number of queries whatever
    the size (submissions with assignment counts, submitted reviews, criteria, plus
    whatever the host's get_submission_queryset prefetches)."""
    params = params or {}
    submissions = Submission.objects.filter(call_id=call.pk, status__in=REVIEWABLE_STATUSES)
    if params.get("status"):
        submissions = submissions.filter(status=params["status"])
    submissions = call.filter_submissions(submissions, params)
    submissions = list(
        call.get_submission_queryset(submissions)
        .annotate(assigned=Count("reviews", filter=Q(reviews__conflict_declared=False)))
        .order_by("pk")
    )
    # Calibration uses every finished review on the call, not only the rows shown,
    # so filtering never changes anyone's calibrated score.
    # Plain tuples, not model instances: thousands of reviews are read on every request.
    reviews = [
        scoring.ReviewScores(*values)
        for values in Review.objects.submitted()
        .filter(submission__call_id=call.pk, submission__status__in=REVIEWABLE_STATUSES)
        .values_list("pk", "submission_id", "reviewer_id", "mean_score", "scores", "recommendation")
    ]
    shown = {s.pk for s in submissions}
    criteria = call.get_criteria()
    z = scoring.reviewer_z_scores((r.pk, r.reviewer_id, r.mean_score) for r in reviews)
    rows = scoring.rank(
        submissions, [r for r in reviews if r.submission_id in shown], criteria, z=z
    )
    for row in rows:
        row.assigned_count = row.submission.assigned
    return rows, criteria


SORT_KEYS = {
    "mean": lambda row: (row.mean is None, -(row.mean or 0)),
    "calibrated": lambda row: (row.calibrated is None, -(row.calibrated or 0)),
    "spread": lambda row: (row.spread is None, -(row.spread or 0)),
    "reviews": lambda row: -row.review_count,
    "title": lambda row: str(row.submission.title).lower(),
    "id": lambda row: row.submission.pk,
}


def sort_rows(rows, ordering):
    """Sort ranking rows: ``mean`` is best first; ``-mean`` reverses it."""
    key = ordering.lstrip("-")
    if key not in SORT_KEYS:
        key, ordering = "calibrated", "calibrated"
    ordered = sorted(rows, key=SORT_KEYS[key])
    return list(reversed(ordered)) if ordering.startswith("-") else ordered


def call_overview(*, calls):
    """Per call: submissions by status and review progress (2 queries)."""
    ids = [c.pk for c in calls]
    by_status = {}
    for call_id, status, n in (
        Submission.objects.filter(call_id__in=ids)
        .values_list("call_id", "status")
        .annotate(n=Count("pk"))
    ):
        by_status.setdefault(call_id, {})[status] = n
    progress = {
        row["submission__call_id"]: row
        for row in Review.objects.filter(submission__call_id__in=ids, conflict_declared=False)
        .values("submission__call_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(submitted_at__isnull=False)))
    }
    return [
        {
            "call": call,
            "by_status": by_status.get(call.pk, {}),
            "total": sum(
                n for st, n in by_status.get(call.pk, {}).items() if st != SubmissionStatus.DRAFT
            ),
            "drafts": by_status.get(call.pk, {}).get(SubmissionStatus.DRAFT, 0),
            "reviews_done": progress.get(call.pk, {}).get("done", 0),
            "reviews_total": progress.get(call.pk, {}).get("total", 0),
        }
        for call in calls
    ]


def past_retention(*, cutoff):
    """Submissions not yet anonymised whose last change was before ``cutoff``, oldest first."""
    return list(
        Submission.objects.filter(updated_at__lt=cutoff, anonymised_at__isnull=True)
        .select_related("call", "applicant")
        .order_by("updated_at", "pk")
    )


def open_calls(*, locale_id, default_locale_id, now=None, limit=6):
    """Calls open at ``now`` (any host page type), closing soonest first, each in the
    language ``locale_id`` where translated, else in the default language. One query per
    host page type, plus one for private sections."""
    from wagtail.models import Page

    from .registry import call_page_models

    now = now or timezone.now()
    private = Page.objects.private_q()
    by_key = {}
    for model in call_page_models():
        for page in (
            model.objects.live()
            .exclude(private)
            .filter(locale_id__in={locale_id, default_locale_id})
            .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
            .filter(closes_at__gt=now)
        ):
            if page.translation_key not in by_key or page.locale_id == locale_id:
                by_key[page.translation_key] = page
    return sorted(by_key.values(), key=lambda page: (page.closes_at, page.title))[:limit]
