"""A listing of its own in the admin (the reviewer queue, the calls overview): Wagtail's
IndexView (columns, filters, search, pagination) with no add, edit or delete views, shown
to whoever ``is_allowed(user)`` says, in the menu as at its address."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet

from home.admin_records import DecoratedRowsMixin


class ListingView(DecoratedRowsMixin, IndexView):
    """An IndexView that refuses whoever its viewset does not allow."""

    is_allowed = None

    def dispatch(self, request, *args, **kwargs):
        if not self.is_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ListingViewSet(ViewSet):
    index_view_class = ListingView

    @staticmethod
    def is_allowed(user):
        return False

    def get_index_view_kwargs(self):
        return {
            "is_allowed": self.is_allowed,
            "header_icon": self.icon,
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }

    @cached_property
    def index_view(self):
        return self.construct_view(self.index_view_class, **self.get_index_view_kwargs())

    @cached_property
    def index_results_view(self):
        return self.construct_view(
            self.index_view_class, **self.get_index_view_kwargs(), results_only=True
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    @cached_property
    def menu_item_class(self):
        viewset = self

        class ListingMenuItem(MenuItem):
            def is_shown(self, request):
                return viewset.is_allowed(request.user)

        return ListingMenuItem
