from .exports import ExportLog
from .mixins import CallPageMixin
from .pages import CallPage
from .questions import CallQuestion, RubricCriterion
from .reviews import Recommendation, Review, ReviewRevision
from .submissions import (
    OUTCOME_STATUSES,
    REVIEWABLE_STATUSES,
    Submission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStatus,
)

__all__ = [
    "OUTCOME_STATUSES",
    "REVIEWABLE_STATUSES",
    "CallPage",
    "CallPageMixin",
    "CallQuestion",
    "ExportLog",
    "Recommendation",
    "Review",
    "ReviewRevision",
    "RubricCriterion",
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
    "SubmissionStatus",
]
