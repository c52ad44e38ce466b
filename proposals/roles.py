"""Staff roles and the permission names the engine checks: plain names, no models.

Models, querysets, predicates (proposals/permissions.py) and admin policies all read these,
so this module imports nothing of the app.
"""

PROGRAMME_TEAM = "Programme team"
REVIEWERS = "Reviewers"

MANAGE_CALL = "proposals.manage_call"
REVIEW_SUBMISSION = "proposals.review_submission"
VIEW_SUBMISSION = "proposals.view_submission"
CHANGE_SUBMISSION = "proposals.change_submission"
VIEW_IDENTITY = "proposals.view_applicant_identity"

#: The model-level permissions each role's members hold by being in its group.
ROLE_PERMISSIONS = {
    MANAGE_CALL: {PROGRAMME_TEAM},
    REVIEW_SUBMISSION: {PROGRAMME_TEAM, REVIEWERS},
}


def user_groups(user):
    """{group id: name} of the user's groups, read once per user object."""
    if not user.is_authenticated:
        return {}
    if not hasattr(user, "_proposals_groups"):
        user._proposals_groups = dict(user.groups.values_list("pk", "name"))
    return user._proposals_groups


def holds_role_permission(user, perm):
    """A model-level permission the user holds through their role's group."""
    return user.is_active and bool(
        ROLE_PERMISSIONS.get(perm, set()) & set(user_groups(user).values())
    )
