import datetime
import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from home.models import EmailLog, EmailStatus
from proposals import services
from proposals.factories import UserFactory
from proposals.models import Submission, SubmissionFile, SubmissionStatus

from .conftest import PNG, close, pdf_upload

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_sees_guidance_dates_and_a_sign_in_link(client, call):
    response = client.get(call.url)

    html = response.content.decode()
    assert "TICTeC is a practical and reflective conference." in html
    assert "Sign in to apply" in html
    assert '<form method="post" enctype="multipart/form-data"' not in html
    assert response.context["state"] == "open"


def test_submit_stores_answers_snapshot_file_and_emails_a_copy(
    client, call, applicant, valid_post, on_commit
):
    client.force_login(applicant)

    with on_commit(execute=True):
        response = client.post(call.url, valid_post)

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/my-submissions/{submission.pk}/"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.applicant == applicant
    assert submission.title == "Using FOI data to track political donations"
    assert submission.answers == {
        "summary": "How access to information requests exposed undeclared donations in three cities.",
        "theme": "Democracy, people and politics",
        "contact_email": "amani@example.org",
    }
    assert [q["label"] for q in submission.questions] == [
        "Summary",
        "Theme",
        "Contact email",
        "Supporting document",
    ]
    stored = SubmissionFile.objects.get()
    assert stored.original_name == "evidence.pdf"
    assert stored.content_type == "application/pdf"
    assert stored.file.name.startswith(f"submissions/{submission.pk}/")
    assert "evidence" not in stored.file.name
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amani@example.org"]
    assert (
        mail.outbox[0].subject
        == "We received your submission: Using FOI data to track political donations"
    )
    assert "How access to information requests exposed undeclared donations" in mail.outbox[0].body
    assert "evidence.pdf" in mail.outbox[0].body
    assert EmailLog.objects.get().status == EmailStatus.SENT


