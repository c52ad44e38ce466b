"""Who may do what with calls, submissions and reviews: predicates in one place.

Views, templates and querysets ask ``user.has_perm(...)`` with the permissions the models
declare; the :class:`ObjectPermissionBackend` (in AUTHENTICATION_BACKENDS) answers:

- ``proposals.manage_call`` (Submission.Meta): without an object, "manages calls" (the
  Programme team); with a call page, "manages this call", which a call restricted to a
  group (board appointments) allows only to that group's members.
- ``proposals.review_submission`` (Submission.Meta): without an object, "reviews"; with a
  Review, "may fill in this review" (their own, with no conflict declared).
- ``proposals.view_submission`` / ``proposals.change_submission`` with a submission: its
  applicant, an assigned reviewer or who manages its call may see it; only the applicant
  changes it, while the call is open.
- ``proposals.view_applicant_identity`` with a submission: whether someone who may see it
  also sees who sent it (name, organisation, email); not a reviewer of an anonymised call.

Roles come from groups, named in proposals/roles.py and nowhere else: the Programme team holds
``manage_call`` and ``review_submission``, Reviewers hold ``review_submission``. A group
given either permission in the admin holds it too (Django's ModelBackend answers that).

Listings start from the queryset methods that use the same rules:
``Submission.objects.visible_to(user)`` / ``.managed_by(user)`` and
``EmailLog.objects.visible_to(user)``.
"""

from django.utils.translation import gettext as _

from .models import CallPageMixin
from .models.hosts import hidden_call_ids
from .roles import (
    CHANGE_SUBMISSION,
    MANAGE_CALL,
    PROGRAMME_TEAM,
    REVIEW_SUBMISSION,
    REVIEWERS,
    ROLE_PERMISSIONS,
    VIEW_IDENTITY,
    VIEW_SUBMISSION,
    holds_role_permission,
    user_groups,
)

__all__ = [
    "CHANGE_SUBMISSION",
    "MANAGE_CALL",
    "PROGRAMME_TEAM",
    "REVIEWERS",
    "REVIEW_SUBMISSION",
    "ROLE_PERMISSIONS",
    "VIEW_IDENTITY",
    "VIEW_SUBMISSION",
    "hidden_call_ids",
    "holds_role_permission",
]


def is_programme_team(user):
    return user.has_perm(MANAGE_CALL)


def is_reviewer(user):
    return user.has_perm(REVIEW_SUBMISSION)


def _specific(call):
    return call if isinstance(call, CallPageMixin) else call.specific


def in_call_group(user, call):
    """False only for a call restricted to a group the user is not in."""
    group_id = _specific(call).restricted_to_group_id
    return group_id is None or user.is_superuser or group_id in user_groups(user)


def can_manage_call(user, call):
    """Assign, rank, decide, export, email, form cohorts: the Programme team, and for a
    call restricted to a group only those of them in it."""
    return user.has_perm(MANAGE_CALL) and in_call_group(user, call)


def is_assigned_reviewer(user, submission):
    return submission.reviews.filter(reviewer_id=user.pk, conflict_declared=False).exists()


def can_view_submission(user, submission):
    if not user.is_authenticated:
        return False
    if submission.applicant_id == user.pk:
        return True
    if user.has_perm(REVIEW_SUBMISSION) and is_assigned_reviewer(user, submission):
        return True
    return user.has_perm(MANAGE_CALL, submission.call)


def can_edit_submission(user, submission):
    """The owner, while the call is open and nothing has been decided."""
    return (
        user.is_authenticated
        and submission.applicant_id == user.pk
        and submission.is_editable_status
        and _specific(submission.call).is_open()
    )


def can_review(user, review):
    return (
        user.has_perm(REVIEW_SUBMISSION)
        and review.reviewer_id == user.pk
        and not review.conflict_declared
    )


def can_view_identity(user, submission):
    """Reviewers of an anonymised call do not; its applicant and managers always do."""
    if user.is_authenticated and submission.applicant_id == user.pk:
        return True
    if user.has_perm(MANAGE_CALL, submission.call):
        return True
    return not _specific(submission.call).anonymised_review


def display_title(user, submission):
    """The submission's title as ``user`` may see it: where the title is the applicant's
    name or organisation (the host says so) and identity is hidden, a reference."""
    call = _specific(submission.call)
    if call.submission_title_identifies_applicant and not user.has_perm(VIEW_IDENTITY, submission):
        return _("Application #%(id)s") % {"id": submission.pk}
    return submission.title


def display_titles(user, submissions):
    """{submission id: display_title} for many submissions, reading each call once."""
    calls = {}
    for submission in submissions:
        if submission.call_id not in calls:
            calls[submission.call_id] = _specific(submission.call)
        submission.call = calls[submission.call_id]
    return {submission.pk: display_title(user, submission) for submission in submissions}


RULES = {
    MANAGE_CALL: can_manage_call,
    REVIEW_SUBMISSION: can_review,
    VIEW_SUBMISSION: can_view_submission,
    CHANGE_SUBMISSION: can_edit_submission,
    VIEW_IDENTITY: can_view_identity,
}


def register_rules(rules):
    """Host apps add their object rules ({"app.codename": predicate(user, obj)})."""
    RULES.update(rules)


class ObjectPermissionBackend:
    """Answers model-level permissions from roles and object-level ones from ``RULES``;
    everything else falls to ModelBackend."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if obj is None:
            return holds_role_permission(user_obj, perm)
        rule = RULES.get(perm)
        return rule is not None and rule(user_obj, obj)
