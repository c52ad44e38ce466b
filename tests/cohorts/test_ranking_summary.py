"""The FOI cohort's typed fields in reviews and the ranking's exports."""

import csv
import io

import pytest

from cohorts import demo_content as seed
from cohorts.factories import CohortApplicationFactory, CohortProgrammePageFactory
from proposals import selectors
from proposals.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_anonymised_review_sees_the_groups_served_but_not_the_organisation(index_page):
    page = CohortProgrammePageFactory(parent=index_page)
    details = CohortApplicationFactory(
        submission__call=page,
        organisation_name="Leeds Renters Together",
        groups_served=[seed.COHORT_GROUPS[0]],
    )

    assert page.summary_rows(details.submission, anonymised=True) == [
        ("Groups served", seed.COHORT_GROUPS[0])
    ]
    assert page.summary_rows(details.submission) == [
        ("Organisation", "Leeds Renters Together"),
        ("Groups served", seed.COHORT_GROUPS[0]),
    ]


def test_ranking_export_has_the_cohort_columns_in_a_fixed_number_of_queries(
    client, index_page, django_assert_max_num_queries
):
    page = CohortProgrammePageFactory(parent=index_page)

    def add(n):
        for i in range(n):
            CohortApplicationFactory(
                submission__call=page,
                organisation_name=f"Organisation {i}",
                groups_served=[seed.COHORT_GROUPS[0]],
            )

    def export():
        rows, _criteria = selectors.ranking(call=page)
        return [page.summary_rows(row.submission) for row in rows]

    add(2)
    with django_assert_max_num_queries(3) as small:
        export()
    add(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        summaries = export()
    client.force_login(UserFactory(groups=["Programme team"]))
    response = client.get(f"/admin/calls/{page.pk}/ranking/?export=csv")

    assert len(summaries) == 12
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[0][-2:] == ["Organisation", "Groups served"]
    assert lines[1][-2:] == ["Organisation 0", seed.COHORT_GROUPS[0]]
    assert len(lines) == 13
