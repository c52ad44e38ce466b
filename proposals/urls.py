from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "proposals"

urlpatterns = [
    path("my-submissions/", views.my_submissions, name="my_submissions"),
    # The download now holds everything about the person (home's account page).
    path(
        "my-submissions/my-data.json",
        RedirectView.as_view(pattern_name="account_my_data"),
        name="my_data",
    ),
    path("my-submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("my-submissions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path(
        "my-submissions/<int:pk>/files/<int:file_pk>/",
        views.submission_file,
        name="submission_file",
    ),
]
