"""Opportunities benchmark: an index of 60 opportunities and a cohort programme page with
300 applications (issue 5: both run a fixed number of queries whatever the numbers)."""

from functools import cache

from tests.perf.scenarios import scenario

OPPORTUNITIES = 60
APPLICATIONS = 300


@cache
def _opportunities(home_id):
    from cohorts.factories import (
        ActionLabPageFactory,
        CohortApplicationFactory,
        CohortProgrammePageFactory,
        OpportunityIndexPageFactory,
        VacancyPageFactory,
    )
    from home.models import HomePage

    index = OpportunityIndexPageFactory(
        parent=HomePage.objects.get(pk=home_id), slug="bench-opportunities"
    )
    kinds = [CohortProgrammePageFactory, ActionLabPageFactory, VacancyPageFactory]
    pages = [kinds[n % len(kinds)](parent=index) for n in range(OPPORTUNITIES)]
    programme = pages[0]
    for _ in range(APPLICATIONS):
        CohortApplicationFactory(submission__call=programme)
    return index.url, programme.url


@scenario("opportunity-index", f"Opportunity index, {OPPORTUNITIES} opportunities")
def opportunity_index(site):
    return _opportunities(site.home.pk)[0]


@scenario("opportunity-page", f"FOI cohort programme page, {APPLICATIONS} applications")
def opportunity_page(site):
    return _opportunities(site.home.pk)[1]
