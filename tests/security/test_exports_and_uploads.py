"""Adversarial input in exports, uploads and long answers.

- Text an applicant typed never becomes a live spreadsheet formula in any export.
- An upload's name and its bytes must both be an allowed type; it is stored and served
  under a name we make, and a request stops being read once a file is too large.
- A word limit also bounds characters, so one 2 MB "word" is not a 1-word answer.
"""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet

from conference.tickets_factories import RegistrationFactory, TicketTypeFactory
from home.spreadsheets import SafeSpreadsheetExportMixin, safe_cell
from proposals import services
from proposals.factories import (
    CallPageFactory,
    CallQuestionFactory,
    EmailLogFactory,
    ReviewFactory,
    RubricCriterionFactory,
    SubmissionFactory,
    UserFactory,
)
from proposals.wagtail_hooks import email_log_viewset, submission_viewset

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def call(home_page):
    page = CallPageFactory(parent=home_page, slug="board-call", title="Trustee applications")
    CallQuestionFactory(
        page=page, label="Why you", field_type="multiline", word_limit=200, required=True
    )
    CallQuestionFactory(
        page=page,
        label="CV",
        field_type="file",
        allowed_file_types="pdf,docx",
        max_file_size_mb=1,
        required=True,
    )
    RubricCriterionFactory(page=page, name="Experience", weight=1)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def programme(db):
    return UserFactory(email="pat@example.org", groups=["Programme team", "Reviewers"])


def _csv_cells(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]


def _xlsx_cells(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def _assert_inert(response, *typed):
    """Every cell holding typed text starts with ' (CSV) or is that text as a string (XLSX)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/csv"):
        cells = _csv_cells(response)
        for text in typed:
            assert f"'{text}" in cells, (text, cells)
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    else:
        cells = _xlsx_cells(response)
        values = [c.value for c in cells]
        for text in typed:
            assert f"'{text}" in values, (text, values)
        assert all(c.data_type != "f" for c in cells)


# Exports ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Open data in 3 cities", "Open data in 3 cities"),
        ("", ""),
        (-3, -3),
        (None, None),
    ],
)
def test_safe_cell_neutralises_formula_triggers_and_leaves_the_rest(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_ranking_export_neutralises_typed_text(client, call, programme, file_format):
    submission = SubmissionFactory(call=call, title=EVIL, applicant_name="@evil")
    reviewer = UserFactory(groups=["Reviewers"])
    review = ReviewFactory(submission=submission, reviewer=reviewer)
    criterion = call.specific.get_criteria()[0]
    services.record_review(
        review=review, scores={criterion.pk: 4}, comment="", recommendation="accept", by=reviewer
    )
    client.force_login(programme)

    response = client.get(f"/admin/calls/{call.pk}/ranking/?export={file_format}")

    _assert_inert(response, EVIL, "@evil")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_submissions_listing_export_neutralises_typed_text(client, call, programme, file_format):
    SubmissionFactory(call=call, title=EVIL, applicant_name="-1+1", applicant_email="a@example.org")
    client.force_login(programme)

    response = client.get(
        reverse(submission_viewset.get_url_name("index")), {"export": file_format}
    )

    _assert_inert(response, EVIL, "-1+1")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_registrations_listing_export_neutralises_typed_text(client, home_page, file_format):
    from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory

    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home_page), edition_year=2025
    )
    RegistrationFactory(
        ticket_type=TicketTypeFactory(conference=conference),
        name=EVIL,
        organisation="+SUM(1;2)",
        dietary_needs="\t=cmd|' /C calc'!A0",
    )
    client.force_login(
        get_user_model().objects.create_superuser(
            username="admin", email="admin@example.org", password="x"
        )
    )

    response = client.get(reverse("registration:index"), {"export": file_format})

    _assert_inert(response, EVIL, "+SUM(1;2)", "\t=cmd|' /C calc'!A0")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_email_log_export_neutralises_typed_text(client, call, programme, file_format):
    EmailLogFactory(subject=f"Received: {EVIL}", to="a@example.org", error=EVIL)
    client.force_login(programme)

    response = client.get(reverse(email_log_viewset.get_url_name("index")), {"export": file_format})

    _assert_inert(response, EVIL)


def _exports(viewset):
    list_export = getattr(viewset, "list_export", ViewSet.UNDEFINED)
    return list_export is not ViewSet.UNDEFINED and bool(list_export)


def test_every_listing_export_of_ours_uses_the_safe_mixin(client):
    reverse("wagtailadmin_home")  # the admin's URLs (and so its viewsets) are loaded
    ours = {"proposals", "conference", "cohorts", "home"}
    exporting = [
        viewset
        for viewset in viewsets.viewsets
        if _exports(viewset)
        and getattr(getattr(viewset, "model", None), "_meta", None)
        and viewset.model._meta.app_label in ours
    ]

    assert len(exporting) >= 3
    for viewset in exporting:
        assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin), viewset
