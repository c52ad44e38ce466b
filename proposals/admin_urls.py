from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.CallsView.as_view(), name="calls"),
    path("reviews/", admin_views.QueueView.as_view(), name="queue"),
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
