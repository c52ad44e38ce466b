"""Reviews: one per reviewer per submission, created when a reviewer is assigned."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    def state(self):
        if self.conflict_declared:
            return _("Conflict declared")
        return _("Reviewed") if self.submitted_at else _("To do")
