from django.urls import path

from .admin import decisions, email_preview, review
from .admin.calls import calls_viewset
from .admin.ranking import ranking_viewset
from .admin.reviews import queue_viewset

urlpatterns = [
    # The calls overview and the reviewer queue are viewsets (proposals/admin/); these
    # names reach the same views at the same addresses.
    path("", calls_viewset.index_view, name="calls"),
    path("reviews/", queue_viewset.index_view, name="queue"),
    path("reviews/<int:review_id>/", review.ReviewView.as_view(), name="review"),
    # The ranking and decisions are viewsets too (proposals.admin.ranking, .decisions:
    # "proposals_ranking:index", "proposals_decisions:…"); the old names stay.
    path("<int:call_id>/ranking/", ranking_viewset.index_view, name="ranking"),
    path("<int:call_id>/assign/", decisions.AutoAssignView.as_view(), name="auto_assign"),
    path("<int:call_id>/remind/", decisions.RemindView.as_view(), name="remind"),
    path("<int:call_id>/outcomes/", decisions.OutcomesView.as_view(), name="outcomes"),
    path(
        "<int:call_id>/email-preview/",
        email_preview.EmailPreviewView.as_view(),
        name="email_preview",
    ),
    path(
        "<int:call_id>/submissions/<int:pk>/",
        decisions.SubmissionAdminView.as_view(),
        name="submission",
    ),
]
