"""Admin screens of the home app: an editor submits a page's translation for moderation.

wagtail-localize's translation editor only offers "Publish", to those who may publish; an
editor sends a translation to the same moderation workflow as English pages from the
page's menu in the page explorer ("Submit translation for moderation").
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from home import localization


def can_submit_translation(page, user):
    """``user`` may send ``page`` to moderation, ``page`` is a translation made with
    wagtail-localize, and no workflow is already running on it."""
    return (
        page.alias_of_id is None
        and page.permissions_for_user(user).can_submit_for_moderation()
        and not page.workflow_in_progress
        and localization.synced_translation(page) is not None
    )


def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit_translation(page, request.user):
        raise PermissionDenied
    explore_url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    if request.method == "POST":
        try:
            localization.submit_translation_for_moderation(page=page, user=request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation could not be submitted: %(errors)s")
                % {"errors": " ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                _("The translation “%(title)s” has been submitted for moderation.")
                % {"title": page.get_admin_display_title()},
            )
        return redirect(explore_url)
    return TemplateResponse(
        request,
        "home/admin/submit_translation.html",
        {
            "page": page,
            "page_title": _("Submit translation for moderation"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "resubmit",
            "cancel_url": explore_url,
        },
    )
