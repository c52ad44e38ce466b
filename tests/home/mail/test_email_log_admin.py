"""The email log: each message with the call it was about (named with its conference),
filters by call, message, status and date, search, export; a message about a
confidential call only for its group; the Programme team only; fixed query count."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from home.factories import EmailLogFactory
from home.models import EmailKind, EmailStatus
from proposals.factories import SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db

LOG = "/admin/email_log/"


def rows(response):
    return [(log.to, log.page_name.casefold()) for log in response.context["object_list"]]


@pytest.fixture
def logs(conference_call, call, vacancy):
    now = timezone.now()
    tictec = SubmissionFactory(call=conference_call, applicant_email="amani@example.org")
    generic = SubmissionFactory(call=call, applicant_email="jo@example.org")
    board = SubmissionFactory(call=vacancy, title="Margaret Okafor")
    return {
        "accepted": EmailLogFactory(
            submission=tictec,
            to="amani@example.org",
            kind=EmailKind.ACCEPTED,
            subject="Your TICTeC 2025 session has been accepted",
            status=EmailStatus.DELIVERED,
            created_at=now - datetime.timedelta(days=1),
        ),
        "received": EmailLogFactory(
            submission=generic,
            to="jo@example.org",
            kind=EmailKind.CONFIRMATION,
            status=EmailStatus.FAILED,
            created_at=now - datetime.timedelta(days=20),
        ),
        "reminder": EmailLogFactory(
            to="rae@example.org", kind=EmailKind.REVIEW_REMINDER, subject="Reviews waiting"
        ),
        "board": EmailLogFactory(
            submission=board, to="margaret.okafor@example.org", subject="We received it"
        ),
    }


def test_each_message_names_the_call_it_was_about_with_its_conference(
    client, programme, logs, board_group
):
    programme.groups.add(board_group)
    client.force_login(programme)
    response = client.get(LOG)
    by_to = dict(rows(response))

    assert by_to["amani@example.org"] == "tictec 2025: call for session proposals"
    assert by_to["jo@example.org"] == "tictec 2025: call for session proposals"
    assert by_to["rae@example.org"] == ""  # a reminder to a reviewer is about no one call
    assert by_to["margaret.okafor@example.org"].endswith("chair of the charity board")
    assert "Outcome: accepted" in response.content.decode()


def test_filters_and_search(client, programme, logs, conference_call):
    client.force_login(programme)
    yesterday = (timezone.now() - datetime.timedelta(days=2)).date().isoformat()

    def get(**params):
        return sorted(to for to, _call in rows(client.get(LOG + "results/", params)))

    assert get(page=conference_call.pk) == ["amani@example.org"]
    assert get(kind="review_reminder") == ["rae@example.org"]
    assert get(status="failed") == ["jo@example.org"]
    assert get(created_at_from=yesterday) == ["amani@example.org", "rae@example.org"]
    assert get(q="accepted") == ["amani@example.org"]
    assert get(q="jo@") == ["jo@example.org"]


def test_the_export_goes_through_spreadsheet_safety(client, programme, conference_call):
    EmailLogFactory(
        submission=SubmissionFactory(call=conference_call),
        to="amani@example.org",
        subject='=HYPERLINK("http://evil.example")',
    )
    client.force_login(programme)
    response = client.get(LOG, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()

    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text


def test_a_confidential_call_s_messages_stay_in_its_group(
    client, outsider, logs, board_group, vacancy
):
    client.force_login(outsider)
    listing = client.get(LOG).content.decode()
    search = client.get(LOG, {"q": "okafor"}).content.decode()
    inspect = client.get(reverse("email_log:inspect", args=[logs["board"].pk]), follow=True)
    page_filter = client.get(LOG).context["filters"].form.fields["page"]

    assert "margaret" not in (listing + search).casefold()
    assert inspect.status_code == 404
    assert vacancy.pk not in [value.value for value, _label in page_filter.choices if value]


@pytest.mark.parametrize("role", ["reviewer", "editor", "stranger"])
def test_only_the_programme_team_reads_the_log(client, role, reviewer, editor, logs):
    person = {"reviewer": reviewer, "editor": editor}.get(role)
    if person:
        client.force_login(person)
    listing = client.get(LOG)
    inspect = client.get(reverse("email_log:inspect", args=[logs["accepted"].pk]))

    assert listing.status_code in (302, 403)
    assert inspect.status_code in (302, 403, 404)
    assert "amani@example.org" not in listing.content.decode() + inspect.content.decode()


def test_the_log_reads_a_fixed_number_of_queries(
    client, programme, conference_call, call, django_assert_max_num_queries
):
    def add(n):
        for page in (call, conference_call):
            for submission in SubmissionFactory.create_batch(n, call=page):
                EmailLogFactory(submission=submission)

    client.force_login(programme)
    add(2)
    client.get(LOG)
    with django_assert_max_num_queries(40) as small_queries:
        small = client.get(LOG)
    add(20)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = client.get(LOG)

    assert len(small.context["object_list"]) == 4
    assert len(large.context["object_list"]) == 44


def test_the_group_member_sees_the_confidential_call_s_messages(client, logs, board_group):
    member = UserFactory(email="chair@example.org", groups=["Programme team"])
    member.groups.add(board_group)
    client.force_login(member)

    assert "margaret.okafor@example.org" in client.get(LOG).content.decode()
