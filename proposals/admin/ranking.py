"""A call's ranking for the Programme team: Wagtail's IndexView with a column per rubric
criterion, the call's own filters (``ranking_filterset_class``), search, ordering by any
score over the whole call, pagination, CSV/XLSX export, and the decisions as bulk actions
(proposals.admin.decisions) on the submissions selected.

The scores are not columns of a table: the page reads every listed submission's id,
title and status and every review's mean, sorts them in memory and builds the rows of
the page shown (selectors.ranking_page), in a fixed number of queries.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from home.spreadsheets import SafeSpreadsheetExportMixin

from .. import exports, scoring, selectors, services
from ..models import CallPageMixin, Submission
from ..permissions import MANAGE_CALL

#: The ranking's sortable columns: Wagtail's "-" is highest first, as selectors.ranking_page
#: sorts a score without it (best first); a title sorts A to Z either way.
SCORE_COLUMNS = ("reviews", "mean", "spread", "calibrated")


def call_or_404(user, call_id):
    """The call page ``call_id`` if ``user`` manages it: a call restricted to a group they
    are not in is not found, as if it did not exist; without the right to manage calls at
    all the answer is a refusal."""
    if not user.has_perm(MANAGE_CALL):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=call_id).specific
    if not isinstance(page, CallPageMixin) or not user.has_perm(MANAGE_CALL, page):
        raise Http404
    return page


def submission_url(call, submission_id):
    return reverse("proposals_decisions:submission", args=[call.pk, submission_id])


class ScoreColumn(Column):
    """A number, or a dash where there is none yet."""

    cell_template_name = "proposals/admin/ranking/score_cell.html"


class SelectColumn(BaseColumn):
    """A checkbox per row, tied to the bulk-actions form below the table (by its ``form``
    attribute), so decisions work without JavaScript."""

    header_template_name = "proposals/admin/ranking/select_header.html"
    cell_template_name = "proposals/admin/ranking/select_cell.html"


class DisagreementColumn(Column):
    cell_template_name = "proposals/admin/ranking/disagreement_cell.html"


class RankingIndexView(SafeSpreadsheetExportMixin, IndexView):
    model = Submission
    template_name = "proposals/admin/ranking.html"
    results_template_name = "proposals/admin/ranking_results.html"
    header_icon = "form"
    paginate_by = 50  # the decisions above the table stay in reach
    default_ordering = "-calibrated"
    search_fields = ["title", "applicant_name"]
    search_backend_name = None  # the database's own search over the call's titles
    # The export writes the ranking's own table (exports.ranking_table) through
    # home.spreadsheets.safe_row; this list only turns Wagtail's download buttons on.
    list_export = ["title"]
    index_url_name = "proposals_ranking:index"
    index_results_url_name = "proposals_ranking:index_results"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.call = call_or_404(request.user, kwargs["call_id"])

    def dispatch(self, request, *args, **kwargs):
        if not self.results_only and not self.is_export:
            services.note_others_seen(by=request.user, call=self.call)
        return super().dispatch(request, *args, **kwargs)

    # --- Addresses and titles --------------------------------------------------------
    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.call.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.call.pk])

    def get_page_title(self):
        return gettext("Ranking")

    def get_page_subtitle(self):
        return self.call.admin_display_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("proposals_calls:index"), "label": gettext("Calls")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    # --- Columns ---------------------------------------------------------------------
    @cached_property
    def criteria(self):
        return self.call.get_criteria()

    @cached_property
    def columns(self):
        call = self.call
        needed = call.reviews_per_submission
        columns = [
            SelectColumn("select", label=_("Select")),
            TitleColumn(
                "title",
                label=_("Title"),
                accessor="submission.title",
                get_url=lambda row: submission_url(call, row.pk),
                get_title_id=lambda row: f"submission-{row.pk}-title",
                sort_key="title",
                classname="proposals-title",
            ),
        ]
        if not call.anonymised_review:
            columns.append(
                Column("applicant", label=_("Applicant"), accessor="submission.applicant_name")
            )
        columns += [
            Column(
                "reviews",
                label=_("Reviews"),
                accessor=lambda row: f"{row.review_count} / {needed}",
                sort_key="reviews",
            ),
            ScoreColumn("mean", label=_("Weighted mean"), sort_key="mean"),
            *(
                ScoreColumn(
                    f"criterion-{criterion.pk}",
                    label=criterion.name,
                    accessor=lambda row, pk=criterion.pk: row.criterion_means.get(pk),
                    classname="proposals-criterion",
                )
                for criterion in self.criteria
            ),
            ScoreColumn("spread", label=_("Spread"), sort_key="spread"),
            DisagreementColumn("disagreement", label=_("Reviewers disagree")),
            ScoreColumn("calibrated", label=_("Calibrated"), sort_key="calibrated"),
            Column("status", label=_("Status"), accessor="submission.get_status_display"),
        ]
        return columns

    # --- Filters, ordering, pagination -----------------------------------------------
    @cached_property
    def filterset_class(self):
        return self.call.get_ranking_filterset_class()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "call": self.call}

    def get_base_queryset(self):
        return selectors.ranking_submissions(call=self.call)

    def get_valid_orderings(self):
        return [f"{sign}{key}" for key in ("title", *SCORE_COLUMNS) for sign in ("", "-")]

    def order_queryset(self, queryset):
        return queryset  # by score, over the whole list, when the page is built

    def selector_ordering(self):
        """The ranking's ordering in selectors.ranking_page's terms."""
        ordering = self.ordering or self.default_ordering
        key = ordering.lstrip("-")
        if key in SCORE_COLUMNS:
            return key if ordering.startswith("-") else f"-{key}"
        return ordering

    def paginate_queryset(self, queryset, page_size):
        page, _criteria = selectors.ranking_page(
            call=self.call,
            submissions=queryset,
            ordering=self.selector_ordering(),
            page_number=self.request.GET.get(self.page_kwarg, 1),
            per_page=page_size,
            paginator_class=self.paginator_class,
            criteria=self.criteria,
        )
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            {
                "call": self.call,
                "disagreement": scoring.DISAGREEMENT,
                "bulk_actions": bulk_action_buttons(self.call),
                "host_actions": self.call.get_admin_actions(),
                "rows": context["object_list"],
            }
        )
        return context

    # --- Export ----------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        if self.is_export:  # every listed row, without building the page around them
            return self.as_spreadsheet(self.get_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows, count, criteria = selectors.ranking_export(call=self.call, submissions=queryset)
        return exports.export_response(
            call=self.call,
            rows=rows,
            count=count,
            criteria=criteria,
            file_format=spreadsheet_format,
            user=self.request.user,
        )


def bulk_action_buttons(call):
    """[(label, address)] of the decisions and assignment offered on the selected rows."""
    return [
        (label, reverse("wagtail_bulk_action", args=["proposals", "submission", action]))
        for action, label in (
            ("accept", _("Accept…")),
            ("waitlist", _("Put on the waiting list…")),
            ("reject", _("Reject…")),
            ("assign-reviewers", _("Assign reviewers…")),
        )
    ]


class RankingViewSet(ViewSet):
    """The ranking of one call at /admin/calls/<call id>/ranking/."""

    name = "proposals_ranking"
    url_prefix = "calls"
    icon = "form"
    model = Submission
    index_view_class = RankingIndexView
    list_export = RankingIndexView.list_export

    @cached_property
    def index_view(self):
        return self.construct_view(self.index_view_class)

    @cached_property
    def index_results_view(self):
        return self.construct_view(self.index_view_class, results_only=True)

    def get_urlpatterns(self):
        return [
            path("<int:call_id>/ranking/", self.index_view, name="index"),
            path("<int:call_id>/ranking/results/", self.index_results_view, name="index_results"),
        ]


ranking_viewset = RankingViewSet()
