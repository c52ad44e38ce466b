"""Adversarial input in exports, uploads and long answers.

- Text an applicant typed never becomes a live spreadsheet formula in any export.
- An upload's name and its bytes must both be an allowed type; it is stored and served
  under a name we make, and a request stops being read once a file is too large.
- A word limit also bounds characters, so one 2 MB "word" is not a 1-word answer.
"""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet

from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.tickets.factories import RegistrationFactory, TicketTypeFactory
from home.factories import EmailLogFactory
from home.mail.admin import email_log_viewset
from home.spreadsheets import SafeSpreadsheetExportMixin, safe_cell
from home.uploads import refused_uploads
from proposals import services
from proposals.admin.submissions import submission_viewset
from proposals.factories import (
    MINIMAL_PDF,
    CallPageFactory,
    CallQuestionFactory,
    ReviewFactory,
    RubricCriterionFactory,
    SubmissionFactory,
    SubmissionFileFactory,
    UserFactory,
)
from proposals.forms import WordLimitValidator
from proposals.models import Submission, SubmissionFile, SubmissionStatus
from proposals.uploads import display_name

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():

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
    CallQuestionFactory(page=page, label="Anything else", field_type="singleline", required=False)
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


# Uploads ---------------------------------------------------------------------------

KEY = "6f1c2a1e-7d44-4f5e-8a43-1d2f3a4b5c6d"
WHY = "I have chaired a charity board for six years and led its digital strategy."


@pytest.fixture
def applicant(db):
    return UserFactory(email="amani@example.org", first_name="Amani", last_name="Applicant")


def _apply(client, call, cv, **extra):
    return client.post(
        call.url,
        {
            "idempotency_key": KEY,
            "title": "Trustee application",
            "why_you": WHY,
            "cv": cv,
            "action": "submit",
            **extra,
        },
    )


@pytest.mark.parametrize("name", ["cv.pdf.exe", "cv.html", "cv"])
def test_pdf_bytes_under_a_name_that_is_not_an_allowed_type_are_refused(
    client, call, applicant, name
):
    client.force_login(applicant)

    response = _apply(client, call, SimpleUploadedFile(name, MINIMAL_PDF, "application/pdf"))

    html = response.content.decode()
    assert response.status_code == 400
    assert "The file name must end in one of the allowed types (pdf, docx)." in html
    assert WHY in html  # what was typed is still there
    assert SubmissionFile.objects.count() == 0
    assert not Submission.objects.filter(status=SubmissionStatus.SUBMITTED).exists()


def test_a_real_pdf_is_stored_under_a_generated_name_and_served_as_an_attachment(
    client, call, applicant
):
    client.force_login(applicant)

    response = _apply(
        client, call, SimpleUploadedFile("Jane\u202eDoe CV*.PDF", MINIMAL_PDF, "application/pdf")
    )
    stored = SubmissionFile.objects.get()
    download = client.get(stored.get_absolute_url())

    assert response.status_code == 302
    assert re.fullmatch(
        rf"submissions/{stored.submission_id}/[0-9a-f]{{32}}\.pdf", stored.file.name
    )
    assert stored.original_name == "JaneDoe CV_.pdf"
    assert stored.content_type == "application/pdf"
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="JaneDoe CV_.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == MINIMAL_PDF


def test_a_file_stored_with_an_unexpected_type_is_served_as_a_plain_download(client, call):

    stored = SubmissionFileFactory(
        submission=SubmissionFactory(call=call),
        original_name='<script>alert(1)</script>"; x.html',
        content_type="text/html",
    )
    client.force_login(stored.submission.applicant)

    download = client.get(stored.get_absolute_url())

    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"] == ('attachment; filename="script___ x.html"')
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ('..\\..\\Jane "Doe"\u202e;cv.PDF', "pdf", "Jane _Doe__cv.pdf"),
        ("../../etc/passwd", "", "passwd"),
        ("report\x00.pdf.exe", "pdf", "report.pdf.exe.pdf"),
        ("   .pdf", "pdf", "file.pdf"),
        ("x" * 300 + ".docx", "docx", "x" * 120 + ".docx"),
    ],
)
def test_display_name_is_safe_to_show_and_to_send_in_a_header(name, extension, expected):
    assert display_name(name, extension=extension) == expected


