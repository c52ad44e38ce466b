"""A flat, filterable listing of sessions for the programme team (Wagtail page viewset)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from conference.models import ConferenceDay, Room, SessionFormat, SessionPage, Theme


def _with_conference(queryset):
    return queryset.select_related("conference").order_by("conference__start_date", "sort_order")


class ConferenceChoiceField(forms.ModelChoiceField):
    """Choices labelled with their conference: several conferences have a “Main hall”."""

    def label_from_instance(self, obj):
        return f"{obj.conference.title}: {obj}"


class ConferenceChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ConferenceChoiceField


class SessionFilterSet(PageFilterSet):
    day = ConferenceChoiceFilter(
        label=_("Day"), queryset=lambda request: _with_conference(ConferenceDay.objects.all())
    )
    room = ConferenceChoiceFilter(
        label=_("Room"), queryset=lambda request: _with_conference(Room.objects.all())
    )
    session_format = ConferenceChoiceFilter(
        label=_("Format"), queryset=lambda request: _with_conference(SessionFormat.objects.all())
    )
    themes = ConferenceChoiceFilter(
        label=_("Theme"), queryset=lambda request: _with_conference(Theme.objects.all())
    )
    attendance = django_filters.ChoiceFilter(
        label=_("In person or online"), choices=SessionPage.Attendance.choices
    )
    scheduled = django_filters.BooleanFilter(
        label=_("Scheduled"), field_name="start_time", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = SessionPage
        fields = []


class SessionIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("day__conference", "room", "session_format")
        )


class SessionListingViewSet(PageListingViewSet):
    model = SessionPage
    icon = "date"
    menu_label = _("Sessions")
    menu_order = 210
    add_to_admin_menu = True
    name = "sessions"
    index_view_class = SessionIndexView
    filterset_class = SessionFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("day", label=_("Day"), accessor="day"),
        Column("start_time", label=_("Starts"), accessor="start_time", sort_key="start_time"),
        Column("room", label=_("Room"), accessor="room"),
        Column("session_format", label=_("Format"), accessor="session_format"),
    ]
