"""The calls overview: every call the user manages, with its submissions, reviews,
decisions and outcome emails, each linked to its ranking.

A draft of a new round that was never given a closing date (an abandoned start) is not
listed; live calls, scheduled ones and drafts with a closing date are.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

from ..models import OUTCOME_STATUSES, CallPageMixin, Review, Submission, SubmissionStatus
from ..permissions import MANAGE_CALL, hidden_call_ids
from ..registry import call_page_models, call_pages
from .listing import ListingView, ListingViewSet


def call_names(calls):
    """{page id: name} naming each call with its conference or programme ("TICTeC 2025:
    call for session proposals", the call's ``admin_display_title``)."""
    calls = list(calls)
    generic = [call.pk for call in calls if not isinstance(call, CallPageMixin)]
    if generic:
        specific = {page.pk: page for page in Page.objects.filter(pk__in=generic).specific()}
        calls = [specific.get(call.pk, call) for call in calls]
    return {call.pk: getattr(call, "admin_display_title", call.title) for call in calls}


def specific_calls(call_ids):
    """{id: call page as its own type} for the calls given, one query per host type."""
    return {page.pk: page for page in Page.objects.filter(pk__in=call_ids).specific()}


def names_of_submission_calls(submissions):
    """Give each submission its call as its own page type and return {call id: name}."""
    calls = specific_calls({submission.call_id for submission in submissions})
    for submission in submissions:
        submission.call = calls[submission.call_id]
    return call_names(calls.values())


def managed_call_pages(request):
    """The calls the user manages, for a filter (a call restricted to another group is
    not named)."""
    models = call_page_models()
    if not models or request is None:
        return Page.objects.none()
    return (
        Page.objects.type(*models).exclude(pk__in=hidden_call_ids(request.user)).order_by("title")
    )


class CallChoiceField(ModelChoiceField):
    """A choice of calls, each named with its conference or programme."""

    def label_from_instance(self, obj):
        if not hasattr(self, "_names"):
            self._names = call_names(self.queryset)
        return self._names.get(obj.pk, obj.title)


class CallChoiceFilter(ModelChoiceFilter):
    field_class = CallChoiceField


def _count(queryset, group_by):
    """A correlated count for each call row (0 when there is nothing)."""
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _from_host(field):
    """A field every host page type has (``closes_at``), read from the row's own table."""
    values = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(field)[:1])
        for model in call_page_models()
    ]
    return values[0] if len(values) == 1 else Coalesce(*values)


def listed_calls(user):
    """The calls ``user`` manages (once per call, not per language), without abandoned
    drafts, each with its progress counted in the same query."""
    models = call_page_models()
    if not models or not user.has_perm(MANAGE_CALL):
        return Page.objects.none()
    listed = Q(live=True) | Q(go_live_at__isnull=False)
    for model in models:
        listed |= Q(pk__in=model.objects.filter(closes_at__isnull=False).values("pk"))
    submissions = Submission.objects.filter(call_id=OuterRef("pk"))
    reviews = Review.objects.filter(submission__call_id=OuterRef("pk"), conflict_declared=False)
    return (
        call_pages()
        .filter(listed)
        .exclude(pk__in=hidden_call_ids(user))
        .annotate(
            opens=_from_host("opens_at"),
            closes=_from_host("closes_at"),
            submitted=_count(submissions.exclude(status=SubmissionStatus.DRAFT), "call_id"),
            drafts=_count(submissions.filter(status=SubmissionStatus.DRAFT), "call_id"),
            undecided=_count(submissions.filter(status=SubmissionStatus.SUBMITTED), "call_id"),
            decided=_count(submissions.filter(status__in=OUTCOME_STATUSES), "call_id"),
            emailed=_count(
                submissions.filter(status__in=OUTCOME_STATUSES, outcome_sent_at__isnull=False),
                "call_id",
            ),
            reviews_total=_count(reviews, "submission__call_id"),
            reviews_done=_count(reviews.filter(submitted_at__isnull=False), "submission__call_id"),
        )
    )


def open_calls_q(now=None):
    now = now or timezone.now()
    return Q(live=True) & (Q(opens__isnull=True) | Q(opens__lte=now)) & Q(closes__gt=now)


class CallState:
    OPEN = "open"
    UPCOMING = "upcoming"
    CLOSED = "closed"
    DRAFT = "draft"
    CHOICES = [
        (OPEN, _("Open")),
        (UPCOMING, _("Not open yet")),
        (CLOSED, _("Closed")),
        (DRAFT, _("Draft")),
    ]

    @classmethod
    def of(cls, call, now):
        if not call.live:
            return cls.DRAFT
        if call.closes is not None and call.closes <= now:
            return cls.CLOSED
        if call.opens is not None and call.opens > now:
            return cls.UPCOMING
        return cls.OPEN

    @classmethod
    def q(cls, state, now):
        return {
            cls.OPEN: open_calls_q(now),
            cls.UPCOMING: Q(live=True, opens__gt=now),
            cls.CLOSED: Q(live=True, closes__lte=now),
            cls.DRAFT: Q(live=False),
        }[state]


def _kinds():
    return [
        (f"{model._meta.app_label}.{model._meta.model_name}", model._meta.verbose_name)
        for model in call_page_models()
    ]


class CallFilterSet(WagtailFilterSet):
    state = ChoiceFilter(label=_("State"), choices=CallState.CHOICES, method="filter_state")
    kind = ChoiceFilter(label=_("Kind of call"), choices=_kinds, method="filter_kind")

    class Meta:
        model = Page
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(CallState.q(value, timezone.now()))

    def filter_kind(self, queryset, name, value):
        app_label, model_name = value.split(".")
        return queryset.filter(content_type__app_label=app_label, content_type__model=model_name)


def _ranking_url(call):
    return reverse("proposals_admin:ranking", args=[call.pk])


def _closes(call):
    if call.closes is None:
        return ""
    return dateformat.format(timezone.localtime(call.closes, call.tz), "j M Y, H:i T")


class CallsView(ListingView):
    page_title = _("Calls")
    verbose_name = _("call")
    verbose_name_plural = _("calls")
    filterset_class = CallFilterSet
    search_fields = ["title"]
    search_backend_name = None  # the titles of the few calls, by the database
    default_ordering = "-closes"
    paginate_by = 30
    columns = [
        TitleColumn("name", label=_("Call"), get_url=_ranking_url, sort_key="title", width="30%"),
        Column("state_label", label=_("State")),
        Column("closes", label=_("Closes"), accessor=_closes, sort_key="closes"),
        Column("submitted", label=_("Submitted"), sort_key="submitted"),
        Column("drafts", label=_("Drafts")),
        Column("reviews", label=_("Reviews done"), accessor="reviews_progress"),
        Column("decided", label=_("Decided"), sort_key="decided"),
        Column("emailed", label=_("Outcome emailed")),
    ]

    def get_base_queryset(self):
        return listed_calls(self.request.user)

    def decorate(self, rows):
        names = call_names(rows)
        labels = dict(CallState.CHOICES)
        now = timezone.now()
        for call in rows:
            call.name = names[call.pk]
            call.state_label = labels[CallState.of(call, now)]
            call.reviews_progress = _("%(done)s of %(total)s") % {
                "done": call.reviews_done,
                "total": call.reviews_total,
            }


class CallsViewSet(ListingViewSet):
    name = "proposals_calls"
    url_prefix = "calls"
    icon = "form"
    menu_label = _("Calls and rankings")
    index_view_class = CallsView

    @staticmethod
    def is_allowed(user):
        return user.has_perm(MANAGE_CALL)


calls_viewset = CallsViewSet()
