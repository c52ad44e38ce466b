"""The cohorts' section of a person's data (registered in CohortsConfig.ready): the typed
part of their cohort applications and the cohort each joined."""

from home import personal_data

from .models import CohortApplication


def export_cohort_applications(user):
    applications = (
        CohortApplication.objects.filter(submission__applicant_id=user.pk)
        .select_related("submission__cohort_membership__cohort")
        .order_by("submission_id")
    )
    rows = []
    for application in applications:
        membership = getattr(application.submission, "cohort_membership", None)
        rows.append(
            {
                "submission_id": application.submission_id,
                "organisation_name": application.organisation_name,
                "groups_served": application.groups_served,
                "cohort": membership.cohort.name if membership else "",
            }
        )
    return rows


def register():
    # Erased with their submission: the engine deletes a host's details.
    personal_data.register("cohort_applications", export=export_cohort_applications)