def test_double_submit_creates_one_submission_and_one_email(
    client, call, applicant, valid_post, on_commit
):
    client.force_login(applicant)

    with on_commit(execute=True):
        client.post(call.url, valid_post)
        valid_post["supporting_document"] = pdf_upload()
        client.post(call.url, valid_post)

    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_save_draft_with_missing_answers_then_come_back_and_submit(
    client, call, applicant, on_commit
):
    client.force_login(applicant)

    response = client.post(
        call.url,
        {"title": "Half-written idea", "action": "draft", "idempotency_key": str(uuid.uuid4())},
    )

    draft = Submission.objects.get()
    assert draft.status == SubmissionStatus.DRAFT
    assert response["Location"] == f"{call.url}?submission={draft.pk}#apply"
    page = client.get(f"{call.url}?submission={draft.pk}")
    assert 'value="Half-written idea"' in page.content.decode()
    assert mail.outbox == []

    with on_commit(execute=True):
        response = client.post(
            call.url,
            {
                "submission": draft.pk,
                "title": "Half-written idea, finished",
                "summary": "Now complete.",
                "theme": "Climate change",
                "contact_email": "amani@example.org",
                "supporting_document": pdf_upload(),
                "action": "submit",
            },
        )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.status == SubmissionStatus.SUBMITTED
    assert draft.title == "Half-written idea, finished"
    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_validation_error_keeps_every_answer_and_the_uploaded_file(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    valid_post["summary"] = "word " * 25  # over the 20-word limit
    valid_post["contact_email"] = "not-an-email"

    response = client.post(call.url, valid_post)

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Use at most 20 words (you used 25)." in html
    assert 'value="Using FOI data to track political donations"' in html
    assert 'value="not-an-email"' in html
    assert "Uploaded: evidence.pdf" in html
    draft = Submission.objects.get()
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.files.get().original_name == "evidence.pdf"
    assert f'name="submission" value="{draft.pk}"' in html

    # Fixing the errors without re-uploading submits, keeping the stored file.
    fixed = {
        **valid_post,
        "summary": "Short now.",
        "contact_email": "amani@example.org",
        "submission": draft.pk,
    }
    del fixed["supporting_document"]
    response = client.post(call.url, fixed)

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.status == SubmissionStatus.SUBMITTED
    assert draft.files.get().original_name == "evidence.pdf"


def test_upload_checked_by_content_not_extension(client, call, applicant, valid_post):
    client.force_login(applicant)
    valid_post["supporting_document"] = SimpleUploadedFile(
        "cv.pdf", b"MZ\x90\x00 this is an exe", "application/pdf"
    )

    response = client.post(call.url, valid_post)

    assert response.status_code == 400
    assert "This file is not one of the allowed types (pdf, png)." in response.content.decode()
    assert SubmissionFile.objects.count() == 0


def test_allowed_image_type_is_accepted(client, call, applicant, valid_post):
    client.force_login(applicant)
    valid_post["supporting_document"] = SimpleUploadedFile("photo.png", PNG, "image/png")

    client.post(call.url, valid_post)

    assert SubmissionFile.objects.get().content_type == "image/png"


def test_upload_over_the_size_limit_is_refused(client, call, applicant, valid_post):
    client.force_login(applicant)
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    valid_post["supporting_document"] = SimpleUploadedFile("big.pdf", big, "application/pdf")

    response = client.post(call.url, valid_post)

    assert "the largest allowed is 1.0" in response.content.decode()
    assert Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count() == 0


def test_one_second_after_closing_the_form_is_closed_and_refuses_posts(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    close(call, seconds_ago=1)

    page = client.get(call.url)
    response = client.post(call.url, valid_post)

    assert "This call is closed" in page.content.decode()
    assert call.closes_at_local.strftime("%H:%M") in page.content.decode()
    assert 'name="action"' not in page.content.decode()
    assert response.status_code == 403
    # Nothing is submitted late; what was sent is kept as a draft (see test_never_lost).
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_service_refuses_submission_one_second_after_closes_at(call, applicant):
    with pytest.raises(services.CallClosed):
        services.submit(
            call=call,
            by=applicant,
            answers={},
            title="Late",
            now=call.closes_at + datetime.timedelta(seconds=1),
        )
    submission = services.submit(
        call=call, by=applicant, answers={}, title="Just in time", now=call.closes_at
    )
    assert submission.status == SubmissionStatus.SUBMITTED


def test_edit_until_the_deadline_then_refused(client, call, applicant, valid_post, on_commit):
    client.force_login(applicant)
    with on_commit(execute=True):
        client.post(call.url, valid_post)
    submission = Submission.objects.get()

    edit = {**valid_post, "submission": submission.pk, "title": "A better title"}
    del edit["supporting_document"]
    with on_commit(execute=True):
        client.post(call.url, edit)
    submission.refresh_from_db()
    assert submission.title == "A better title"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert len(mail.outbox) == 1  # editing does not re-send the confirmation

    close(call)
    response = client.post(call.url, {**edit, "title": "Too late"})
    submission.refresh_from_db()
    assert response.status_code == 403
    assert submission.title == "A better title"


def test_withdraw_until_the_deadline(client, call, applicant, valid_post):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()

    response = client.post(f"/my-submissions/{submission.pk}/withdraw/")

    submission.refresh_from_db()
    assert response["Location"] == "/my-submissions/"
    assert submission.status == SubmissionStatus.WITHDRAWN


def test_withdraw_after_the_deadline_is_refused(client, call, applicant, valid_post):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()
    close(call)

    client.post(f"/my-submissions/{submission.pk}/withdraw/")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_someone_else_cannot_edit_or_withdraw_my_submission(client, call, applicant, valid_post):

    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()
    client.force_login(UserFactory())

    edit = client.post(
        call.url, {"submission": submission.pk, "title": "Hijacked", "action": "submit"}
    )
    # (A 404 outside the language prefix is redirected to /en/..., which 404s too.)
    withdraw = client.post(f"/my-submissions/{submission.pk}/withdraw/", follow=True)
    detail = client.get(f"/my-submissions/{submission.pk}/", follow=True)

    submission.refresh_from_db()
    assert (edit.status_code, withdraw.status_code, detail.status_code) == (404, 404, 404)
    assert submission.title == "Using FOI data to track political donations"
    assert submission.status == SubmissionStatus.SUBMITTED


def test_question_edits_after_submission_keep_old_answers_displayed(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()
    summary = call.call_questions.get(label="Summary")
    summary.label = "Tell us what you will share"
    summary.save()
    call.call_questions.get(label="Theme").delete()

    response = client.get(f"/my-submissions/{submission.pk}/")

    html = response.content.decode()
    assert "Summary" in html
    assert "Theme" in html
    assert "Democracy, people and politics" in html
    # Re-saving keeps the answer to the removed question, with its label as asked.
    services.save_draft(
        call=call, by=applicant, submission=submission, answers={"summary": "Updated."}
    )
    submission.refresh_from_db()
    assert submission.answers["theme"] == "Democracy, people and politics"
    assert {q["key"]: q["label"] for q in submission.questions}["theme"] == "Theme"
    assert {q["key"]: q["label"] for q in submission.questions}[
        "summary"
    ] == "Tell us what you will share"


def test_email_failure_never_loses_the_submission(
    client, call, applicant, valid_post, monkeypatch, on_commit
):
    def explode(self, *args, **kwargs):
        raise ConnectionError("SMTP server unreachable")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", explode)
    client.force_login(applicant)

    with on_commit(execute=True):
        response = client.post(call.url, valid_post)

    submission = Submission.objects.get()
    log = EmailLog.objects.get()
    assert response.status_code == 302
    assert submission.status == SubmissionStatus.SUBMITTED
    assert log.status == EmailStatus.FAILED
    assert log.error == "SMTP server unreachable"


def test_one_submission_per_person_when_the_call_says_so(client, call, applicant, valid_post):
    call.allow_multiple_submissions = False
    call.save()
    client.force_login(applicant)
    client.post(call.url, valid_post)

    page = client.get(call.url)

    assert page.context["submission"] == Submission.objects.get()
    assert "Edit your submission" in page.content.decode()


def test_submission_endpoint_is_rate_limited_per_ip(client, call, applicant):
    client.force_login(applicant)
    statuses = [client.post(call.url, {"action": "submit"}).status_code for _ in range(31)]

    assert statuses[:30] == [400] * 30
    assert statuses[30] == 429


def test_csrf_is_enforced_on_the_apply_form(call, applicant, valid_post):

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)

    response = client.post(call.url, valid_post)

    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_call_not_yet_open(client, call, applicant):
    call.opens_at = timezone.now() + datetime.timedelta(days=1)
    call.save()
    client.force_login(applicant)

    response = client.get(call.url)

    assert "This call is not open yet" in response.content.decode()


def test_dates_are_shown_in_the_calls_own_time_zone(client, call):
    call.time_zone = "Europe/Brussels"
    call.opens_at = datetime.datetime(2024, 10, 1, 9, 0, tzinfo=datetime.UTC)
    call.closes_at = datetime.datetime(2025, 1, 15, 23, 0, tzinfo=datetime.UTC)
    call.save()

    html = client.get(call.url).content.decode()

    # 23:00 UTC is midnight in Brussels (CET), not 23:00 GMT as Europe/London would show.
    assert "Thursday 16 January 2025, 00:00 CET" in html
    assert "23:00 GMT" not in html
