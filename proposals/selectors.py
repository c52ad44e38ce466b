"""Reads reused across views, exports and the admin, each in a fixed number of queries."""

from collections import namedtuple
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import (
    Avg,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
)
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import EmailLog

from . import scoring
from .models import (
    OUTCOME_STATUSES,
    REVIEWABLE_STATUSES,
    CallPageMixin,
    CallQuestion,
    Recommendation,
    Review,
    ReviewRevision,
    RubricCriterion,
    Submission,
    SubmissionStatus,
)
from .models.hosts import call_page_models


def my_submissions(*, user):
    """The person's submissions with their call pages, each also with, for showing it, its
    call's time zone (``call_tz``) and title in the active language (``call_title``): 2
    queries, plus one per kind of call page."""
    submissions = list(
        Submission.objects.filter(applicant_id=user.pk)
        .select_related("call")
        .order_by("-updated_at")
    )
    by_type = {}
    for submission in submissions:
        by_type.setdefault(submission.call.specific_class, set()).add(submission.call_id)
    time_zones = {}
    for model, ids in by_type.items():
        if model is not None and issubclass(model, CallPageMixin):
            for call in model.objects.filter(pk__in=ids).only("pk", "time_zone"):
                time_zones[call.pk] = call.tz
    titles = dict(
        Page.objects.live()
        .filter(
            translation_key__in={s.call.translation_key for s in submissions},
            locale__language_code=translation.get_language(),
        )
        .values_list("translation_key", "title")
    )
    for submission in submissions:
        submission.call_tz = time_zones.get(submission.call_id)
        submission.call_title = titles.get(submission.call.translation_key, submission.call.title)
    return submissions


def my_submissions_for_call(*, user, call):
    if not user.is_authenticated:
        return []
    return list(
        Submission.objects.filter(applicant_id=user.pk, call_id=call.pk).order_by("-updated_at")
    )


def questions_in_language(*, call, language):
    """{clean_name: question} of the live version of ``call`` in ``language`` (its
    translation), for showing a submission's questions and choices in the reader's
    words; {} when there is none (the answers' own labels are shown). One query."""
    if not language or call.locale.language_code == language:
        return {}
    return {
        question.clean_name: question
        for question in CallQuestion.objects.filter(
            page__translation_key=call.translation_key,
            page__locale__language_code=language,
            page__live=True,
        )
    }


def criteria_in_language(*, call, language):
    """The call's rubric criteria (the source language's rows: reviews score those) named
    and explained in ``language`` where its live version translates them. One query, two
    in another language."""
    criteria = call.get_criteria()
    if not language or call.locale.language_code == language:
        return criteria
    translated = {
        criterion.translation_key: criterion
        for criterion in RubricCriterion.objects.filter(
            page__translation_key=call.translation_key,
            page__locale__language_code=language,
            page__live=True,
        )
    }
    for criterion in criteria:
        if criterion.translation_key in translated:
            criterion.name = translated[criterion.translation_key].name
            criterion.guidance = translated[criterion.translation_key].guidance
    return criteria


def submission_with_answers():
    return Submission.objects.select_related("call", "applicant")


def reviews_with_context():
    return Review.objects.select_related(
        "submission", "submission__call", "submission__applicant", "reviewer"
    )


def outcomes_pending(*, call):
    """Decided submissions whose applicant has not been sent that outcome yet."""
    decided = list(
        Submission.objects.filter(call_id=call.pk, status__in=OUTCOME_STATUSES).select_related(
            "applicant", "call"
        )
    )
    told = set(
        EmailLog.objects.filter(
            submission__in=decided, kind__in=[s.value for s in OUTCOME_STATUSES]
        ).values_list("about_id", "kind")
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


#: The submission columns the ranking page shows, and those its export adds. Nothing
#: else is read: not the answers (JSON), which are most of a submission's row.
RANKING_COLUMNS = ("call_id", "title", "status", "applicant_name")
RANKING_EXPORT_COLUMNS = (*RANKING_COLUMNS, "applicant_email")
EXPORT_CHUNK_SIZE = 500

#: Ranking orders: a score is best first (highest), "-" reverses; ties stay in id order.
SCORE_SORT_KEYS = {
    "mean": lambda scores: (scores.mean is None, -(scores.mean or 0)),
    "calibrated": lambda scores: (scores.calibrated is None, -(scores.calibrated or 0)),
    "spread": lambda scores: (scores.spread is None, -(scores.spread or 0)),
    "reviews": lambda scores: -scores.review_count,
}
RANKING_ORDERINGS = (*SCORE_SORT_KEYS, "title", "id")
DEFAULT_RANKING_ORDERING = "calibrated"


def ranking_ordering(value):
    """``value`` (e.g. "mean", "-spread") if the ranking can sort by it, else the default."""
    return value if value and value.lstrip("-") in RANKING_ORDERINGS else DEFAULT_RANKING_ORDERING


class CriterionScore(Func):
    """A review's score for one rubric criterion, read from its ``scores`` JSON in the
    database (SQL null when the criterion was not applicable or not scored). The key is
    a criterion's id, which Django's own JSON lookups would take for an array index."""

    output_field = FloatField()

    def __init__(self, criterion_id, field="scores"):
        super().__init__(F(field))
        self.key = str(int(criterion_id))

    def as_sql(self, compiler, connection, **extra_context):  # SQLite, MySQL, MariaDB
        sql, params = compiler.compile(self.source_expressions[0])
        return f"JSON_EXTRACT({sql}, %s)", (*params, f'$."{self.key}"')

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) ->> %s)::double precision", (*params, self.key)


