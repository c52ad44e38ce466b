"""Cohorts: accepted organisations on a cohort programme, grouped by the programme team."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from ..permissions import cohorts_visible_to


class CohortApplication(models.Model):
    """The typed part of an application to a cohort programme (the engine's details hook).

    The rest of the questionnaire is staff-built questions stored by the engine; these two
    are columns because cohort formation computes with them.
    """

    submission = models.OneToOneField(
        "proposals.Submission", on_delete=models.CASCADE, related_name="cohort_application"
    )
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    groups_served = models.JSONField(
        _("marginalised groups you work with"),
        default=list,
        blank=True,
        help_text=_("Items of the programme's eligibility definition."),
    )

    class Meta:
        verbose_name = _("cohort application")

    def __str__(self):
        return self.organisation_name


class CohortQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The cohorts of the programmes ``user`` manages (listing, edit, chooser)."""
        return cohorts_visible_to(user, self)

    def for_programme(self, programme):
        return self.filter(programme_id=programme.pk)

    def with_members(self):
        """Cohorts with their members, organisations and contacts in two more queries."""
        return self.select_related("programme").prefetch_related(
            models.Prefetch(
                "memberships",
                queryset=CohortMembership.objects.select_related(
                    "submission__applicant", "submission__cohort_application"
                ).order_by("sort_order", "pk"),
            )
        )


class Cohort(ClusterableModel):
    programme = models.ForeignKey(
        "cohorts.CohortProgrammePage",
        on_delete=models.CASCADE,
        related_name="cohorts",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("name"), max_length=120)
    notes = models.TextField(_("notes for the programme team"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["programme_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="cohort_name_per_programme")
        ]
        permissions = [("notify_cohort", _("Can email cohort members their cohort"))]

    def __str__(self):
        return self.name

    @property
    def size(self):
        return len(self.memberships.all())

    @property
    def unnotified_members(self):
        return [member for member in self.memberships.all() if member.notified_at is None]


class CohortMembership(Orderable):
    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    submission = models.OneToOneField(
        "proposals.Submission",
        on_delete=models.CASCADE,
        related_name="cohort_membership",
        verbose_name=_("accepted application"),
        help_text=_("An organisation accepted onto this cohort's programme."),
    )
    notified_at = models.DateTimeField(_("told of their cohort"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")

    def __str__(self):
        return self.organisation_name

    @property
    def organisation_name(self):
        details = getattr(self.submission, "cohort_application", None)
        return details.organisation_name if details else self.submission.title

    @property
    def groups_served(self):
        details = getattr(self.submission, "cohort_application", None)
        return details.groups_served if details else []

    @property
    def contact_name(self):
        applicant = self.submission.applicant
        return self.submission.applicant_name or (applicant.get_full_name() if applicant else "")

    @property
    def contact_email(self):
        applicant = self.submission.applicant
        return applicant.email if applicant and applicant.email else self.submission.applicant_email
