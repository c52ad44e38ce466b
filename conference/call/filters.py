"""The TICTeC call's ranking filters: format, theme and travel grant, on top of the
engine's status filter (CallForProposalsPage.ranking_filterset_class names this)."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from proposals.filters import RankingFilterSet

TRAVEL_GRANT_CHOICES = [("yes", _("Requested")), ("no", _("Not requested"))]


class ProposalRankingFilterSet(RankingFilterSet):
    format = ChoiceFilter(
        label=_("Format"), field_name="session_proposal__session_format__slug", choices=[]
    )
    theme = ChoiceFilter(
        label=_("Theme"), field_name="session_proposal__themes__slug", choices=[], distinct=True
    )
    travel_grant = ChoiceFilter(
        label=_("Travel grant"), choices=TRAVEL_GRANT_CHOICES, method="filter_travel_grant"
    )

    class Meta(RankingFilterSet.Meta):
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = getattr(self.call, "conference", None)
        if conference is not None:
            self.filters["format"].extra["choices"] = [
                (f.slug, f.name) for f in conference.formats.filter(kind="session")
            ]
            self.filters["theme"].extra["choices"] = [
                (t.slug, t.name) for t in conference.themes.all()
            ]

    def filter_travel_grant(self, queryset, name, value):
        return queryset.filter(session_proposal__travel_grant_requested=value == "yes")
