"""Reviews: one per reviewer per submission, created when a reviewer is assigned."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .submissions import OUTCOME_STATUSES


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    WAITLIST = "waitlist", _("Waiting list")
    REJECT = "reject", _("Reject")


class ReviewQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False, conflict_declared=False)

    def pending(self):
        return self.filter(submitted_at__isnull=True, conflict_declared=False)

    def for_reviewer(self, user):
        return self.filter(reviewer_id=user.pk)


class Review(models.Model):
    submission = models.ForeignKey(
        "proposals.Submission", on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="proposal_reviews",
        verbose_name=_("reviewer"),
    )
    # {criterion id (str): score or None for "not applicable"}
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comment = models.TextField(_("comment for the programme team"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=16, choices=Recommendation.choices, blank=True
    )
    conflict_declared = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_reason = models.CharField(_("conflict of interest"), max_length=255, blank=True)
    # Cached weighted mean of this review's applicable scores (see scoring.review_mean).
    mean_score = models.FloatField(_("mean score"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    # When the reviewer first saw other reviewers' scores: later changes are kept in
    # ReviewRevision for the programme team.
    others_seen_at = models.DateTimeField(_("saw other reviewers' scores"), null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="one_review_per_reviewer"
            )
        ]

    def __str__(self):
        return _("Review of %(submission)s by %(reviewer)s") % {
            "submission": self.submission_id,
            "reviewer": self.reviewer_id,
        }

    @property
    def is_done(self):
        return self.submitted_at is not None

    @property
    def is_locked(self):
        """Once the submission is decided its reviews are the record of that decision."""
        return self.submission.status in OUTCOME_STATUSES

    @property
    def edits_are_kept(self):
        """A change now would come after seeing the others' scores: keep the old version."""
        return self.is_done and self.others_seen_at is not None

    def content(self):
        """What the reviewer wrote, as stored in a ReviewRevision."""
        return {
            "scores": self.scores,
            "mean_score": self.mean_score,
            "recommendation": self.recommendation,
            "comment": self.comment,
            "conflict_declared": self.conflict_declared,
            "conflict_reason": self.conflict_reason,
        }

    @property
    def state(self):
        if self.conflict_declared:
            return _("Conflict declared")
        return _("Reviewed") if self.submitted_at else _("To do")


class ReviewRevision(models.Model):
    """A change to a review made after its reviewer had seen the other reviewers' scores:
    who, when, and the review before and after, for the programme team."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="revisions")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    before = models.JSONField(_("before"), default=dict)
    after = models.JSONField(_("after"), default=dict)

    class Meta:
        verbose_name = _("review change")
        verbose_name_plural = _("review changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return _("Change to review %(review)s") % {"review": self.review_id}
