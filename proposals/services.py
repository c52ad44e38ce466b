"""Every write to calls, submissions and reviews. Keyword-only arguments; views call one.

Side effects (email) are queued with ``transaction.on_commit`` from proposals.emails.
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.forms.models import construct_instance
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home import languages, personal_data
from home.models import EmailKind, EmailLog

from . import emails, scoring, selectors
from .models import (
    OUTCOME_STATUSES,
    REVIEWABLE_STATUSES,
    Review,
    ReviewRevision,
    Submission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStatus,
)
from .permissions import is_reviewer
from .roles import PROGRAMME_TEAM, REVIEWERS


class CallClosed(PermissionDenied):
    """The call is not open for submissions or edits."""


class NotEditable(PermissionDenied):
    """The submission has been decided or withdrawn, or is not the person's."""


class ReviewLocked(PermissionDenied):
    """The submission has been decided: its reviews are the record of that decision."""


class AssignmentRefused(ValueError):
    """This reviewer may not review this submission."""


def _check_open(call, now=None):
    if not call.is_open(now):
        if call.has_closed(now):
            raise CallClosed(_("This call closed and no longer accepts submissions or changes."))
        raise CallClosed(_("This call is not open yet."))


def _log(submission, action, by=None, detail=""):
    SubmissionEvent.objects.create(
        submission=submission,
        actor=by if by and by.is_authenticated else None,
        action=action,
        detail=detail[:255],
    )


def _snapshot(call, answers, previous_answers=None, previous_questions=None):
    """Answers to the current questions, plus any earlier answers to questions that have
    since been removed (with the question as it was asked): nothing is ever dropped."""
    questions = [q.snapshot() for q in call.get_questions()]
    current_keys = {q["key"] for q in questions}
    merged = dict(answers)
    previous_answers = previous_answers or {}
    old_questions = {q["key"]: q for q in (previous_questions or [])}
    for key, value in previous_answers.items():
        if key not in current_keys and key not in merged:
            merged[key] = value
            if key in old_questions:
                questions.append(old_questions[key])
    return merged, questions


def _store_files(submission, uploads):
    for key, uploaded in uploads.items():
        existing = SubmissionFile.objects.filter(submission=submission, question_key=key).first()
        new = SubmissionFile(
            submission=submission,
            question_key=key,
            original_name=uploaded.name[:255],
            content_type=getattr(uploaded, "detected_content_type", "application/octet-stream"),
            size=uploaded.size,
        )
        new.file.save(uploaded.name, uploaded, save=False)
        if existing is not None:
            old_name = existing.file.name
            existing.delete()
            transaction.on_commit(
                lambda name=old_name, storage=new.file.storage: storage.delete(name)
            )
        new.save()


def _get_or_create(*, call, by, submission, idempotency_key, applicant_name="", applicant_email=""):
    if submission is not None:
        if submission.applicant_id != getattr(by, "pk", None) or submission.call_id != call.pk:
            raise NotEditable(_("You can only change your own submissions."))
        return Submission.objects.select_for_update().get(pk=submission.pk), False
    if idempotency_key:
        existing = (
            Submission.objects.select_for_update().filter(idempotency_key=idempotency_key).first()
        )
        if existing is not None:
            if existing.applicant_id != getattr(by, "pk", None) or existing.call_id != call.pk:
                raise NotEditable(_("You can only change your own submissions."))
            return existing, False
    if (
        by is not None
        and by.is_authenticated
        and not call.allow_multiple_submissions
        and Submission.objects.filter(call_id=call.pk, applicant_id=by.pk)
        .exclude(status=SubmissionStatus.WITHDRAWN)
        .exists()
    ):
        raise NotEditable(_("This call takes one submission per person, and you already have one."))
    fields = {
        "call_id": call.pk,
        "applicant": by if by is not None and by.is_authenticated else None,
        "applicant_name": applicant_name,
        "applicant_email": applicant_email,
        "language": languages.supported(translation.get_language()) or "",
    }
    if by is not None and by.is_authenticated:
        fields["applicant_name"] = fields["applicant_name"] or by.get_full_name()
        fields["applicant_email"] = fields["applicant_email"] or by.email
    if idempotency_key:
        fields["idempotency_key"] = idempotency_key
    try:
        with transaction.atomic():
            return Submission.objects.create(**fields), True
    except IntegrityError:
        # Two identical requests raced: the other one created it.
        return Submission.objects.get(idempotency_key=idempotency_key), False


