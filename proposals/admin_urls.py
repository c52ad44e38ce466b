from django.urls import path

from . import admin_views
from .admin.calls import calls_viewset
from .admin.reviews import queue_viewset

urlpatterns = [
    # The calls overview and the reviewer queue are viewsets (proposals/admin/); these
    # names reach the same views at the same addresses.
    path("", calls_viewset.index_view, name="calls"),
    path("reviews/", queue_viewset.index_view, name="queue"),
    path("reviews/<int:review_id>/", admin_views.ReviewView.as_view(), name="review"),
    path("<int:call_id>/ranking/", admin_views.RankingView.as_view(), name="ranking"),
    path("<int:call_id>/assign/", admin_views.AutoAssignView.as_view(), name="auto_assign"),
    path("<int:call_id>/remind/", admin_views.RemindView.as_view(), name="remind"),
    path("<int:call_id>/outcomes/", admin_views.OutcomesView.as_view(), name="outcomes"),
    path(
        "<int:call_id>/submissions/<int:pk>/",
        admin_views.SubmissionAdminView.as_view(),
        name="submission",
    ),
]
