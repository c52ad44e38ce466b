"""Who may do what with calls, submissions and reviews: predicates in one place.

Views and templates ask ``user.has_perm("proposals.<rule>", obj)``; the
:class:`ObjectPermissionBackend` (in AUTHENTICATION_BACKENDS) answers from ``RULES``.

- Applicants see and edit only their own submissions (edit only while the call is open).
- Reviewers see only what they are assigned (and have not declared a conflict on).
- The Programme team sees and manages everything, except calls restricted to a group
  they are not in (board appointments). Other staff see nothing.
"""

from django.db.models import Q

PROGRAMME_TEAM = "Programme team"
REVIEWERS = "Reviewers"


def _group_names(user):
    if not hasattr(user, "_proposals_groups"):
        user._proposals_groups = (
            set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        )
    return user._proposals_groups


def is_programme_team(user):
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or PROGRAMME_TEAM in _group_names(user))
    )


def is_reviewer(user):
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or REVIEWERS in _group_names(user) or is_programme_team(user))
    )


def _restriction_allows(user, call):
    from .models import CallPageMixin

    if not isinstance(call, CallPageMixin):
        call = call.specific
    group_id = call.restricted_to_group_id
    if group_id is None or user.is_superuser:
        return True
    return user.groups.filter(pk=group_id).exists()


def can_manage_call(user, call):
    """Assign, rank, decide, export, email: the Programme team (and the call's group)."""
    return is_programme_team(user) and _restriction_allows(user, call)


def is_assigned_reviewer(user, submission):
    return submission.reviews.filter(reviewer_id=user.pk, conflict_declared=False).exists()


def can_view_submission(user, submission):
    if not user.is_authenticated:
        return False
    if submission.applicant_id == user.pk:
        return True
    if is_reviewer(user) and is_assigned_reviewer(user, submission):
        return True
    return can_manage_call(user, submission.call)


def can_edit_submission(user, submission):
    """The owner, while the call is open and nothing has been decided."""
    return (
        user.is_authenticated
        and submission.applicant_id == user.pk
        and submission.is_editable_status
        and submission.call.specific.is_open()
    )


def can_review(user, review):
    return is_reviewer(user) and review.reviewer_id == user.pk and not review.conflict_declared


def can_see_applicant_identity(user, submission):
    """False for reviewers of an anonymised call; the Programme team always may."""
    if submission.applicant_id == user.pk or can_manage_call(user, submission.call):
        return True
    return not submission.call.specific.anonymised_review


RULES = {
    "proposals.view_submission_obj": can_view_submission,
    "proposals.change_submission_obj": can_edit_submission,
    "proposals.review_obj": can_review,
    "proposals.manage_call_obj": can_manage_call,
    "proposals.see_identity_obj": can_see_applicant_identity,
}


class ObjectPermissionBackend:
    """Answers the object-level rules above; everything else falls to ModelBackend."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        rule = RULES.get(perm)
        if rule is None or obj is None:
            return False
        return rule(user_obj, obj)


def submissions_visible_to(user, queryset):
    """Restrict a submission queryset to what ``user`` may see (for listings)."""
    if not user.is_authenticated:
        return queryset.none()
    visible = Q(applicant_id=user.pk)
    if is_reviewer(user):
        visible |= Q(reviews__reviewer_id=user.pk, reviews__conflict_declared=False)
    if is_programme_team(user):
        if user.is_superuser:
            return queryset
        group_ids = list(user.groups.values_list("pk", flat=True))
        visible |= ~Q(call__in=_restricted_call_ids_excluding(group_ids))
    return queryset.filter(visible).distinct()


def _restricted_call_ids_excluding(group_ids):
    """Ids of calls restricted to a group the user is not in, across every host page type."""
    from .registry import call_page_models

    ids = []
    for model in call_page_models():
        ids.extend(
            model.objects.filter(restricted_to_group__isnull=False)
            .exclude(restricted_to_group_id__in=group_ids)
            .values_list("pk", flat=True)
        )
    return ids