def _bind_details(details_form, *, call, submission):
    """Point the typed-details form at the submission's existing row, so a repeated or
    racing request (which built its form before that row existed) updates it instead of
    adding a second one."""
    existing = call.get_details_instance(submission)
    if existing is not None and existing.pk != details_form.instance.pk:
        meta = details_form._meta
        details_form.instance = construct_instance(
            details_form, existing, fields=meta.fields, exclude=meta.exclude
        )


def _write(submission, *, call, title, answers, uploads, details_form):
    submission.answers, submission.questions = _snapshot(
        call, answers, submission.answers, submission.questions
    )
    if title is not None:
        submission.title = title[:255]
    submission.save()
    if uploads:
        _store_files(submission, uploads)
    if details_form is not None:
        _bind_details(details_form, call=call, submission=submission)
        details_form.instance.submission = submission
        details_form.save_for(submission)
        if not call.submission_title_label:
            submission.title = call.get_submission_title(
                cleaned_data=details_form.cleaned_data, details=details_form.instance
            )[:255]
            submission.save(update_fields=["title"])


def save_draft(
    *,
    call,
    by,
    answers,
    title=None,
    submission=None,
    idempotency_key=None,
    uploads=None,
    details_form=None,
    now=None,
):
    """Create or update a draft (or update a submitted one's answers: it stays submitted)."""
    _check_open(call, now)
    if not (by and by.is_authenticated):
        raise NotEditable(_("Sign in to save a draft."))
    with transaction.atomic():
        submission, created = _get_or_create(
            call=call, by=by, submission=submission, idempotency_key=idempotency_key
        )
        if not submission.is_editable_status:
            raise NotEditable(_("This submission can no longer be changed."))
        _write(
            submission,
            call=call,
            title=title,
            answers=answers,
            uploads=uploads or {},
            details_form=details_form,
        )
        _log(submission, "created" if created else "saved", by)
    return submission


def submit(
    *,
    call,
    by,
    answers,
    title=None,
    submission=None,
    idempotency_key=None,
    uploads=None,
    details_form=None,
    applicant_name="",
    applicant_email="",
    now=None,
):
    """Save and submit. Submitting twice (double click, retry) keeps one submission and
    sends one confirmation; editing a submitted one keeps it submitted."""
    _check_open(call, now)
    if call.account_required and not (by and by.is_authenticated):
        raise NotEditable(_("Sign in to submit."))
    with transaction.atomic():
        submission, _created = _get_or_create(
            call=call,
            by=by if by and by.is_authenticated else None,
            submission=submission,
            idempotency_key=idempotency_key,
            applicant_name=applicant_name,
            applicant_email=applicant_email,
        )
        if not submission.is_editable_status:
            raise NotEditable(_("This submission can no longer be changed."))
        first_time = submission.status == SubmissionStatus.DRAFT
        _write(
            submission,
            call=call,
            title=title,
            answers=answers,
            uploads=uploads or {},
            details_form=details_form,
        )
        if first_time:
            submission.status = SubmissionStatus.SUBMITTED
            submission.submitted_at = now or timezone.now()
            # The language it is submitted in is the applicant's, for its emails.
            submission.language = languages.supported(translation.get_language()) or ""
            submission.save(update_fields=["status", "submitted_at", "language"])
            if by is not None and by.is_authenticated:
                languages.set_preferred_language(
                    user=by, language=submission.language, only_if_unset=True
                )
            _log(submission, "submitted", by)
            emails.queue_submission_email(submission=submission, kind=EmailKind.CONFIRMATION)
        else:
            _log(submission, "edited", by)
    return submission


def keep_as_draft(
    *,
    call,
    by,
    answers,
    title=None,
    submission=None,
    idempotency_key=None,
    uploads=None,
    details_form=None,
):
    """Keep what someone sent when the call could not take it (it has closed, or is not
    open yet) as their draft: never as a submission, so nothing reaches reviewers late.

    A submission already sent is left exactly as it was. Returns the draft, or None
    when nothing could be kept (no account to keep it under, or no draft to keep it in).
    """
    if not (by and by.is_authenticated):
        return None
    if submission is not None and not submission.is_draft:
        return None
    try:
        with transaction.atomic():
            submission, _created = _get_or_create(
                call=call, by=by, submission=submission, idempotency_key=idempotency_key
            )
            if not submission.is_draft:
                return None
            _write(
                submission,
                call=call,
                title=title,
                answers=answers,
                uploads=uploads or {},
                details_form=details_form,
            )
            _log(submission, "kept as a draft: call not open", by)
    except NotEditable:
        return None
    return submission


