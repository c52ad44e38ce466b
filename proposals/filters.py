"""The ranking's filters: a django-filter FilterSet per call.

A call page names its class in ``ranking_filterset_class`` (a class or its dotted
path); a host with typed fields subclasses :class:`RankingFilterSet` and adds its own
filters (conference.call.filters adds format, theme and travel grant). The ranking
builds it with the call, so choices can come from the call (its conference's formats).
"""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet

from .models import REVIEWABLE_STATUSES, Submission


class RankingFilterSet(WagtailFilterSet):
    """Status, for every call. ``call`` is the call page whose ranking is filtered."""

    status = ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in REVIEWABLE_STATUSES],
    )

    class Meta:
        model = Submission
        fields = ["status"]

    def __init__(self, data=None, queryset=None, *, call=None, request=None, prefix=None):
        self.call = call
        super().__init__(data, queryset, request=request, prefix=prefix)
