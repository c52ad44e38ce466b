"""Someone who signs up from a call is signed in and back on the call once they confirm."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from proposals.factories import CallPageFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def link_to(html, text):
    """The href of the link whose text is ``text``."""
    match = re.search(rf'<a[^>]*href="([^"]+)"[^>]*>\s*{re.escape(text)}\s*</a>', html)
    assert match, f"no link {text!r}"
    return unescape(match.group(1))


def hidden_next(html):
    """The page form's ``next`` (not the language switcher's, in the header)."""
    main = html[html.index("<main") :]
    return unescape(re.search(r'<input type="hidden" name="next" value="([^"]*)"', main).group(1))


def test_confirming_the_email_signs_the_person_in_and_returns_them_to_the_call(client, home_page):
    call = CallPageFactory(parent=home_page, slug="tictec-2025-call")
    call_page = client.get(call.url).content.decode()

    signup_url = link_to(call_page, "Create an account")
    assert signup_url == f"/accounts/signup/?next={call.url}"
    signup_form = client.get(signup_url).content.decode()
    response = client.post(
        signup_url,
        {
            "name": "Noor",
            "email": "noor@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": hidden_next(signup_form),
        },
    )
    assert response.url == "/accounts/confirm-email/"
    assert client.session.get("_auth_user_id") is None

    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    confirm_page = client.get(link.group(1)).content.decode()
    assert "Confirm that <strong>noor@example.org</strong> is your email address." in (confirm_page)
    response = client.post(link.group(1), follow=True)

    user = get_user_model().objects.get(email="noor@example.org")
    assert response.redirect_chain == [(call.url, 302)]
    assert client.session.get("_auth_user_id") == str(user.pk)
    html = response.content.decode()
    assert '<h2 id="apply-heading">Apply</h2>' in html
    assert "Sign in to apply" not in html
    assert 'name="action" value="draft"' in html


def test_a_link_opened_in_another_browser_returns_to_the_call_to_sign_in(client, home_page):
    call = CallPageFactory(parent=home_page, slug="tictec-2025-call")
    client.post(
        f"/accounts/signup/?next={call.url}",
        {
            "name": "Noor",
            "email": "noor@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": call.url,
        },
    )
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+)", mail.outbox[0].body).group(
        1
    )
    assert link.endswith(f"/?next={call.url.replace('/', '%2F')}")

    phone = Client()
    confirm_form = phone.get(link).content.decode()
    response = phone.post(link.split("?")[0], {"next": hidden_next(confirm_form)}, follow=True)

    assert response.redirect_chain == [(call.url, 302)]
    assert phone.session.get("_auth_user_id") is None
    html = response.content.decode()
    assert "You have confirmed noor@example.org." in html
    assert link_to(html, "Sign in to apply") == f"/accounts/login/?next={call.url}"
