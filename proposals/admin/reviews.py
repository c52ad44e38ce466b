"""A reviewer's queue ("My reviews"): the submissions assigned to them, to do first, by
call, with their progress per call; each links to its review form.

Where a call's submission titles name the applicant and the reviewer may not see who
applied, the queue shows a reference instead, and searching by title does not find it.
"""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page

from ..models import REVIEWABLE_STATUSES, Review
from ..permissions import MANAGE_CALL, REVIEW_SUBMISSION, display_titles
from .calls import CallChoiceFilter, call_names, names_of_submission_calls, specific_calls
from .listing import ListingView, ListingViewSet

TO_DO = "to_do"
DONE = "done"


def queue(user):
    """Every review assigned to ``user`` that is still theirs to write or has been written
    (not a declared conflict; not a draft or withdrawn submission)."""
    return Review.objects.filter(
        reviewer_id=user.pk,
        conflict_declared=False,
        submission__status__in=REVIEWABLE_STATUSES,
    )


def queue_progress(user):
    """[{"call", "name", "done", "to_do", "total"}] for each call in ``user``'s queue, by
    name (a fixed number of queries whatever the size of the queue)."""
    counts = list(
        queue(user)
        .values("submission__call_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(submitted_at__isnull=False)))
        .order_by()
    )
    calls = specific_calls([row["submission__call_id"] for row in counts])
    names = call_names(calls.values())
    progress = [
        {
            "call": calls[row["submission__call_id"]],
            "name": names[row["submission__call_id"]],
            "done": row["done"],
            "to_do": row["total"] - row["done"],
            "total": row["total"],
        }
        for row in counts
    ]
    return sorted(progress, key=lambda item: item["name"])


def _queue_calls(request):
    if request is None:
        return Page.objects.none()
    return Page.objects.filter(pk__in=queue(request.user).values("submission__call_id"))


class QueueFilterSet(WagtailFilterSet):
    call = CallChoiceFilter(label=_("Call"), field_name="submission__call", queryset=_queue_calls)
    state = ChoiceFilter(
        label=_("State"),
        choices=[(TO_DO, _("To do")), (DONE, _("Reviewed"))],
        method="filter_state",
    )

    class Meta:
        model = Review
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(submitted_at__isnull=value == TO_DO)


def _review_url(review):
    return reverse("proposals_admin:review", args=[review.pk])


def _mean(review):
    return "" if review.mean_score is None else number_format(review.mean_score, 2)


class QueueView(ListingView):
    page_title = _("My reviews")
    template_name = "proposals/admin/queue.html"
    verbose_name = _("review")
    verbose_name_plural = _("reviews")
    filterset_class = QueueFilterSet
    search_fields = ["submission__title"]  # see search_queryset
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Submission"), get_url=_review_url, width="35%"),
        Column("call_name", label=_("Call")),
        Column("state", label=_("State")),
        Column("mean", label=_("Your mean score"), accessor=_mean),
        DateColumn("assigned_at", label=_("Assigned"), sort_key="assigned_at"),
        DateColumn("submitted_at", label=_("Reviewed"), sort_key="submitted_at"),
    ]

    def get_base_queryset(self):
        return queue(self.request.user).select_related("submission")

    def order_queryset(self, queryset):
        if self.ordering:
            return super().order_queryset(queryset).order_by(self.ordering, "pk")
        # To do first, then call by call.
        return queryset.order_by(
            F("submitted_at").asc(nulls_first=True), "submission__call_id", "submission_id"
        )

    def search_queryset(self, queryset):
        """By title, except where the reviewer sees a reference instead of the title
        (found by its number, "#12" or "12")."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        calls = specific_calls(queue(self.request.user).values("submission__call_id"))
        hidden = [
            pk
            for pk, call in calls.items()
            if call.submission_title_identifies_applicant
            and call.anonymised_review
            and not self.request.user.has_perm(MANAGE_CALL, call)
        ]
        matches = Q(submission__title__icontains=query) & ~Q(submission__call_id__in=hidden)
        number = query.lstrip("#")
        if number.isdigit():
            matches |= Q(submission_id=int(number))
        return queryset.filter(matches)

    def decorate(self, rows):
        submissions = [review.submission for review in rows]
        names = names_of_submission_calls(submissions)
        titles = display_titles(self.request.user, submissions)
        for review in rows:
            review.title = titles[review.submission_id]
            review.call_name = names[review.submission.call_id]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.results_only:
            context["progress"] = queue_progress(self.request.user)
        return context


class QueueViewSet(ListingViewSet):
    name = "proposals_reviews"
    url_prefix = "calls/reviews"
    icon = "tasks"
    menu_label = _("My reviews")
    index_view_class = QueueView

    @staticmethod
    def is_allowed(user):
        return user.has_perm(REVIEW_SUBMISSION)


queue_viewset = QueueViewSet()
