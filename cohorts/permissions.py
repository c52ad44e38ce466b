"""Who may form cohorts and see their members: predicates in one place.

Cohort members' contacts are personal data from applications, so the rule follows the
proposals engine's: whoever may manage the programme's call (the Programme team, unless
the call is restricted to another group) manages its cohorts.
"""

from proposals import permissions as engine_permissions


def can_manage_cohorts(user, programme):
    return user.is_active and engine_permissions.can_manage_call(user, programme)


def can_notify_cohort(user, cohort):
    return user.has_perm("cohorts.notify_cohort") and can_manage_cohorts(user, cohort.programme)
