"""Admin integration for the conference app. Other modules add their hooks below."""

from django.contrib import messages
from wagtail import hooks

from conference import services
from conference import tickets_wagtail_hooks as tickets_wagtail_hooks  # ticket admin
from conference.models import SessionPage


def _warn_speaker_conflicts(request, page):
    if not isinstance(page, SessionPage):
        return
    for message in services.speaker_conflict_messages(session=page):
        messages.warning(request, message)


@hooks.register("after_create_page")
def warn_speaker_conflicts_on_create(request, page):
    _warn_speaker_conflicts(request, page)


@hooks.register("after_edit_page")
def warn_speaker_conflicts_on_edit(request, page):
    _warn_speaker_conflicts(request, page)


@hooks.register("register_admin_viewset")
def register_session_listing():
    from conference.admin_views import SessionListingViewSet

    return SessionListingViewSet()
