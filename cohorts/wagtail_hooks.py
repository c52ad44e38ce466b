"""Admin: cohorts as a snippet (formed by hand), the formation page per programme, and
each cohort's staff-only page of organisations and contacts."""

from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_records import VisibleRecordsViewSetMixin
from proposals.permissions import MANAGE_CALL

from . import views
from .forms import CohortAdminForm, CohortMembershipForm
from .models import Cohort, CohortProgrammePage


class MembersColumn(Column):
    """The cohort's size, linking to its page of organisations and contacts."""

    def get_value(self, instance):
        return instance.memberships.count()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = format_html(
            '<a href="{}">{}</a>',
            reverse("cohorts_admin:cohort", args=[instance.pk]),
            _("%(count)s organisations") % {"count": context["value"]},
        )
        return context


class MembersPanel(InlinePanel):
    """The cohort's members, each chosen from what the editor may see (the form is
    given the user: Wagtail's InlinePanel does not pass it to its rows)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=CohortMembershipForm, inherit_kwargs=["for_user"]
        )
        return options


class CohortViewSet(VisibleRecordsViewSetMixin, SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "programme", MembersColumn("members", label=_("Members"))]
    list_filter = ["programme"]
    ordering = ["programme", "name"]
    search_fields = ["name"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("programme"),
            FieldPanel("name"),
            FieldPanel("notes"),
            MembersPanel(
                "memberships",
                label=_("Organisations"),
                heading=_("Organisations"),
                panels=[FieldPanel("submission")],
            ),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_queryset(self, request):
        return Cohort.objects.select_related("programme").prefetch_related("memberships")


register_snippet(CohortViewSet)


@hooks.register("register_admin_urls")
def register_cohort_admin_urls():
    urls = [
        path("programme/<int:programme_id>/", views.programme_cohorts, name="programme"),
        path("cohort/<int:cohort_id>/", views.cohort_members, name="cohort"),
    ]
    return [path("cohorts/", include((urls, "cohorts_admin"), namespace="cohorts_admin"))]


def _formation_button(page, user):
    if page.specific_class is CohortProgrammePage and user.has_perm(MANAGE_CALL, page.specific):
        yield PageMenuItem(
            _("Form cohorts"),
            reverse("cohorts_admin:programme", args=[page.pk]),
            icon_name="group",
            priority=80,
            page=page,
        )


@hooks.register("register_page_header_buttons")
def cohort_formation_header_button(page, user, view_name, next_url=None):
    yield from _formation_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def cohort_formation_listing_button(page, user, next_url=None):
    yield from _formation_button(page, user)
