"""Factories for every cohorts model (tests and demo content).

Pages need a parent: ``OpportunityIndexPageFactory(parent=home_page)``, then
``CohortProgrammePageFactory(parent=index)``. Dates default to "open now".
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from proposals.factories import CallQuestionFactory, RubricCriterionFactory, SubmissionFactory
from proposals.models import SubmissionStatus

from . import demo_content as seed
from .models import (
    ActionLabPage,
    Board,
    BoardRole,
    Cohort,
    CohortApplication,
    CohortMembership,
    CohortProgrammePage,
    OpportunityIndexPage,
    VacancyPage,
)


def _days(days):
    return lambda: timezone.now() + datetime.timedelta(days=days)


def criteria_list(texts):
    return [("criterion", {"text": text, "detail": ""}) for text in texts]


def topics(pairs):
    return [("topic", {"heading": heading, "body": f"<p>{body}</p>"}) for heading, body in pairs]


def add_call_questions(page, questions):
    """Questions as (label, field type, help text, required, choices); skips existing labels.
    Those that identify the applicant are marked personal data (hidden from anonymised
    reviewers)."""
    existing = set(page.call_questions.values_list("label", flat=True))
    for order, (label, field_type, help_text, required, choices) in enumerate(questions):
        if label in existing:
            continue
        extra = {"allowed_file_types": "pdf,docx,odt", "max_file_size_mb": 5}
        CallQuestionFactory(
            page=page,
            label=label,
            field_type=field_type,
            help_text=help_text,
            required=required,
            choices=choices,
            sort_order=order,
            personal_data=label in seed.IDENTIFYING_QUESTIONS,
            **(extra if field_type == "file" else {}),
        )


def add_rubric(page, criteria):
    """Rubric criteria as (name, guidance); skips existing names."""
    existing = set(page.rubric_criteria.values_list("name", flat=True))
    for order, (name, guidance) in enumerate(criteria):
        if name not in existing:
            RubricCriterionFactory(page=page, name=name, guidance=guidance, sort_order=order)


class OpportunityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OpportunityIndexPage

    title = "Opportunities"
    slug = factory.Sequence(lambda n: "opportunities" if n == 0 else f"opportunities-{n}")
    introduction = (
        "<p>Support programmes, working groups and board roles you can apply for now, and those "
        "that have closed.</p>"
    )


class OpportunityPageFactory(wagtail_factories.PageFactory):
    """Shared defaults: open since a week, closing in a month, decisions a fortnight later."""

    opens_at = factory.LazyFunction(_days(-7))
    closes_at = factory.LazyFunction(_days(30))
    decisions_by = factory.LazyFunction(_days(45))
    time_zone = "Europe/London"
    reviews_per_submission = 2
    contact_email = "labs@example.org"

    class Meta:
        abstract = True


class CohortProgrammePageFactory(OpportunityPageFactory):
    class Meta:
        model = CohortProgrammePage

    title = seed.COHORT_TITLE
    slug = factory.Sequence(lambda n: f"foi-campaign-support-{n}")
    summary = seed.COHORT_SUMMARY
    introduction = seed.COHORT_INTRODUCTION
    reviewed_by = "mySociety’s FOI and transparency team."
    who_its_for = seed.COHORT_WHO
    eligibility_definition_heading = seed.COHORT_DEFINITION_HEADING
    eligibility_definition_intro = seed.COHORT_DEFINITION_INTRO
    eligibility_definition = factory.LazyFunction(lambda: criteria_list(seed.COHORT_GROUPS))
    eligibility_questions = factory.LazyFunction(
        lambda: [("question", dict(seed.ORGANISATION_QUESTION))]
    )
    what_you_get = seed.COHORT_GET
    what_we_ask = seed.COHORT_ASK
    call_guidance = seed.COHORT_GUIDANCE
    capacity = 10
    cohort_size_min = 2
    cohort_size_max = 5
    programme_starts = datetime.date(2025, 1, 1)
    programme_ends = datetime.date(2025, 7, 31)


class ActionLabPageFactory(OpportunityPageFactory):
    class Meta:
        model = ActionLabPage

    title = seed.ACTION_LAB_TITLE
    slug = factory.Sequence(lambda n: f"action-lab-{n}")
    summary = seed.ACTION_LAB_SUMMARY
    introduction = seed.ACTION_LAB_INTRODUCTION
    reviewed_by = seed.ACTION_LAB_REVIEWERS
    question = seed.ACTION_LAB_QUESTION
    mandate = seed.ACTION_LAB_MANDATE
    challenges = factory.LazyFunction(lambda: topics(seed.ACTION_LAB_CHALLENGES))
    possible_solutions = factory.LazyFunction(lambda: topics(seed.ACTION_LAB_SOLUTIONS))
    applicant_criteria = factory.LazyFunction(lambda: criteria_list(seed.ACTION_LAB_CRITERIA))
    places = 6
    minimum_meetings = 2
    meeting_length_minutes = 60
    meetings_when = "likely in January and February 2022"
    meeting_time_zone = "Europe/London"
    confidentiality_required = True
    account_required = True


class VacancyPageFactory(OpportunityPageFactory):
    class Meta:
        model = VacancyPage

    title = "Chair of the charity board"
    slug = factory.Sequence(lambda n: f"vacancy-{n}")
    summary = seed.BOARD_SUMMARY
    introduction = seed.BOARD_INTRODUCTION
    reviewed_by = "The Chief Executive and the board’s nominations panel."
    board = Board.CHARITY
    board_name = "UK Citizens Online Democracy"
    role = BoardRole.CHAIR
    term_years = 3
    max_consecutive_terms = 2
    role_description = seed.CHAIR_ROLE
    experience_sought = seed.CHAIR_EXPERIENCE
    diversity_statement = seed.DIVERSITY_STATEMENT
    reviews_per_submission = 1


class CohortApplicationFactory(DjangoModelFactory):
    """The typed part of an application; pass ``submission`` or ``submission__call``."""

    class Meta:
        model = CohortApplication

    submission = factory.SubFactory(
        SubmissionFactory,
        status=SubmissionStatus.ACCEPTED,
        title=factory.SelfAttribute("..organisation_name"),
    )
    organisation_name = factory.Sequence(
        lambda n: seed.COHORT_ORGANISATIONS[n % len(seed.COHORT_ORGANISATIONS)][0]
    )
    groups_served = factory.Sequence(
        lambda n: [
            seed.COHORT_GROUPS[i]
            for i in seed.COHORT_ORGANISATIONS[n % len(seed.COHORT_ORGANISATIONS)][1]
        ]
    )


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = None
    name = factory.Sequence(lambda n: f"Cohort {n + 1}")


class CohortMembershipFactory(DjangoModelFactory):
    class Meta:
        model = CohortMembership

    cohort = factory.SubFactory(CohortFactory)
    submission = None
    sort_order = factory.Sequence(int)
