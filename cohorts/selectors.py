"""Reads: the opportunities listing, cohort candidates and members."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import capfirst

from proposals.models import CallPage, Submission, SubmissionStatus

from .formation import Candidate
from .models import ActionLabPage, Cohort, CohortProgrammePage, OpportunityState, VacancyPage
from .models.mixins import opportunity_state

OPPORTUNITY_MODELS = [CohortProgrammePage, ActionLabPage, VacancyPage]
# A generic call staff place on the index (e.g. a working group's application).
GENERIC_CALL_KIND = "call"


def listed_models():
    """(page type, kind) of every page type the index lists."""
    return [(model, model.opportunity_kind) for model in OPPORTUNITY_MODELS] + [
        (CallPage, GENERIC_CALL_KIND)
    ]


def opportunity_kinds():
    return [
        *((model.opportunity_kind, model.opportunity_kind_label) for model in OPPORTUNITY_MODELS),
        (GENERIC_CALL_KIND, capfirst(CallPage._meta.verbose_name)),
    ]


@dataclass
class OpportunityListing:
    now: object
    kind: str
    kinds: list
    open: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    closed: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.open or self.upcoming or self.closed)


def opportunity_listing(*, index_page, kind="", now=None):
    """What the index shows at ``now``: open (closing soonest first), opening soon, closed.

    One query per page type listed (plus Wagtail's view-restriction check), whatever the
    number of opportunities; the state is computed from the clock, never stored.
    """
    now = now or timezone.now()
    kinds = opportunity_kinds()
    if kind not in {value for value, _label in kinds}:
        kind = ""
    listing = OpportunityListing(now=now, kind=kind, kinds=kinds)
    for model, model_kind in listed_models():
        if kind and model_kind != kind:
            continue
        for page in model.objects.live().public().child_of(index_page):
            state = opportunity_state(page, now)
            if state == OpportunityState.OPEN:
                listing.open.append(page)
            elif state == OpportunityState.UPCOMING:
                listing.upcoming.append(page)
            else:
                listing.closed.append(page)
    far_future = now.replace(year=9999)
    listing.open.sort(key=lambda page: (page.closes_at or far_future, page.title))
    listing.upcoming.sort(key=lambda page: (page.opens_at, page.title))
    listing.closed.sort(key=lambda page: (page.closes_at, page.title), reverse=True)
    return listing


def accepted_applications(*, programme):
    """Accepted applications to a cohort programme, with their typed details and cohort."""
    return (
        Submission.objects.for_call(programme)
        .filter(status=SubmissionStatus.ACCEPTED)
        .select_related("cohort_application", "cohort_membership__cohort", "applicant")
        .order_by("submitted_at", "pk")
    )


def member_choices(*, user):
    """What the cohort editor offers as members: applications accepted onto the cohort
    programmes ``user`` manages, and nothing else (no board or Action Lab applicant)."""
    return (
        Submission.objects.managed_by(user)
        .filter(
            call_id__in=CohortProgrammePage.objects.values("pk"),
            status=SubmissionStatus.ACCEPTED,
        )
        .order_by("title", "pk")
    )


def unplaced_candidates(*, programme):
    """Accepted organisations not yet in a cohort, as inputs to the formation suggestion."""
    candidates = []
    for submission in accepted_applications(programme=programme).filter(
        cohort_membership__isnull=True
    ):
        details = getattr(submission, "cohort_application", None)
        groups = frozenset(details.groups_served) if details else frozenset()
        candidates.append(Candidate(key=submission, groups=groups))
    return candidates


def cohorts_for_programme(*, programme):
    return Cohort.objects.for_programme(programme).with_members().order_by("name")
