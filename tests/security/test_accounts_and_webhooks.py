"""Every sign-in goes through allauth; the submission rate limit counts people, not the
proxy they share; email delivery webhooks accept only the configured provider's
authenticated events, once."""

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import PageViewRestriction

from home.factories import ContentPageFactory, EmailLogFactory
from home.models import EmailStatus
from proposals.factories import CallPageFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "tictec-demo-2025"
WEBHOOK_SECRET = "anymail:a-long-random-webhook-secret"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and seen webhook events live in the (local-memory) cache."""
    cache.clear()
    yield
    cache.clear()


# Wagtail's private-page login ------------------------------------------------------


@pytest.fixture
def private_page(home_page):
    page = ContentPageFactory(parent=home_page, slug="members-only", title="Members only")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_a_private_page_sends_visitors_to_allauths_sign_in(client, private_page):
    response = client.get(private_page.url)

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={private_page.url}"


def test_wagtails_own_login_cannot_sign_in_an_unverified_account(client, private_page):
    user = UserFactory(email="sam@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    assert client.get(f"/en/_util/login/?next={private_page.url}").url == (
        f"/accounts/login/?next={private_page.url}"
    )
    response = client.post(
        f"/en/_util/login/?next={private_page.url}",
        {"username": "sam@example.org", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={private_page.url}"
    assert client.session.get("_auth_user_id") is None
    assert client.get(private_page.url).status_code == 302


def test_wagtails_own_login_does_not_get_round_allauths_lockout(client, private_page):
    user = UserFactory(email="kim@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": "kim@example.org", "password": "wrong"})

    client.post("/fr/_util/login/", {"username": "kim@example.org", "password": PASSWORD})
    client.cookies.pop(django_settings.LANGUAGE_COOKIE_NAME, None)  # /fr/ left French cookie
    refused = client.post("/accounts/login/", {"login": "kim@example.org", "password": PASSWORD})

    assert client.session.get("_auth_user_id") is None
    assert "Too many failed login attempts. Try again later." in refused.content.decode()


# The submission rate limit ---------------------------------------------------------

PROXY = "10.0.0.7"


@pytest.fixture
def call(home_page):
    return CallPageFactory(parent=home_page, slug="deadline-day")


def post_from(client, url, **headers):
    """An empty submit (answered 400, nothing saved) arriving through the office proxy."""
    return client.post(url, {"action": "submit"}, REMOTE_ADDR=PROXY, **headers)


def test_two_hundred_applicants_behind_one_proxy_are_not_refused(client, call):
    applicants = UserFactory.create_batch(200)
    statuses = []
    for applicant in applicants:
        client.force_login(applicant)
        statuses.append(post_from(client, call.url).status_code)

    assert statuses == [400] * 200


def test_one_applicant_hammering_the_form_is_refused(client, call):
    hammerer, colleague = UserFactory.create_batch(2)
    client.force_login(hammerer)
    statuses = [post_from(client, call.url).status_code for _ in range(31)]

    assert statuses == [400] * 30 + [429]
    assert "Too many attempts. Please wait a minute and try again." in (
        post_from(client, call.url).content.decode()
    )
    client.force_login(colleague)
    assert post_from(client, call.url).status_code == 400


def test_signed_out_visitors_count_by_the_address_the_trusted_proxy_reports(client, call, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = [
        post_from(client, call.url, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code
        for _ in range(31)
    ]
    other = post_from(client, call.url, HTTP_X_FORWARDED_FOR="203.0.113.6")

    assert first[:30] == [302] * 30  # sent to sign in, counted
    assert first[30] == 429
    assert other.status_code == 302


def test_a_forged_forwarded_for_header_buys_no_fresh_allowance(client, call):
    # TRUSTED_PROXY_COUNT is 0 by default: X-Forwarded-For is not believed.
    statuses = [
        post_from(client, call.url, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(31)
    ]

    assert statuses[:30] == [302] * 30
    assert statuses[30] == 429


# Email delivery webhooks -----------------------------------------------------------

WEBHOOK = "/anymail/postmark/tracking/"


@pytest.fixture
def postmark(settings):
    settings.ANYMAIL_ESP = "postmark"
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "server-token", "WEBHOOK_SECRET": WEBHOOK_SECRET}


@pytest.fixture
def email_log(db):
    return EmailLogFactory(status=EmailStatus.SENT, message_id="pm-message-1")


def basic_auth(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def bounce(event_id=7):
    return {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "ID": event_id,
        "MessageID": "pm-message-1",
        "Email": "person@example.org",
        "BouncedAt": "2025-05-01T10:00:00Z",
        "Description": "The server was unable to deliver your message.",
    }


def delivery():
    return {
        "RecordType": "Delivery",
        "MessageID": "pm-message-1",
        "Recipient": "person@example.org",
        "DeliveredAt": "2025-05-01T10:05:00Z",
    }


def post_event(client, payload, *, credentials=WEBHOOK_SECRET, url=WEBHOOK):
    headers = {"HTTP_AUTHORIZATION": basic_auth(credentials)} if credentials else {}
    return client.post(url, json.dumps(payload), content_type="application/json", **headers)


def test_a_forged_bounce_without_credentials_is_refused(client, postmark, email_log):
    response = post_event(client, bounce(), credentials=None)

    assert response.status_code == 400
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.SENT
    assert email_log.error == ""


def test_a_forged_bounce_with_wrong_credentials_is_refused(client, postmark, email_log):
    response = post_event(client, bounce(), credentials="anymail:guessed")

    assert response.status_code == 400
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.SENT


def test_an_authenticated_bounce_updates_the_email_log(client, postmark, email_log):
    response = post_event(client, bounce())

    assert response.status_code == 200
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.BOUNCED
    assert email_log.error == "The server was unable to deliver your message."


def test_another_providers_webhook_is_not_mounted(client, postmark, email_log):
    for url in (
        "/anymail/mailgun/tracking/",
        "/anymail/sendgrid/tracking/",
        "/anymail/x/tracking/",
    ):
        response = post_event(client, bounce(), url=url)
        assert response.status_code == 400, url
        assert response.content == b"No delivery webhook for this provider."
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.SENT


def test_without_a_secret_the_webhook_accepts_nothing(client, settings, email_log):
    settings.ANYMAIL_ESP = "postmark"
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "server-token"}

    response = post_event(client, bounce(), credentials=None)

    assert response.status_code == 400
    assert response.content == b"This delivery webhook is not configured."
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.SENT


def test_a_replayed_event_is_applied_once(client, postmark, email_log):
    assert post_event(client, bounce(event_id=7)).status_code == 200
    assert post_event(client, delivery()).status_code == 200
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.DELIVERED

    # The provider (or someone who recorded the traffic) sends both again.
    assert post_event(client, bounce(event_id=7)).status_code == 200
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.DELIVERED
    email_log.status = EmailStatus.OPENED
    email_log.save()
    assert post_event(client, delivery()).status_code == 200

    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.OPENED


def test_an_event_that_failed_to_apply_is_applied_when_the_provider_retries(
    client, postmark, email_log, monkeypatch
):
    def unavailable(*args, **kwargs):
        raise ConnectionError("database unavailable")

    monkeypatch.setattr("django.db.models.query.QuerySet.update", unavailable)
    with pytest.raises(ConnectionError):
        post_event(client, bounce())
    monkeypatch.undo()

    assert post_event(client, bounce()).status_code == 200
    email_log.refresh_from_db()
    assert email_log.status == EmailStatus.BOUNCED


# The deploy check ------------------------------------------------------------------


def test_the_deploy_check_fails_when_an_email_provider_has_no_webhook_secret(settings):
    settings.ANYMAIL_ESP = "postmark"
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "server-token"}

    with pytest.raises(SystemCheckError, match=r"home\.E001.*ANYMAIL_WEBHOOK_SECRET is not"):
        call_command("check", deploy=True, tags=["email"])

    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "server-token", "WEBHOOK_SECRET": WEBHOOK_SECRET}
    call_command("check", deploy=True, tags=["email"])


def test_the_deploy_check_is_quiet_with_the_console_backend(settings):
    settings.ANYMAIL_ESP = ""
    settings.ANYMAIL = {}

    call_command("check", deploy=True, tags=["email"])


def run_deploy_check(**environment):
    """The Makefile's deploy check, with the production settings, in a fresh process."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ANYMAIL_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        **environment,
    )
    return subprocess.run(  # our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(django_settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_with_a_provider_and_no_secret_fail_the_deploy_check():
    without = run_deploy_check(ANYMAIL_ESP="postmark", ANYMAIL_POSTMARK_SERVER_TOKEN="t")
    with_secret = run_deploy_check(
        ANYMAIL_ESP="postmark",
        ANYMAIL_POSTMARK_SERVER_TOKEN="t",
        ANYMAIL_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )

    assert without.returncode == 1
    assert "home.E001" in without.stderr
    assert with_secret.returncode == 0, with_secret.stderr
