import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from proposals.factories import (
    MINIMAL_PDF,
    CallPageFactory,
    CallQuestionFactory,
    RubricCriterionFactory,
    UserFactory,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def pdf_upload(name="evidence.pdf"):
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():

    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (email tasks) when the block ends, as a real commit would."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def call(home_page):
    page = CallPageFactory(
        parent=home_page, slug="tictec-2025-call", title="TICTeC 2025: call for session proposals"
    )
    CallQuestionFactory(
        page=page,
        label="Summary",
        field_type="multiline",
        word_limit=20,
        help_text="What will you share?",
    )
    CallQuestionFactory(
        page=page,
        label="Theme",
        field_type="radio",
        choices="Access to information and open data\nDemocracy, people and politics\nClimate change",
    )
    CallQuestionFactory(page=page, label="Contact email", field_type="email", personal_data=True)
    CallQuestionFactory(
        page=page,
        label="Supporting document",
        field_type="file",
        allowed_file_types="pdf,png",
        max_file_size_mb=1,
    )
    RubricCriterionFactory(page=page, name="Alignment with the conference themes", weight=2)
    RubricCriterionFactory(page=page, name="Practical experience and evidence of impact", weight=1)
    RubricCriterionFactory(
        page=page, name="Quality of audience participation", weight=1, applies_to="workshop"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def applicant(db):
    return UserFactory(email="amani@example.org", first_name="Amani", last_name="Applicant")


@pytest.fixture
def reviewer(db):
    return UserFactory(
        email="rae@example.org", first_name="Rae", last_name="Reviewer", groups=["Reviewers"]
    )


@pytest.fixture
def programme(db):
    return UserFactory(
        email="pat@example.org",
        first_name="Pat",
        last_name="Programme",
        groups=["Programme team", "Reviewers"],
    )


@pytest.fixture
def valid_post():
    return {
        "title": "Using FOI data to track political donations",
        "summary": "How access to information requests exposed undeclared donations in three cities.",
        "theme": "Democracy, people and politics",
        "contact_email": "amani@example.org",
        "supporting_document": pdf_upload(),
        "idempotency_key": "6f1c2a1e-7d44-4f5e-8a43-1d2f3a4b5c6d",
        "action": "submit",
    }


def close(call, *, seconds_ago=1):
    call.closes_at = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    call.save()