def criterion_means(*, call, criteria, submission_ids=None):
    """{submission id: {criterion id: mean of its applicable scores, or None}} over the
    finished reviews of ``call`` (only of ``submission_ids`` when given), averaged by
    the database without decoding any review's JSON in Python. One query."""
    if not criteria:
        return {}
    reviews = Review.objects.submitted().filter(submission__call_id=call.pk)
    if submission_ids is not None:
        reviews = reviews.filter(submission_id__in=submission_ids)
    names = [f"criterion_{c.pk}" for c in criteria]
    averages = (
        reviews.order_by()
        .values("submission_id")
        .annotate(
            **{name: Avg(CriterionScore(c.pk)) for name, c in zip(names, criteria, strict=True)}
        )
        .values_list("submission_id", *names)
    )
    # Numbers straight from the database cursor: a whole call's rows (8,000 and more for
    # an export) skip the ORM's per-row work, which would cost more than the query.
    sql, params = averages.query.sql_with_params()
    with connections[averages.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    pks = [c.pk for c in criteria]
    return {
        row[0]: {
            pk: None if value is None else round(value, 2)
            for pk, value in zip(pks, row[1:], strict=True)
        }
        for row in rows
    }


@dataclass(frozen=True)
class RankingScores:
    """The scores of every reviewable submission on a call."""

    scores: dict  # {submission id: scoring.Scores}
    assigned: dict  # {submission id: reviewers assigned, conflicts left out}
    criteria: list  # the call's rubric

    def of(self, submission_id):
        return self.scores.get(submission_id, scoring.NOT_REVIEWED)

    def rows(self, submissions, criterion_means):
        """scoring.RankedSubmission rows of ``submissions``, one at a time, with the mean
        of each criterion from ``criterion_means`` (see criterion_means())."""
        empty = dict.fromkeys(c.pk for c in self.criteria)
        return self.rows_with_means((s, criterion_means.get(s.pk, empty)) for s in submissions)

    def rows_with_means(self, listed):
        """scoring.RankedSubmission rows from (submission, its criterion means) pairs."""
        scores, assigned, not_reviewed = self.scores, self.assigned, scoring.NOT_REVIEWED
        row = scoring.RankedSubmission
        for submission, means in listed:
            pk = submission.pk
            of = scores.get(pk, not_reviewed)
            yield row(
                submission,
                of.review_count,
                assigned.get(pk, 0),
                of.mean,
                of.spread,
                of.calibrated,
                means,
            )


def ranking_scores(*, call, criteria=None):
    """Scores for every reviewable submission of ``call`` from one read of its reviews'
    ids and means (no JSON, no submission rows): linear in the number of reviews.
    Reviewers are calibrated against everything they reviewed on the call, so filtering
    the ranking never changes anyone's calibrated score. Two queries (the reviews, the
    rubric)."""
    assigned = {}
    finished = []
    for submission_id, reviewer_id, mean, done in (
        Review.objects.filter(
            submission__call_id=call.pk,
            submission__status__in=REVIEWABLE_STATUSES,
            conflict_declared=False,
        )
        # An int, not a BooleanField: its converter would run on every review.
        .annotate(done=ExpressionWrapper(Q(submitted_at__isnull=False), IntegerField()))
        .order_by("submission_id")
        .values_list("submission_id", "reviewer_id", "mean_score", "done")
    ):
        assigned[submission_id] = assigned.get(submission_id, 0) + 1
        if done:
            finished.append((submission_id, reviewer_id, mean))
    return RankingScores(
        scores=scoring.score_submissions(finished),
        assigned=assigned,
        criteria=call.get_criteria() if criteria is None else criteria,
    )


def ranking_submissions(*, call):
    """The submissions the ranking lists: the call's reviewable ones (the ranking's
    filters and search narrow this queryset)."""
    return Submission.objects.filter(call_id=call.pk, status__in=REVIEWABLE_STATUSES)


#: A listed submission as the export reads it when the host shows no summary of its own:
#: the columns alone, without a model instance per row.
ListedSubmission = namedtuple("ListedSubmission", ("pk", *RANKING_EXPORT_COLUMNS))


def host_has_summary(call):
    """Whether the call's page type adds its own rows (get_submission_summary), which are
    made from each submission with its related records."""
    return type(call).get_submission_summary is not CallPageMixin.get_submission_summary


def ranking_export(*, call, submissions=None):
    """(rows, how many, criteria) of every submission in ``submissions`` (default: all the
    ranking lists), in id order, for the exports: each with the columns the ranking and
    its export show, plus whatever the host's get_submission_queryset adds for its
    summary, read in chunks as the rows are consumed. A fixed number of queries whatever
    the size. Where the host adds no summary, no model instance is made."""
    ranked, submissions = _ranking_in_id_order(call=call, submissions=submissions)
    means = criterion_means(call=call, criteria=ranked.criteria)
    if host_has_summary(call):
        listed = submissions.iterator(chunk_size=EXPORT_CHUNK_SIZE)
    else:
        listed = map(
            ListedSubmission._make,
            submissions.values_list("pk", *RANKING_EXPORT_COLUMNS).iterator(
                chunk_size=EXPORT_CHUNK_SIZE
            ),
        )
    return ranked.rows(listed, means), submissions.count(), ranked.criteria


def ranking(*, call, submissions=None):
    """Every row of the ranking in id order, as ranking_export: (rows, criteria)."""
    ranked, submissions = _ranking_in_id_order(call=call, submissions=submissions)
    means = criterion_means(call=call, criteria=ranked.criteria)
    return list(ranked.rows(submissions, means)), ranked.criteria


def _ranking_in_id_order(*, call, submissions):
    ranked = ranking_scores(call=call)
    if submissions is None:
        submissions = ranking_submissions(call=call)
    submissions = call.get_submission_queryset(submissions.order_by("pk"))
    # The host's select_related relations are loaded whole (only() must name them).
    joined = submissions.query.select_related
    submissions = submissions.only(
        *RANKING_EXPORT_COLUMNS, *(joined if isinstance(joined, dict) else ())
    )
    return ranked, submissions


def ranking_page(
    *,
    call,
    submissions=None,
    ordering=DEFAULT_RANKING_ORDERING,
    page_number=1,
    per_page=100,
    paginator_class=Paginator,
    criteria=None,
):
    """One page of the ranking of ``submissions`` (default: all the ranking lists, else
    that queryset, filtered and searched) sorted by ``ordering`` (see ranking_ordering)
    over the whole list, reading only what the page shows: every listed submission's id,
    title, status and applicant name and every review's mean, sorted in memory; the
    page's criterion means come from the database for its rows only. Returns (page,
    criteria); the page's object_list holds scoring.RankedSubmission rows. Four queries
    whatever the size (three given the call's ``criteria``)."""
    ordering = ranking_ordering(ordering)
    ranked = ranking_scores(call=call, criteria=criteria)
    if submissions is None:
        submissions = ranking_submissions(call=call)
    fields = [f.attname for f in Submission._meta.concrete_fields if f.attname in RANKING_FIELDS]
    id_index = fields.index("id")
    listed = {
        values[id_index]: values for values in submissions.order_by("pk").values_list(*fields)
    }
    ids = list(listed)
    key = ordering.lstrip("-")
    if key == "title":
        title = fields.index("title")
        ids.sort(key=lambda pk: str(listed[pk][title]).lower())
    elif key in SCORE_SORT_KEYS:
        score_key = SCORE_SORT_KEYS[key]
        of = ranked.of
        ids.sort(key=lambda pk: score_key(of(pk)))
    if ordering.startswith("-"):
        ids.reverse()
    page = paginator_class(ids, per_page).get_page(page_number)
    means = criterion_means(call=call, criteria=ranked.criteria, submission_ids=page.object_list)
    # Instances with only these columns loaded, as .only() would make them.
    page.object_list = list(
        ranked.rows(
            (
                Submission.from_db(Submission.objects.db, fields, listed[pk])
                for pk in page.object_list
            ),
            means,
        )
    )
    return page, ranked.criteria


RANKING_FIELDS = {"id", *RANKING_COLUMNS}


def sort_rows(rows, ordering):
    """Sort ranking rows: ``mean`` is best first; ``-mean`` reverses it."""
    ordering = ranking_ordering(ordering)
    key = ordering.lstrip("-")
    if key == "title":
        ordered = sorted(rows, key=lambda row: str(row.submission.title).lower())
    elif key == "id":
        ordered = sorted(rows, key=lambda row: row.submission.pk)
    else:
        ordered = sorted(rows, key=SCORE_SORT_KEYS[key])  # a row has the scores' names
    return list(reversed(ordered)) if ordering.startswith("-") else ordered


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
    now = now or timezone.now()
    private = Page.objects.private_q()
    by_key = {}
    for model in call_page_models():
        for page in (
            model.objects.live()
            .exclude(private)
            .filter(locale_id__in={locale_id, default_locale_id})
            .filter(closes_at__gt=now)
        ):
            # A call opening later is read too: is_open tells the page cache when it opens
            # (and when an open one closes), so the home page changes at that moment.
            if not page.is_open(now):
                continue
            if page.translation_key not in by_key or page.locale_id == locale_id:
                by_key[page.translation_key] = page
    return sorted(by_key.values(), key=lambda page: (page.closes_at, page.title))[:limit]
