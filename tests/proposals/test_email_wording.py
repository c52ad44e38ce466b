"""Emails greet applicants by the name they gave, never by their address, and promise a
reply only by a date the call actually gives (proposals/emails.py)."""

import pytest

from home.models import EmailKind
from proposals import emails
from proposals.factories import SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def receipt(submission):
    return emails.preview_submission_email(submission=submission, kind=EmailKind.CONFIRMATION)


def test_the_receipt_greets_the_applicant_by_the_name_on_their_account(call):
    applicant = UserFactory(email="noor@example.org", first_name="Noor Hassan", last_name="")
    submission = SubmissionFactory(call=call, applicant=applicant, applicant_name="")

    _subject, body = receipt(submission)

    assert body.startswith("Dear Noor Hassan,\n")


def test_with_no_name_anywhere_the_receipt_greets_the_applicant_not_their_address(call):
    applicant = UserFactory(email="noor@example.org", first_name="", last_name="")
    submission = SubmissionFactory(call=call, applicant=applicant, applicant_name="")

    _subject, body = receipt(submission)

    assert body.startswith("Dear applicant,\n")
    assert "noor@example.org" not in body


def test_the_receipt_gives_the_decision_date_when_the_call_sets_one(call, applicant):
    submission = SubmissionFactory(call=call, applicant=applicant)

    _subject, body = receipt(submission)

    when = emails.datetime_with_zone(call.decisions_by_local)
    assert f"We will let you know the outcome by {when}.\n" in body


def test_without_a_decision_date_the_receipt_promises_no_date(call, applicant):
    call.decisions_by = None
    call.save()
    submission = SubmissionFactory(call=call, applicant=applicant)

    _subject, body = receipt(submission)

    assert body.endswith("We will email you the outcome once the submissions have been reviewed.\n")
    assert "by the date given" not in body
    assert emails.submission_context(submission)["decisions_by"] == ""