def withdraw(*, submission, by, now=None):
    call = submission.call.specific
    _check_open(call, now)
    if submission.applicant_id != by.pk or not submission.is_editable_status:
        raise NotEditable(_("This submission can no longer be withdrawn."))
    with transaction.atomic():
        submission.status = SubmissionStatus.WITHDRAWN
        submission.save(update_fields=["status", "updated_at"])
        submission.reviews.filter(submitted_at__isnull=True).delete()
        _log(submission, "withdrawn", by)
    return submission


# --- Reviewers -------------------------------------------------------------------


def reviewer_candidates(call=None):
    """People who may be given reviews: active members of Reviewers or Programme team."""
    User = get_user_model()
    qs = User.objects.filter(
        is_active=True, groups__name__in=[REVIEWERS, PROGRAMME_TEAM]
    ).distinct()
    group_id = getattr(call, "restricted_to_group_id", None)
    if group_id:
        qs = qs.filter(groups__pk=group_id)
    return qs.order_by("email")


def assign(*, submission, reviewer, by=None):
    if submission.applicant_id == reviewer.pk:
        raise AssignmentRefused(_("Nobody reviews their own submission."))
    if submission.status not in REVIEWABLE_STATUSES:
        raise AssignmentRefused(_("Only submitted proposals are reviewed."))
    if not is_reviewer(reviewer):
        raise AssignmentRefused(_("%(email)s is not a reviewer.") % {"email": reviewer.email})
    review, created = Review.objects.get_or_create(
        submission=submission, reviewer=reviewer, defaults={"assigned_by": by}
    )
    if not created and review.conflict_declared:
        raise AssignmentRefused(_("This reviewer declared a conflict of interest."))
    if created:
        _log(submission, "assigned", by, reviewer.email)
    return review


def unassign(*, review, by=None):
    if review.submitted_at:
        raise AssignmentRefused(_("A finished review is kept."))
    _log(review.submission, "unassigned", by, review.reviewer.email)
    review.delete()


def auto_assign(*, call, by=None, reviewers=None, submission_ids=None):
    """Give every submitted proposal (or those of ``submission_ids``) the call's number of
    reviews, spreading the load over everything each reviewer has on the call.

    Never a reviewer's own submission or one they declared a conflict on. Each
    submission takes the least-loaded eligible reviewers; ties break by id so the
    result is repeatable. Returns the number of new assignments.
    """
    reviewers = list(reviewers if reviewers is not None else reviewer_candidates(call))
    if not reviewers:
        return 0
    needed = call.reviews_per_submission
    submissions = Submission.objects.filter(call_id=call.pk, status__in=REVIEWABLE_STATUSES)
    if submission_ids is not None:
        submissions = submissions.filter(pk__in=submission_ids)
    submissions = list(submissions.order_by("pk"))
    existing = list(
        Review.objects.filter(submission__call_id=call.pk).values_list(
            "submission_id", "reviewer_id", "conflict_declared"
        )
    )
    load = Counter({r.pk: 0 for r in reviewers})
    taken = {}
    for submission_id, reviewer_id, conflict in existing:
        taken.setdefault(submission_id, {})[reviewer_id] = conflict
        if not conflict and reviewer_id in load:
            load[reviewer_id] += 1
    new_reviews = []
    for submission in submissions:
        current = taken.get(submission.pk, {})
        active = sum(1 for conflict in current.values() if not conflict)
        eligible = sorted(
            (r for r in reviewers if r.pk != submission.applicant_id and r.pk not in current),
            key=lambda r: (load[r.pk], r.pk),
        )
        for reviewer in eligible[: max(0, needed - active)]:
            new_reviews.append(Review(submission=submission, reviewer=reviewer, assigned_by=by))
            load[reviewer.pk] += 1
    with transaction.atomic():
        Review.objects.bulk_create(new_reviews, ignore_conflicts=True)
    return len(new_reviews)


def _stored_review(review, by):
    """The review as stored, its row and its submission's locked until the change is
    saved, so a decision or a second tab cannot slip in between; refused once decided."""
    if review.reviewer_id != by.pk:
        raise PermissionDenied(_("This review is not yours to write."))
    stored = Review.objects.select_for_update().select_related("submission").get(pk=review.pk)
    if stored.is_locked:
        raise ReviewLocked(
            _("This submission has been decided (%(status)s): its reviews can no longer change.")
            % {"status": stored.submission.get_status_display()}
        )
    return stored


