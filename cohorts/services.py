"""Writes: forming cohorts and telling their members. Keyword-only arguments throughout."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from proposals.models import SubmissionStatus

from . import emails
from .formation import suggest_cohorts
from .models import Cohort, CohortMembership
from .selectors import unplaced_candidates


def suggest_for_programme(*, programme):
    """The formation suggestion for the accepted organisations not yet in a cohort."""
    return suggest_cohorts(
        unplaced_candidates(programme=programme),
        min_size=programme.cohort_size_min,
        max_size=programme.cohort_size_max,
    )


def _next_cohort_number(programme):
    return Cohort.objects.for_programme(programme).count() + 1


@transaction.atomic
def create_cohort(*, programme, name, submissions):
    """A cohort of accepted applications to ``programme``, checked against its sizes."""
    submissions = list(submissions)
    if not programme.cohort_size_min <= len(submissions) <= programme.cohort_size_max:
        raise ValidationError(
            _("A cohort has %(min)d to %(max)d organisations, not %(count)d.")
            % {
                "min": programme.cohort_size_min,
                "max": programme.cohort_size_max,
                "count": len(submissions),
            }
        )
    for submission in submissions:
        if submission.call_id != programme.pk or submission.status != SubmissionStatus.ACCEPTED:
            raise ValidationError(
                _("%(name)s was not accepted onto this programme.") % {"name": submission}
            )
    cohort = Cohort.objects.create(programme=programme, name=name)
    CohortMembership.objects.bulk_create(
        CohortMembership(cohort=cohort, submission=submission, sort_order=order)
        for order, submission in enumerate(submissions)
    )
    return cohort


@transaction.atomic
def form_suggested_cohorts(*, programme):
    """Create the suggested cohorts, named "Cohort 1", "Cohort 2"... after existing ones."""
    suggestion = suggest_for_programme(programme=programme)
    number = _next_cohort_number(programme)
    created = []
    for members in suggestion.cohorts:
        created.append(
            create_cohort(
                programme=programme,
                name=_("Cohort %(number)d") % {"number": number},
                submissions=[candidate.key for candidate in members],
            )
        )
        number += 1
    return created


@transaction.atomic
def notify_cohort(*, cohort):
    """Email each member not yet told which cohort it is in; returns the email logs."""
    now = timezone.now()
    logs = []
    memberships = (
        CohortMembership.objects.select_for_update(of=("self",))
        .filter(cohort=cohort, notified_at__isnull=True)
        .select_related("submission__applicant", "submission__cohort_application")
    )
    for membership in memberships:
        logs.append(emails.queue_cohort_placement(membership=membership))
        membership.notified_at = now
        membership.save(update_fields=["notified_at"])
    return logs
