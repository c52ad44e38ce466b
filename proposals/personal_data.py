"""The proposals engine's sections of a person's data (registered in ProposalsConfig.ready).

A host's typed fields (a conference's session proposal, a cohort application) are the
host app's own sections: the engine exports only what it stores itself.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from home import personal_data

from . import services
from .models import Review, Submission, SubmissionEvent


def export_submissions(user):
    submissions = (
        Submission.objects.filter(applicant_id=user.pk)
        .select_related("call")
        .prefetch_related("files", "events")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": s.pk,
            "call": s.call.title,
            "title": s.title,
            "status": s.applicant_status.value,
            "applicant_name": s.applicant_name,
            "applicant_email": s.applicant_email,
            "created_at": s.created_at,
            "submitted_at": s.submitted_at,
            "answers": [
                {"question": row["label"], "answer": row["value"]}
                for row in s.answer_rows(files=list(s.files.all()))
            ],
            "files": [
                {"question": f.question_key, "name": f.original_name, "size": f.size}
                for f in s.files.all()
            ],
            "history": [{"action": e.action, "at": e.created_at} for e in s.events.all()],
        }
        for s in submissions
    ]


def export_reviews(user):
    """Reviews the person wrote (as a reviewer)."""
    return [
        {
            "call": r.submission.call.title,
            "submission_id": r.submission_id,
            "scores": r.scores,
            "mean_score": r.mean_score,
            "comment": r.comment,
            "recommendation": r.recommendation,
            "conflict_declared": r.conflict_declared,
            "conflict_reason": r.conflict_reason,
            "assigned_at": r.assigned_at,
            "submitted_at": r.submitted_at,
        }
        for r in Review.objects.filter(reviewer_id=user.pk)
        .select_related("submission__call")
        .order_by("assigned_at", "pk")
    ]


def erase_submissions(user):
    """Their submissions as the retention policy says (services.forget), and their name
    on any submission's history."""
    for submission in Submission.objects.filter(applicant_id=user.pk).select_related(
        "call", "applicant"
    ):
        services.forget(submission=submission)
    SubmissionEvent.objects.filter(actor_id=user.pk).update(actor=None)
    emails = personal_data.all_emails(user)
    mentions = Q(pk__in=[])
    for email in emails:
        mentions |= Q(detail__icontains=email)
    for event in SubmissionEvent.objects.filter(mentions):
        event.detail = personal_data.redact(event.detail, emails)
        event.save(update_fields=["detail"])


def erase_quotes(user):
    """Review comments anywhere that quote the person's name or addresses."""
    services.redact_quotes(
        reviews=Review.objects.all(),
        needles={user.get_full_name(), *personal_data.all_emails(user)},
    )


def refuse_deletion(user):
    if Review.objects.filter(reviewer_id=user.pk).exists():
        return _(
            "You review submissions: the programme team closes reviewers' accounts, so that "
            "your reviews stay with the decisions they informed."
        )
    return ""


def expire(*, cutoff, dry_run=False):
    return services.expire_submissions(cutoff=cutoff, dry_run=dry_run)


def register():
    personal_data.register(
        "submissions", export=export_submissions, erase=erase_submissions, expire=expire
    )
    personal_data.register(
        "reviews", export=export_reviews, erase=erase_quotes, refuse_deletion=refuse_deletion
    )