def _save_review(review, *, stored, by, event):
    """Save a change to a review; once its reviewer had seen the others' scores, keep the
    version it replaces in the review's history."""
    review.others_seen_at = stored.others_seen_at
    review.save()
    if stored.edits_are_kept and stored.content() != review.content():
        ReviewRevision.objects.create(
            review=review, changed_by=by, before=stored.content(), after=review.content()
        )
    _log(review.submission, event, by)
    return review


@transaction.atomic
def record_review(*, review, scores, comment="", recommendation="", by):
    """Save a reviewer's scores ({criterion id: score or None for not applicable}).

    Refused once the submission is decided; a change after the reviewer has seen the
    other reviewers' scores is kept in the review's history (ReviewRevision)."""
    stored = _stored_review(review, by)
    if stored.conflict_declared:
        raise PermissionDenied(_("This review is not yours to write."))
    call = stored.submission.call.specific
    review.scores = {str(k): v for k, v in scores.items()}
    review.comment = comment
    review.recommendation = recommendation
    review.mean_score = scoring.review_mean(review.scores, call.get_criteria())
    review.submitted_at = stored.submitted_at or timezone.now()
    event = "review edited" if stored.submitted_at else "reviewed"
    return _save_review(review, stored=stored, by=by, event=event)


@transaction.atomic
def declare_conflict(*, review, reason, by):
    stored = _stored_review(review, by)
    review.conflict_declared = True
    review.conflict_reason = reason
    review.scores = {}
    review.mean_score = None
    review.submitted_at = None
    return _save_review(review, stored=stored, by=by, event="conflict declared")


def note_others_seen(*, by, submission=None, call=None, now=None):
    """``by`` is being shown other reviewers' scores on this submission (or on every
    submission of this call): from now on changes to their own reviews there are kept."""
    reviews = Review.objects.filter(reviewer_id=by.pk, others_seen_at__isnull=True)
    if submission is not None:
        reviews = reviews.filter(submission_id=submission.pk)
    elif call is not None:
        reviews = reviews.filter(submission__call_id=call.pk)
    else:
        raise ValueError("note_others_seen needs a submission or a call")
    return reviews.update(others_seen_at=now or timezone.now())


def remind_reviewers(*, call, by=None):
    """Email each reviewer with unfinished reviews on this call. Returns how many."""
    pending = Counter(
        Review.objects.pending()
        .filter(submission__call_id=call.pk, submission__status__in=REVIEWABLE_STATUSES)
        .values_list("reviewer_id", flat=True)
    )
    User = get_user_model()
    with transaction.atomic():
        for reviewer in User.objects.filter(pk__in=pending):
            emails.queue_review_reminder(
                call=call, reviewer=reviewer, pending_count=pending[reviewer.pk]
            )
    return len(pending)


# --- Decisions -------------------------------------------------------------------

DECISIONS = {
    "accept": SubmissionStatus.ACCEPTED,
    "reject": SubmissionStatus.REJECTED,
    "waitlist": SubmissionStatus.WAITLISTED,
}
OUTCOME_EMAIL = {
    SubmissionStatus.ACCEPTED: EmailKind.ACCEPTED,
    SubmissionStatus.REJECTED: EmailKind.REJECTED,
    SubmissionStatus.WAITLISTED: EmailKind.WAITLISTED,
}


def decide(*, submissions, status, by=None):
    """Accept, reject or waitlist submitted proposals (one or many). Emails are separate:
    see send_outcomes, so staff can preview first. Returns the number changed."""
    if status not in OUTCOME_STATUSES:
        raise ValueError(status)
    changed = 0
    with transaction.atomic():
        for submission in submissions:
            if submission.status not in REVIEWABLE_STATUSES or submission.status == status:
                continue
            submission.status = status
            submission.decided_at = timezone.now()
            submission.save(update_fields=["status", "decided_at", "updated_at"])
            _log(submission, f"decided: {status}", by)
            changed += 1
    return changed


def send_outcomes(*, submissions, by=None):
    """Queue the outcome email for each decided submission not yet told. Returns how many."""
    queued = 0
    with transaction.atomic():
        for submission in submissions:
            kind = OUTCOME_EMAIL.get(submission.status)
            if kind is None:
                continue
            if EmailLog.objects.filter(submission=submission, kind=kind).exists():
                continue
            emails.queue_submission_email(submission=submission, kind=kind)
            submission.outcome_sent_at = timezone.now()
            submission.save(update_fields=["outcome_sent_at"])
            _log(submission, "outcome emailed", by, kind)
            queued += 1
    return queued


