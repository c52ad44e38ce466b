from .cohorts import Cohort, CohortApplication, CohortMembership
from .mixins import OpportunityMixin, OpportunityState
from .pages import (
    ActionLabPage,
    Board,
    BoardRole,
    CohortProgrammePage,
    OpportunityIndexPage,
    VacancyPage,
)

__all__ = [
    "ActionLabPage",
    "Board",
    "BoardRole",
    "Cohort",
    "CohortApplication",
    "CohortMembership",
    "CohortProgrammePage",
    "OpportunityIndexPage",
    "OpportunityMixin",
    "OpportunityState",
    "VacancyPage",
]
