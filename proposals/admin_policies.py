"""The proposals engine in Wagtail's admin: who may use its screens, and how they find
a record.

The Programme team views and exports submissions and the email log, and edits email
templates; nobody edits an applicant's answers there. Every view that shows one record
(inspect, edit, delete, history, usage) looks it up in what the user may see, so a
record of a call they may not manage is a 404, whatever its address.
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404
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


class ProgrammeTeamEditPolicy(ProgrammeTeamPolicy):
    actions = ("view", "export", "add", "change", "delete")


class VisibleListingMixin:
    """An index view (listing, search, CSV/XLSX export) of ``restrict(queryset, user)``."""

    restrict = None

    def get_base_queryset(self):
        return self.restrict(super().get_base_queryset(), self.request.user)


class VisibleObjectMixin:
    """A view of one record (inspect, edit, delete, history, usage, copy): unless the
    record is in ``restrict(queryset, user)`` it is not found, whatever its address.
    (Checked by primary key before anything is shown, whichever way the view itself
    loads the record: revisions, locks and so on.)"""

    restrict = None

    def dispatch(self, request, *args, **kwargs):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        if not self.restrict(self.model._default_manager.filter(pk=pk), request.user).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class VisibleRecordsViewSetMixin:
    """For a ModelViewSet (or SnippetViewSet): its listing and every view of one record
    start from ``restrict_queryset`` (by default the model's ``visible_to(user)``)."""

    def restrict_queryset(self, queryset, user):
        return queryset.visible_to(user)

    def construct_view(self, view_class, **kwargs):
        object_views = {
            self.edit_view_class,
            self.delete_view_class,
            self.history_view_class,
            self.usage_view_class,
            self.inspect_view_class,
            self.copy_view_class,
        }
        if view_class is self.index_view_class:
            view_class = type(view_class.__name__, (VisibleListingMixin, view_class), {})
        elif view_class in object_views:
            view_class = type(view_class.__name__, (VisibleObjectMixin, view_class), {})
        else:
            return super().construct_view(view_class, **kwargs)
        return super().construct_view(view_class, restrict=self.restrict_queryset, **kwargs)
