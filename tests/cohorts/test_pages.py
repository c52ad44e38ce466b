"""Opportunity pages: what they show, the page tree, validation, query budgets."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cohorts import demo_content as seed
from cohorts.factories import (
    ActionLabPageFactory,
    CohortApplicationFactory,
    CohortProgrammePageFactory,
    VacancyPageFactory,
    add_call_questions,
    add_rubric,
)
from cohorts.models import (
    ActionLabPage,
    Board,
    BoardRole,
    CohortProgrammePage,
    OpportunityIndexPage,
    VacancyPage,
)
from home.models import HomePage
from proposals.factories import SubmissionFactory
from proposals.models import CallPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert OpportunityIndexPage.allowed_parent_page_models() == [HomePage]
    for model in (CohortProgrammePage, ActionLabPage, VacancyPage):
        assert model.allowed_parent_page_models() == [OpportunityIndexPage]
        assert model.allowed_subpage_models() == []
    # And a generic call, e.g. a working group's application.
    assert set(OpportunityIndexPage.allowed_subpage_models()) == {
        CohortProgrammePage,
        ActionLabPage,
        VacancyPage,
        CallPage,
    }
    assert Page in HomePage.allowed_parent_page_models()


def test_cohort_programme_page_shows_the_offer(client, index_page):
    page = CohortProgrammePageFactory(parent=index_page)

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "10 organisations" in html
    assert "Groups of 2 to 5 organisations" in html
    assert "January 2025 to July 2025" in html
    assert "What is a marginalised community?" in html
    for group in seed.COHORT_GROUPS:
        assert group in html
    assert "WhatDoTheyKnow Pro" in html
    assert "no-cache" in response["Cache-Control"]


def test_action_lab_page_shows_question_commitments_and_reviewers(client, index_page):
    page = ActionLabPageFactory(parent=index_page)

    html = client.get(page.url).content.decode()

    assert seed.ACTION_LAB_QUESTION in html
    assert "Procurement in government" in html
    assert "Shaking up procurement" in html
    assert "We are looking for up to 6 people to join this Action Lab." in html
    assert "At least 2 meetings of 60 minutes each" in html
    assert "Between 09:00 and 18:00, Europe/London time" in html
    assert "keeping the group" in html
    assert "TICTeC Labs Steering Group" in html


def test_vacancy_page_shows_board_role_term_and_diversity(client, index_page):
    page = VacancyPageFactory(parent=index_page)

    html = client.get(page.url).content.decode()

    assert "The charity&#x27;s board of Trustees (UK Citizens Online Democracy)" in html
    assert "<dd>Chair</dd>" in html
    assert "Fixed terms of 3 years, and no more than 2 terms in a row" in html
    assert "women and underrepresented groups" in html


def test_vacancy_with_external_link_offers_the_link_not_a_form(client, index_page):
    page = VacancyPageFactory(
        parent=index_page, external_application_url="https://jobs.example.org/chair"
    )
    add_call_questions(page, seed.BOARD_QUESTIONS)

    response = client.get(page.url)
    html = response.content.decode()

    assert 'href="https://jobs.example.org/chair"' in html
    assert 'type="file"' not in html
    assert client.post(page.url, {"action": "submit"}).status_code == 405


def test_vacancy_role_must_sit_on_the_board():
    page = VacancyPage(board=Board.CHARITY, role=BoardRole.NON_EXECUTIVE_DIRECTOR)

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "role" in error.value.message_dict


def test_cohort_sizes_and_programme_dates_are_validated():
    page = CohortProgrammePage(
        cohort_size_min=5,
        cohort_size_max=2,
        programme_starts=datetime.date(2025, 7, 1),
        programme_ends=datetime.date(2025, 1, 1),
    )

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert set(error.value.message_dict) == {"cohort_size_max", "programme_ends"}


def test_each_opportunity_has_its_own_rubric(index_page):
    cohort = CohortProgrammePageFactory(parent=index_page)
    lab = ActionLabPageFactory(parent=index_page)
    add_rubric(cohort, seed.COHORT_RUBRIC)
    add_rubric(lab, seed.ACTION_LAB_RUBRIC)

    assert [c.name for c in cohort.get_criteria()] == [
        "Fit with the offer",
        "The marginalised groups served",
        "Readiness to use FOI in a campaign",
    ]
    assert [c.name for c in lab.get_criteria()][0] == "Interest in and experience with the topic"


def test_cohort_application_title_and_summary_come_from_typed_fields(index_page):
    page = CohortProgrammePageFactory(parent=index_page)
    details = CohortApplicationFactory(
        submission__call=page,
        organisation_name="Leeds Renters Together",
        groups_served=[seed.COHORT_GROUPS[0]],
    )

    assert page.get_submission_title(
        cleaned_data={"organisation_name": "Leeds Renters Together"}
    ) == ("Leeds Renters Together")
    assert page.get_submission_summary(details.submission) == [
        ("Organisation", "Leeds Renters Together"),
        ("Groups served", seed.COHORT_GROUPS[0]),
    ]


@pytest.mark.parametrize(
    "factory", [CohortProgrammePageFactory, ActionLabPageFactory, VacancyPageFactory]
)
def test_opportunity_page_queries_do_not_grow_with_applications(
    client, index_page, factory, django_assert_max_num_queries
):

    page = factory(parent=index_page, eligibility_questions=[])
    add_call_questions(page, seed.COHORT_QUESTIONS[:3])
    SubmissionFactory(call=page)
    client.get(page.url)  # warm Wagtail's site root cache
    with django_assert_max_num_queries(24) as small:
        client.get(page.url)

    SubmissionFactory.create_batch(15, call=page)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(page.url)
    assert response.status_code == 200
