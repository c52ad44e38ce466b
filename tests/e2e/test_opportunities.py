"""Browser: the opportunities index and each kind of opportunity page, with axe-core."""

import datetime

import pytest
from django.utils import timezone

from cohorts import demo_content as seed
from cohorts.factories import (
    ActionLabPageFactory,
    CohortProgrammePageFactory,
    OpportunityIndexPageFactory,
    VacancyPageFactory,
    add_call_questions,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_index_lists_open_and_closed_filters_and_every_page_is_accessible(
    home_page, browser_page, assert_accessible
):
    home_page.save_revision().publish()
    index = OpportunityIndexPageFactory(parent=home_page, slug="opportunities")
    programme = CohortProgrammePageFactory(parent=index, slug="foi-support")
    lab = ActionLabPageFactory(
        parent=index,
        slug="action-lab-1",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    vacancy = VacancyPageFactory(parent=index, slug="chair")
    for page in (programme, lab, vacancy):
        add_call_questions(page, seed.BOARD_QUESTIONS[:1])

    browser_page.goto("/en/opportunities/")
    assert browser_page.locator("h1").all_inner_texts() == ["Opportunities"]
    open_section = browser_page.locator("section", has=browser_page.locator("#open-heading"))
    closed_section = browser_page.locator("section", has=browser_page.locator("#closed-heading"))
    assert open_section.get_by_role("link", name=programme.title).is_visible()
    assert closed_section.get_by_role("link", name="Action Lab #1").is_visible()
    assert_accessible(browser_page)

    browser_page.get_by_role("link", name="Board vacancy").click()
    assert browser_page.url.endswith("/en/opportunities/?kind=vacancy")
    assert browser_page.locator(".opportunity-card h3").all_inner_texts() == [vacancy.title]

    for page, heading in [
        (programme, "Who it is for"),
        (lab, "The question"),
        (vacancy, "The role"),
    ]:
        browser_page.goto(page.url)
        assert browser_page.locator("h1").all_inner_texts() == [page.title]
        assert browser_page.get_by_role("heading", name=heading).is_visible()
        assert_accessible(browser_page)
