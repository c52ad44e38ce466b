"""The proposals engine in the Wagtail admin: the "Calls" menu (the reviewer queue, the
calls overview and submissions, in proposals/admin/), a call's ranking and decisions, the
dashboard panels, and the open calls on the home page. The emails' templates and log are
the site's (home/mail/admin.py)."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from home.sections import HOOK_NAME as HOME_SECTIONS_HOOK
from home.sections import HomeSection

from . import admin_urls, selectors
from .admin import dashboard, decisions, ranking
from .admin.menu import calls_menu
from .admin_policies import ProgrammeTeamPolicy
from .models import Submission

register_permission_policy(Submission, ProgrammeTeamPolicy(Submission))


@hooks.register("register_admin_viewset")
def register_calls_menu():
    return calls_menu


@hooks.register("register_admin_viewset")
def register_ranking_and_decisions():
    return [ranking.ranking_viewset, decisions.decisions_viewset]


for bulk_action in decisions.BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "calls/",
            include((admin_urls.urlpatterns, "proposals_admin"), namespace="proposals_admin"),
        )
    ]


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    dashboard.add_panels(request, panels)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("proposals/css/admin.css"))


@hooks.register(HOME_SECTIONS_HOOK)
def open_calls_on_the_home_page(home_page, request, default_locale_id):
    calls = selectors.open_calls(locale_id=home_page.locale_id, default_locale_id=default_locale_id)
    return HomeSection("proposals/includes/home_open_calls.html", {"calls": calls}, order=20)
