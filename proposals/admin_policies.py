"""The proposals engine in Wagtail's admin: who may use its screens. (How a view finds
only the records the user may see: home/admin_records.py.)

The Programme team views and exports submissions; nobody edits an applicant's answers
there. Every view that shows one record
(inspect, edit, delete, history, usage) looks it up in what the user may see, so a
record of a call they may not manage is a 404, whatever its address.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .permissions import MANAGE_CALL, ROLE_PERMISSIONS


class ProgrammeTeamPolicy(BasePermissionPolicy):
    """Model-level actions for whoever holds ``proposals.manage_call``."""

    actions = ("view", "export")

    def user_has_permission(self, user, action):
        return action in self.actions and user.has_perm(MANAGE_CALL)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not set(actions) & set(self.actions):
            return User.objects.none()
        app_label, codename = MANAGE_CALL.split(".")
        granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        return User.objects.filter(
            Q(is_superuser=True)
            | Q(groups__name__in=ROLE_PERMISSIONS[MANAGE_CALL])
            | Q(groups__permissions__in=granted)
            | Q(user_permissions__in=granted),
            is_active=True,
        ).distinct()