class _GeneratedBody:
    """A request body made on demand, counting how much of it the server reads."""

    def __init__(self, *parts):
        self._parts = iter(parts)
        self._buffer = b""
        self.bytes_read = 0

    def _fill(self, size):
        while len(self._buffer) < size:
            try:
                self._buffer += next(self._parts)
            except StopIteration:
                break

    def read(self, size=-1):
        self._fill(float("inf") if size is None or size < 0 else size)
        size = len(self._buffer) if size is None or size < 0 else size
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        self.bytes_read += len(data)
        return data

    def readline(self, size=-1):
        return self.read(size)


def test_upload_handler_stops_reading_a_300_mb_file_past_the_limit(settings):
    settings.MAX_UPLOAD_SIZE = 1024 * 1024
    boundary = "----h5boundary"
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="why_you"\r\n\r\n'
        f"{WHY}\r\n"
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    tail = f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nsubmit\r\n--{boundary}--\r\n'.encode()
    chunk = b"0" * (1024 * 1024)
    file_size = 300 * len(chunk)
    body = _GeneratedBody(head, b"%PDF-1.4\n", *([chunk] * 299), chunk[:-9], tail)
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/apply/",
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "CONTENT_LENGTH": str(len(head) + file_size + len(tail)),
            "wsgi.input": body,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
        }
    )

    post, files = request.POST, request.FILES

    assert body.bytes_read < 3 * 1024 * 1024  # of a 300 MB body
    assert post["why_you"] == WHY
    assert "cv" not in files
    assert "action" not in post  # nothing after the file was read
    assert refused_uploads(request) == {"cv": "cv.pdf"}


def test_too_large_file_is_refused_next_to_its_field_keeping_what_was_typed(
    client, call, applicant, settings
):
    settings.MAX_UPLOAD_SIZE = 512 * 1024
    draft = SubmissionFactory(
        call=call,
        applicant=applicant,
        status=SubmissionStatus.DRAFT,
        submitted_at=None,
        answers={"why_you": "An early draft.", "anything_else": "Kept from the draft"},
    )
    client.force_login(applicant)
    big = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), "application/pdf")

    response = client.post(
        call.url,
        {
            "idempotency_key": KEY,
            "submission": draft.pk,
            "title": "Trustee application",
            "why_you": WHY,
            "cv": big,
            "anything_else": "typed after the file, never received",
            "action": "submit",
        },
    )

    html = response.content.decode()
    draft.refresh_from_db()
    assert response.status_code == 400
    assert "This file is larger than 512.0\xa0KB, so it was not uploaded." in html
    assert re.search(r'id="id_cv-error"[^>]*>\s*<li>This file is larger than', html)
    assert WHY in html
    assert 'value="Kept from the draft"' in html
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.answers == {"why_you": WHY, "anything_else": "Kept from the draft"}
    assert SubmissionFile.objects.count() == 0


# Long answers ----------------------------------------------------------------------


def test_a_200_word_question_refuses_one_2_mb_word(client, call, applicant):
    client.force_login(applicant)
    word = "a" * (2 * 1024 * 1024)

    response = _apply(
        client,
        call,
        SimpleUploadedFile("cv.pdf", MINIMAL_PDF, "application/pdf"),
        why_you=word,
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "This answer is too long: use at most 6,000 characters (you used 2,097,152)." in html
    assert not Submission.objects.filter(status=SubmissionStatus.SUBMITTED).exists()
    assert all(word not in str(s.answers) for s in Submission.objects.all())


def test_word_limit_bounds_characters_but_not_ordinary_answers():
    validator = WordLimitValidator(200)
    ordinary = " ".join(["accountability"] * 200)  # 200 long words: 2,999 characters

    validator(ordinary)
    with pytest.raises(ValidationError) as refused:
        validator("x" * 6001)
    assert refused.value.code == "character_limit"
    WordLimitValidator(2)("https://www.mysociety.org/2025/06/10/tictec-2025-in-mechelen/")
