from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from home import admin_views, page_cache, workflow_messages
from home.donations.admin import donation_viewset
from home.mail.admin import emails_menu


@hooks.register("before_serve_page")
def note_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    page_cache.mark_page(page, request, serve_args)


@hooks.register("after_edit_page")
def say_what_approval_did(request, page):
    workflow_messages.say_what_approval_did(request, page)


@hooks.register("register_admin_viewset")
def register_donations_and_the_emails_menu():
    return [donation_viewset, emails_menu]


@hooks.register("register_admin_urls")
def translation_moderation_urls():
    return [
        path(
            "pages/<int:page_id>/submit-translation/",
            admin_views.submit_translation,
            name="home_submit_translation",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    if admin_views.can_submit_translation(page, user):
        yield Button(
            _("Submit translation for moderation"),
            reverse("home_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=3,
        )
