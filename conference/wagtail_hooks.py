"""Admin integration for the conference app. Other modules add their hooks below."""

from django.contrib import messages
from wagtail import hooks

from conference.models import SessionPage
from conference.programme import selectors, services
from conference.programme.admin_views import SessionListingViewSet
from conference.tickets import wagtail_hooks as tickets_wagtail_hooks  # noqa: F401 (the ticket admin)
from home.sections import HOOK_NAME as HOME_SECTIONS_HOOK
from home.sections import HomeSection


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
    return SessionListingViewSet()


@hooks.register(HOME_SECTIONS_HOOK)
def next_conference_on_the_home_page(home_page, request, default_locale_id):
    conference, children = selectors.next_conference(
        locale_id=home_page.locale_id, default_locale_id=default_locale_id
    )
    if conference is None:
        return None
    call = children.get("callforproposalspage")
    return HomeSection(
        "conference/includes/home_conference.html",
        {
            "conference": conference,
            "programme": children.get("programmepage"),
            "tickets": children.get("ticketspage"),
            "call": call if call is not None and call.is_open() else None,
        },
        order=10,
    )
