"""Admin listings and record views that show each user only what they may see, and a
view-and-export-only permission policy (for records the site writes itself: donations,
the email log). Used by every app's viewsets."""

from django.contrib.admin.utils import unquote
from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """View and export for who holds the model's view permission; nobody adds, edits or
    deletes (the records are written by the site: a payment, a sent message)."""

    def user_has_permission(self, user, action):
        if action not in ("view", "export"):
            return False
        return super().user_has_permission(user, "view")


class DecoratedRowsMixin:
    """For an IndexView: ``decorate`` attaches what the columns show to the rows of the
    page shown, all at once (a fixed number of queries, not one per row)."""

    def decorate(self, rows):
        """Set attributes on ``rows`` (a list of the page's objects)."""

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = rows = list(object_list)
        self.decorate(rows)
        return paginator, page, rows, is_paginated


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
