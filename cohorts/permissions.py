"""Who may form cohorts and see their members: predicates in one place.

Cohort members' contacts are personal data from applications, so the rules follow the
proposals engine's: whoever manages the programme's call (``proposals.manage_call`` on
it: the Programme team, unless the call is restricted to another group) manages its
cohorts. Views ask ``user.has_perm(...)``; :func:`register` (from the app's ``ready``)
hands these rules to the engine's permission backend.

- ``cohorts.view_cohort`` with a cohort: see its members and their contacts.
- ``cohorts.notify_cohort`` (Cohort.Meta) with a cohort: also email them their cohort.
- ``proposals.manage_call`` with a programme page: form its cohorts.
"""

from proposals import permissions as engine_permissions
from proposals.permissions import MANAGE_CALL

VIEW_COHORT = "cohorts.view_cohort"
NOTIFY_COHORT = "cohorts.notify_cohort"


def can_view_cohort(user, cohort):
    return user.has_perm(MANAGE_CALL, cohort.programme)


def can_notify_cohort(user, cohort):
    return user.has_perm(NOTIFY_COHORT) and user.has_perm(MANAGE_CALL, cohort.programme)


def cohorts_visible_to(user, queryset):
    """The cohorts of the programmes ``user`` manages."""
    if not user.has_perm(MANAGE_CALL):
        return queryset.none()
    return queryset.exclude(programme_id__in=engine_permissions.hidden_call_ids(user))


def register():
    engine_permissions.register_rules(
        {VIEW_COHORT: can_view_cohort, NOTIFY_COHORT: can_notify_cohort}
    )
