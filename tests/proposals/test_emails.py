"""A broken email template or a down email provider never loses a submission: email is
rendered and sent after the submission commits, failures are logged and retried."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django.urls import reverse

from home.factories import EmailTemplateFactory
from home.mail import sending
from home.models import EmailKind, EmailLog, EmailStatus, EmailTemplate
from proposals import emails, services
from proposals.factories import ReviewFactory, UserFactory
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.proposals.test_emails.ProviderDown"
UNCLOSED_IF = "Dear {{ applicant_name }},\n{% if title %}We received {{ title }}.\n"


class ProviderDown(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")


def later(log, minutes):
    """As if ``minutes`` had passed since the log last changed."""
    return EmailLog.objects.get(pk=log.pk).updated_at + datetime.timedelta(minutes=minutes)


# --- Templates are checked when staff save them -------------------------------------


def test_a_template_with_an_unclosed_tag_is_refused_in_the_admin(client, call):
    client.force_login(UserFactory(groups=["Programme team"]))

    response = client.post(
        reverse("email_templates:add"),
        {
            "call": call.pk,
            "kind": EmailKind.CONFIRMATION,
            "subject": "We received {{ title }}",
            "body": UNCLOSED_IF,
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This template cannot be used: Unclosed tag on line 2: &#x27;if&#x27;" in html
    assert "{% if title %}We received {{ title }}." in html
    assert EmailTemplate.objects.count() == 0


def test_editing_a_template_into_a_broken_one_keeps_the_working_one(client):
    template = EmailTemplateFactory(kind=EmailKind.ACCEPTED)
    client.force_login(UserFactory(groups=["Programme team"]))

    response = client.post(
        reverse("email_templates:edit", args=[template.pk]),
        {"kind": EmailKind.ACCEPTED, "subject": "Accepted: {{ title|nosuchfilter }}", "body": "Hi"},
    )

    template.refresh_from_db()
    assert response.status_code == 200
    assert "Invalid filter: &#x27;nosuchfilter&#x27;" in response.content.decode()
    assert template.subject == "Your TICTeC 2025 session has been accepted: {{ title }}"


def test_a_template_that_only_fails_when_rendered_is_refused_too():
    template = EmailTemplate(kind=EmailKind.CONFIRMATION, subject="Hello", body='{% include "x" %}')

    with pytest.raises(ValidationError) as refused:
        template.full_clean()

    assert list(refused.value.message_dict) == ["body"]


def test_a_working_template_is_accepted():
    EmailTemplate(
        kind=EmailKind.REVIEW_REMINDER,
        subject="{{ pending_count }} review(s) for {{ call_title }}",
        body="{% if pending_count > 1 %}Several{% else %}One{% endif %}: {{ queue_url }}",
    ).full_clean()


# --- A template broken in the database never loses a submission ---------------------


def test_a_broken_template_in_the_database_does_not_lose_the_submission(
    client, call, applicant, valid_post, on_commit
):
    broken = EmailTemplateFactory(call=call, kind=EmailKind.CONFIRMATION, body=UNCLOSED_IF)
    client.force_login(applicant)

    with on_commit(execute=True):
        response = client.post(call.url, valid_post)

    submission = Submission.objects.get()
    log = EmailLog.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/my-submissions/{submission.pk}/"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.title == "Using FOI data to track political donations"
    assert log.about == submission
    assert log.status == EmailStatus.FAILED
    assert log.error == (
        "The template could not be rendered: Unclosed tag on line 2: 'if'. "
        "Looking for one of: elif, else, endif."
    )
    assert log.attempts == 1
    assert mail.outbox == []

    # Staff fix the template; the next retry writes and sends the email.
    broken.body = "Dear {{ applicant_name }},\nWe received {{ title }}.\n"
    broken.save()
    assert sending.retry_failed(now=later(log, minutes=5)) == 1

    log.refresh_from_db()
    assert log.status == EmailStatus.SENT
    assert log.attempts == 2
    assert log.error == ""
    assert [m.body for m in mail.outbox] == [
        "Dear Amani Applicant,\nWe received Using FOI data to track political donations.\n"
    ]


def test_a_broken_outcome_template_does_not_stop_sending_outcomes(call, applicant, on_commit):
    EmailTemplateFactory(kind=EmailKind.ACCEPTED, body="{% for x in %}")
    submission = Submission.objects.create(
        call=call, applicant=applicant, status=SubmissionStatus.ACCEPTED, title="Accepted talk"
    )

    with on_commit(execute=True):
        sent = services.send_outcomes(submissions=[submission])

    log = EmailLog.objects.get()
    assert sent == 1
    assert log.status == EmailStatus.FAILED
    assert log.error.startswith("The template could not be rendered: ")
    preview = emails.preview_submission_email(submission=submission, kind=EmailKind.ACCEPTED)
    assert preview[0] == "This template cannot be used"


def test_a_broken_reminder_template_is_logged_not_raised(call, reviewer, on_commit):
    EmailTemplateFactory(kind=EmailKind.REVIEW_REMINDER, subject="{% if call_title %}Hi", body="Hi")
    ReviewFactory(
        submission=Submission.objects.create(
            call=call, status=SubmissionStatus.SUBMITTED, title="To review"
        ),
        reviewer=reviewer,
    )

    with on_commit(execute=True):
        reminded = services.remind_reviewers(call=call)

    log = EmailLog.objects.get()
    assert reminded == 1
    assert (log.kind, log.status, log.to) == (
        EmailKind.REVIEW_REMINDER,
        EmailStatus.FAILED,
        "rae@example.org",
    )
    assert "could not be rendered" in log.error


def test_a_reminder_is_rendered_for_its_call_and_reviewer(call, reviewer, on_commit):
    ReviewFactory(
        submission=Submission.objects.create(
            call=call, status=SubmissionStatus.SUBMITTED, title="To review"
        ),
        reviewer=reviewer,
    )

    with on_commit(execute=True):
        services.remind_reviewers(call=call)

    log = EmailLog.objects.get()
    assert log.status == EmailStatus.SENT
    assert mail.outbox[0].subject == (
        "Reminder: 1 review(s) to finish for TICTeC 2025: call for session proposals"
    )
    assert mail.outbox[0].body.startswith("Dear Rae Reviewer,\n\nYou have 1 review(s)")


# --- A provider that is down never loses a submission; the email is retried ---------


def test_a_down_provider_keeps_the_submission_and_the_email_is_sent_once_it_is_back(
    client, call, applicant, valid_post, on_commit
):
    client.force_login(applicant)

    with override_settings(EMAIL_BACKEND=FAILING_BACKEND), on_commit(execute=True):
        response = client.post(call.url, valid_post)

    submission = Submission.objects.get()
    log = EmailLog.objects.get()
    assert response.status_code == 302
    assert submission.status == SubmissionStatus.SUBMITTED
    assert (log.status, log.error, log.attempts) == (
        EmailStatus.FAILED,
        "SMTP server unreachable",
        1,
    )
    assert log.subject == "We received your submission: Using FOI data to track political donations"

    with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
        sending.retry_failed(now=later(log, minutes=5))
    log.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.FAILED, 2)
    assert sending.retry_failed(now=later(log, minutes=9)) == 0  # the wait doubled: 10 min

    assert sending.retry_failed(now=later(log, minutes=10)) == 1
    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 3, "")
    assert [m.to for m in mail.outbox] == [["amani@example.org"]]
    assert mail.outbox[0].subject == log.subject
