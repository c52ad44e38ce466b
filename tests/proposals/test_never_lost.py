"""Nothing a person typed is ever lost: double submits, stale tabs, the deadline."""

import uuid

import pytest
from django.core import mail

from proposals import services
from proposals.models import Submission, SubmissionStatus

from .conftest import close, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_same_form_sent_twice_keeps_one_submission_and_shows_it(
    client, call, applicant, valid_post, on_commit
):
    client.force_login(applicant)

    with on_commit(execute=True):
        first = client.post(call.url, valid_post)
        second = client.post(call.url, {**valid_post, "supporting_document": pdf_upload()})
    page = client.get(second["Location"])

    html = page.content.decode()
    submission = Submission.objects.get()
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == f"/my-submissions/{submission.pk}/"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "Your submission had already been received" in html
    assert "How access to information requests exposed undeclared donations" in html
    assert len(mail.outbox) == 1


def test_a_stale_tab_updates_the_submission_the_first_tab_sent(client, call, applicant, valid_post):
    client.force_login(applicant)
    client.post(call.url, valid_post)

    stale = client.post(
        call.url,
        {**valid_post, "summary": "Typed later in the second tab.", "supporting_document": ""},
        follow=True,
    )

    submission = Submission.objects.get()
    assert stale.status_code == 200
    assert submission.answers["summary"] == "Typed later in the second tab."
    assert submission.files.get().original_name == "evidence.pdf"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "Typed later in the second tab." in stale.content.decode()


def test_saving_a_draft_twice_keeps_one_draft(client, call, applicant):
    client.force_login(applicant)
    draft_post = {
        "title": "Half-written idea",
        "summary": "Notes so far.",
        "action": "draft",
        "idempotency_key": str(uuid.uuid4()),
    }

    first = client.post(call.url, draft_post)
    second = client.post(call.url, draft_post)

    draft = Submission.objects.get()
    assert (first.status_code, second.status_code) == (302, 302)
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.answers["summary"] == "Notes so far."
    assert "Notes so far." in client.get(second["Location"]).content.decode()


def test_a_stale_tab_saving_a_draft_of_what_was_since_submitted_keeps_it_submitted(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()

    response = client.post(
        call.url,
        {
            **valid_post,
            "submission": submission.pk,
            "summary": "Edited in an old tab.",
            "supporting_document": "",
            "action": "draft",
        },
        follow=True,
    )

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.answers["summary"] == "Edited in an old tab."
    assert "Changes saved. Your submission stays submitted." in response.content.decode()


def test_one_second_after_closing_what_was_sent_is_kept_as_a_draft_and_shown(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    close(call, seconds_ago=1)

    response = client.post(call.url, valid_post)

    html = response.content.decode()
    draft = Submission.objects.get()
    assert response.status_code == 403
    assert "This call has closed, so what you sent could not be submitted." in html
    assert "We have kept it as a draft" in html
    assert "How access to information requests exposed undeclared donations" in html
    assert "evidence.pdf" in html
    assert 'name="action"' not in html
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.submitted_at is None
    assert draft.title == "Using FOI data to track political donations"
    assert draft.answers["summary"] == (
        "How access to information requests exposed undeclared donations in three cities."
    )
    assert draft.files.get().original_name == "evidence.pdf"
    assert list(draft.events.values_list("action", flat=True)) == ["kept as a draft: call not open"]
    assert mail.outbox == []


def test_a_late_post_with_errors_still_keeps_what_was_valid_and_shows_everything(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    close(call)

    response = client.post(call.url, {**valid_post, "contact_email": "not-an-email"})

    html = response.content.decode()
    draft = Submission.objects.get()
    assert "not-an-email" in html
    assert draft.status == SubmissionStatus.DRAFT
    assert "contact_email" not in draft.answers
    assert draft.answers["theme"] == "Democracy, people and politics"


def test_a_late_edit_of_a_submitted_submission_leaves_it_unchanged_but_shows_the_text(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    submission = Submission.objects.get()
    close(call)

    response = client.post(
        call.url,
        {**valid_post, "submission": submission.pk, "summary": "A late afterthought."},
    )

    html = response.content.decode()
    submission.refresh_from_db()
    assert response.status_code == 403
    assert "This call has closed" in html
    assert "What you sent is shown below so that you can keep a copy." in html
    assert "A late afterthought." in html
    assert Submission.objects.count() == 1
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.answers["summary"].startswith("How access to information requests")


def test_a_late_anonymous_post_shows_what_was_sent(client, call, valid_post):
    call.account_required = False
    call.save()
    close(call)

    response = client.post(
        call.url,
        {**valid_post, "applicant_name": "Sam Visitor", "applicant_email": "sam@example.org"},
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert "This call has closed" in html
    assert "Sam Visitor" in html
    assert "How access to information requests exposed undeclared donations" in html
    assert Submission.objects.count() == 0


def test_a_post_racing_the_deadline_is_kept_as_a_draft(
    client, call, applicant, valid_post, monkeypatch
):
    """The page saw the call open; by the time the service saved, it had closed."""

    def closed(**kwargs):
        raise services.CallClosed("closed")

    monkeypatch.setattr(services, "submit", closed)
    client.force_login(applicant)

    response = client.post(call.url, valid_post)

    assert response.status_code == 403
    assert "This call has closed" in response.content.decode()
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_back_and_resubmit_after_withdrawing_keeps_the_text_for_a_new_submission(
    client, call, applicant, valid_post
):
    client.force_login(applicant)
    client.post(call.url, valid_post)
    withdrawn = Submission.objects.get()
    client.post(f"/my-submissions/{withdrawn.pk}/withdraw/")

    again = client.post(call.url, {**valid_post, "supporting_document": pdf_upload()})

    html = again.content.decode()
    assert again.status_code == 409
    assert "can no longer be changed" in html
    assert 'value="Using FOI data to track political donations"' in html
    assert f'name="submission" value="{withdrawn.pk}"' not in html
    fresh_key = again.context["idempotency_key"]
    resent = client.post(
        call.url,
        {**valid_post, "supporting_document": pdf_upload(), "idempotency_key": str(fresh_key)},
    )
    assert resent.status_code == 302
    assert Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count() == 1
    assert Submission.objects.filter(status=SubmissionStatus.WITHDRAWN).count() == 1
