"""Accounts through allauth, in the site's templates: sign up, verify, sign in, reset, manage."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/accounts/\S+/)")


def emailed_link(message):
    return LINK.search(message.body).group(1)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_sign_up_sends_a_verification_email_whose_link_verifies_the_address(client):
    response = client.post(
        "/accounts/signup/",
        {"name": "Noor", "email": "Noor@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    user = get_user_model().objects.get(email="noor@example.org")
    assert EmailAddress.objects.get(user=user).verified is False
    assert [m.to for m in mail.outbox] == [["noor@example.org"]]
    assert mail.outbox[0].subject == "[mySociety] Please Confirm Your Email Address"

    confirm_page = client.get(emailed_link(mail.outbox[0]))
    assert "noor@example.org" in confirm_page.content.decode()
    client.post(emailed_link(mail.outbox[0]))

    assert EmailAddress.objects.get(user=user).verified is True


def test_an_unverified_address_cannot_sign_in_until_it_is_verified(client, make_user):
    user = make_user("sam@example.org", verified=False)

    response = client.post("/accounts/login/", {"login": "sam@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert signed_in_user_id(client) is None
    # Signing in again sends a fresh verification link; following it lets the person in.
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    client.post(emailed_link(mail.outbox[0]))
    client.logout()

    response = client.post("/accounts/login/", {"login": "sam@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"
    assert signed_in_user_id(client) == str(user.pk)


def test_password_reset_end_to_end(client, make_user):
    user = make_user("lee@example.org")

    response = client.post("/accounts/password/reset/", {"email": "lee@example.org"})
    assert response.url == "/accounts/password/reset/done/"
    assert [m.to for m in mail.outbox] == [["lee@example.org"]]

    # The emailed link stores the key in the session and redirects to a keyless URL.
    set_password_url = client.get(emailed_link(mail.outbox[0])).url
    form = client.get(set_password_url)
    assert "<h1>" in form.content.decode()
    response = client.post(
        set_password_url,
        {"password1": "new-winter-passphrase", "password2": "new-winter-passphrase"},
    )
    assert response.url == "/accounts/password/reset/key/done/"

    user.refresh_from_db()
    assert user.check_password("new-winter-passphrase")
    assert (
        client.post(
            "/accounts/login/", {"login": "lee@example.org", "password": "new-winter-passphrase"}
        ).url
        == "/"
    )
    assert signed_in_user_id(client) == str(user.pk)


def test_a_password_reset_link_works_only_once(client, make_user):
    make_user("lee@example.org")
    client.post("/accounts/password/reset/", {"email": "lee@example.org"})
    link = emailed_link(mail.outbox[0])
    set_password_url = client.get(link).url
    client.post(set_password_url, {"password1": "new-winter-pass", "password2": "new-winter-pass"})

    response = client.get(link, follow=True)

    assert "This link has expired" in response.content.decode()


def test_repeated_failed_sign_ins_are_refused_with_a_clear_message(client, make_user):
    make_user("kim@example.org")
    for _attempt in range(5):
        response = client.post(
            "/accounts/login/", {"login": "kim@example.org", "password": "wrong"}
        )
        assert "The email address and/or password you specified are not correct." in (
            response.content.decode()
        )

    # Even the right password is refused now, with a message saying why.
    response = client.post("/accounts/login/", {"login": "kim@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert signed_in_user_id(client) is None


def test_a_sign_up_error_keeps_what_was_typed_and_shows_the_error_by_the_field(client):
    response = client.post(
        "/accounts/signup/",
        {
            "name": "Noor",
            "email": "noor@example.org",
            "password1": PASSWORD,
            "password2": "something else",
        },
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert 'value="noor@example.org"' in html
    # The summary links to the field; the message sits next to it and is announced with it.
    assert '<div class="error-summary" role="alert"' in html
    assert '<a href="#id_password2">' in html
    assert '<ul class="errorlist" id="id_password2_error">' in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_password2"', html)
    assert 'aria-describedby="id_password2_error"' in html
    assert mail.outbox == []


def test_account_pages_use_the_site_layout_with_one_heading(client):
    for url, heading in [
        ("/accounts/login/", "Sign in"),
        ("/accounts/signup/", "Create an account"),
        ("/accounts/password/reset/", "Reset your password"),
    ]:
        html = client.get(url).content.decode()
        assert re.findall(r"<h1>\s*(.*?)\s*</h1>", html) == [heading], url
        assert 'class="skip-link"' in html
        assert "css/accounts.css" in html
        assert re.search(r"<label for=\"id_(login|email)\">", html)


def test_the_header_offers_my_account_and_sign_out_once_signed_in(client, make_user):
    anonymous = client.get("/accounts/signup/").content.decode()
    assert 'href="/accounts/login/">Sign in</a>' in anonymous
    assert "My account" not in anonymous

    client.force_login(make_user("ana@example.org"))
    html = client.get("/accounts/").content.decode()

    assert '<a href="/accounts/">My account</a>' in html
    assert '<a href="/accounts/logout/">Sign out</a>' in html
    assert "You are signed in as <strong>ana@example.org</strong>." in html


def test_sign_out_is_a_form_post(client, make_user):
    client.force_login(make_user())

    confirm = client.get("/accounts/logout/")
    assert signed_in_user_id(client) is not None
    assert 'action="/accounts/logout/"' in confirm.content.decode()

    client.post("/accounts/logout/")
    assert signed_in_user_id(client) is None


def test_adding_an_email_address_sends_it_a_verification_link(client, make_user):
    user = make_user("ana@example.org")
    client.force_login(user)

    # The address is added once the person has confirmed their password (allauth's
    # reauthentication); the form they sent is then carried out.
    response = client.post("/accounts/email/", {"action_add": "", "email": "ana.work@example.org"})
    assert response.url == "/accounts/reauthenticate/?next=%2Faccounts%2Femail%2F"
    assert mail.outbox == []
    response = client.post(
        "/accounts/reauthenticate/",
        {"password": PASSWORD, "next": "/accounts/email/"},
        follow=True,
    )

    assert [m.to for m in mail.outbox] == [["ana.work@example.org"]]
    html = response.content.decode()
    assert "ana.work@example.org" in html
    assert "Not confirmed" in html
    assert not EmailAddress.objects.get(email="ana.work@example.org").verified
