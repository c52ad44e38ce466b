"""All submissions: each row's call named with its conference, search by title, name or
email, filters by call and status, confidential calls left out, fixed query count."""

import csv
import datetime
import io

import pytest

from proposals.factories import SubmissionFactory
from proposals.models import SubmissionStatus

pytestmark = pytest.mark.django_db

SUBMISSIONS = "/admin/proposals_submissions/"


def rows(response):
    return sorted(
        (submission.title, submission.call_name.casefold())
        for submission in response.context["object_list"]
    )


@pytest.fixture
def submissions(call, conference_call, vacancy):
    call.title = "Action Lab working group"
    call.save_revision().publish()
    SubmissionFactory(call=conference_call, title="Open data audits", applicant_name="Ana Ruiz")
    SubmissionFactory(
        call=conference_call, title="Council budgets", status=SubmissionStatus.ACCEPTED
    )
    SubmissionFactory(call=call, title="Climate assemblies", applicant_email="kofi@example.org")
    SubmissionFactory(call=vacancy, title="Margaret Okafor")


def test_each_row_names_its_call_and_a_confidential_call_is_left_out(client, outsider, submissions):
    client.force_login(outsider)
    response = client.get(SUBMISSIONS)

    assert rows(response) == [
        ("Climate assemblies", "action lab working group"),
        ("Council budgets", "tictec 2025: call for session proposals"),
        ("Open data audits", "tictec 2025: call for session proposals"),
    ]
    assert "Okafor" not in response.content.decode()


def test_search_and_filters(client, outsider, submissions, conference_call):
    client.force_login(outsider)

    def titles(**params):
        return [title for title, _call in rows(client.get(SUBMISSIONS + "results/", params))]

    assert titles(q="ruiz") == ["Open data audits"]
    assert titles(q="kofi@") == ["Climate assemblies"]
    assert titles(call=conference_call.pk) == ["Council budgets", "Open data audits"]
    assert titles(status="accepted") == ["Council budgets"]


def test_the_listing_reads_a_fixed_number_of_queries(
    client, programme, call, conference_call, django_assert_max_num_queries
):
    def add(n):
        for page in (call, conference_call):
            SubmissionFactory.create_batch(n, call=page)

    client.force_login(programme)
    add(2)
    client.get(SUBMISSIONS)
    with django_assert_max_num_queries(40) as small_queries:
        small = client.get(SUBMISSIONS)
    add(20)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(SUBMISSIONS)

    assert (len(small.context["object_list"]), large.context["items_count"]) == (4, 44)


def test_the_export_reads_as_the_listing_does_labels_and_the_site_s_time(
    client, programme, conference_call
):
    """Staff open the file in a spreadsheet: a status as its label, not its code; a moment
    in the site's time zone (Europe/London: BST in June), not in UTC."""
    SubmissionFactory(
        call=conference_call,
        title="Council budgets",
        status=SubmissionStatus.ACCEPTED,
        submitted_at=datetime.datetime(2025, 6, 10, 12, 20, tzinfo=datetime.UTC),
    )
    client.force_login(programme)

    response = client.get(SUBMISSIONS, {"export": "csv"})
    [row] = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert (row["Title"], row["Status"], row["Submitted"]) == (
        "Council budgets",
        "Accepted",
        "2025-06-10 13:20",
    )
