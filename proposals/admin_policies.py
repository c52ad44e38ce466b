"""Wagtail permission policies: the Programme team manages submissions, templates and
the email log in the admin; nobody edits an applicant's answers there."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from .permissions import PROGRAMME_TEAM, is_programme_team


class ProgrammeTeamPolicy(BasePermissionPolicy):
    actions = ("view", "export")

    def user_has_permission(self, user, action):
        return action in self.actions and is_programme_team(user)

    def users_with_any_permission(self, actions):
        if not set(actions) & set(self.actions):
            return get_user_model().objects.none()
        User = get_user_model()
        return User.objects.filter(is_active=True).filter(
            groups__name=PROGRAMME_TEAM
        ) | User.objects.filter(is_active=True, is_superuser=True)


class ProgrammeTeamEditPolicy(ProgrammeTeamPolicy):
    actions = ("view", "export", "add", "change", "delete")