# --- Privacy ---------------------------------------------------------------------


def _identifiers(submission):
    """The names and addresses a submission's applicant goes by, to find quotes of them."""
    applicant = submission.applicant
    found = {submission.applicant_name, submission.applicant_email}
    if applicant is not None:
        found |= {applicant.get_full_name(), applicant.email}
    return {value for value in found if value}


def redact_quotes(*, reviews, needles):
    """Replace the person's names and addresses in review comments and conflict reasons."""
    needles = {n for n in needles if n}
    if not needles:
        return 0
    quoting = Q()
    for needle in needles:
        quoting |= Q(comment__icontains=needle) | Q(conflict_reason__icontains=needle)
    changed = 0
    for review in reviews.filter(quoting):
        review.comment = personal_data.redact(review.comment, needles)
        review.conflict_reason = personal_data.redact(review.conflict_reason, needles)
        review.save(update_fields=["comment", "conflict_reason"])
        changed += 1
    # The review history keeps earlier versions of the same words.
    quoted = Q()
    for needle in needles:
        for version in ("before", "after"):
            for key in ("comment", "conflict_reason"):
                quoted |= Q(**{f"{version}__{key}__icontains": needle})
    for revision in ReviewRevision.objects.filter(quoted, review__in=reviews):
        for version in (revision.before, revision.after):
            for key in ("comment", "conflict_reason"):
                if version.get(key):
                    version[key] = personal_data.redact(version[key], needles)
        revision.save(update_fields=["before", "after"])
    return changed


def erase_personal_data(*, submission, by=None):
    """Remove answers, files and contact details, and sever every link to the person: the
    email log's copies, their name on the history, review comments quoting them. The status
    and the anonymised scores are kept."""
    with transaction.atomic():
        needles = _identifiers(submission)
        applicant_id = submission.applicant_id
        for stored in submission.files.all():
            name, storage = stored.file.name, stored.file.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        submission.files.all().delete()
        submission.answers = {}
        submission.questions = []
        submission.title = _("Erased submission %(id)s") % {"id": submission.pk}
        submission.applicant = None
        submission.applicant_name = ""
        submission.applicant_email = ""
        submission.anonymised_at = timezone.now()
        submission.save()
        submission.email_logs.update(
            to=personal_data.ERASED_EMAIL, body="", subject="", recipient_user=None
        )
        if applicant_id is not None:
            submission.events.filter(actor_id=applicant_id).update(actor=None)
        redact_quotes(reviews=Review.objects.filter(submission=submission), needles=needles)
        call = submission.call.specific
        details = call.get_details_instance(submission)
        if details is not None:
            details.delete()
        _log(submission, "personal data erased", by)
    return submission


def forget(*, submission, by=None):
    """The retention policy for one submission: a draft (never submitted) is deleted with
    its files; anything submitted keeps its status and anonymised scores."""
    if submission.status != SubmissionStatus.DRAFT:
        return erase_personal_data(submission=submission, by=by)
    with transaction.atomic():
        for stored in submission.files.all():
            name, storage = stored.file.name, stored.file.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        submission.delete()
    return None


def expire_submissions(*, cutoff, dry_run=False):
    """Forget every submission last changed before ``cutoff`` (see forget). Returns what
    was done, or with ``dry_run`` what would be, one line each; a dry run changes nothing."""
    done = []
    for submission in selectors.past_retention(cutoff=cutoff):
        action = _("delete draft") if submission.is_draft else _("anonymise")
        done.append(
            _("Submission %(id)s to %(call)s (%(status)s, last changed %(changed)s): %(action)s")
            % {
                "id": submission.pk,
                "call": submission.call.title,
                "status": submission.get_status_display(),
                "changed": f"{submission.updated_at:%Y-%m-%d}",
                "action": action,
            }
        )
        if not dry_run:
            forget(submission=submission)
    return done


__all__ = [
    "CallClosed",
    "NotEditable",
    "AssignmentRefused",
    "ReviewLocked",
    "save_draft",
    "submit",
    "keep_as_draft",
    "withdraw",
    "assign",
    "unassign",
    "auto_assign",
    "record_review",
    "declare_conflict",
    "note_others_seen",
    "remind_reviewers",
    "decide",
    "send_outcomes",
    "erase_personal_data",
    "forget",
    "expire_submissions",
    "redact_quotes",
]
