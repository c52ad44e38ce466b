"""Changing email addresses or the password asks for the password again when it was last
confirmed long ago (allauth's reauthentication), so an unattended session cannot take
the account over."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-winter-passphrase"


def sign_in(client, email):
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.url == "/"


def reauthenticate(client, password=PASSWORD, next_url="/accounts/"):
    return client.post("/accounts/reauthenticate/", {"password": password, "next": next_url})


def age_the_session(client, seconds=3600):
    """Make every authentication this session recorded ``seconds`` older."""
    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= seconds
    session["account_authentication_methods"] = records
    session.save()


@pytest.fixture
def ana(make_user):
    user = make_user("ana@example.org")
    EmailAddress.objects.create(user=user, email="ana.old@example.org", verified=True)
    return user


def test_removing_an_address_asks_for_the_password_when_it_was_confirmed_long_ago(client, ana):
    sign_in(client, "ana@example.org")
    reauthenticate(client)
    age_the_session(client)

    response = client.post(
        "/accounts/email/", {"action_remove": "", "email": "ana.old@example.org"}
    )

    assert response.status_code == 302
    assert response.url == "/accounts/reauthenticate/?next=%2Faccounts%2Femail%2F"
    assert EmailAddress.objects.filter(email="ana.old@example.org").exists()
    page = client.get(response.url).content.decode()
    assert re.findall(r"<h1>\s*(.*?)\s*</h1>", page) == ["Confirm it is you"]
    assert '<label for="id_password">' in page

    wrong = reauthenticate(client, password="not-my-password", next_url="/accounts/email/")
    assert wrong.status_code == 200
    assert "You must type the same password each time" not in wrong.content.decode()
    assert "Incorrect password." in wrong.content.decode()
    assert EmailAddress.objects.filter(email="ana.old@example.org").exists()

    response = reauthenticate(client, next_url="/accounts/email/")

    assert response.status_code == 302
    assert not EmailAddress.objects.filter(email="ana.old@example.org").exists()
    assert list(EmailAddress.objects.filter(user=ana).values_list("email", flat=True)) == [
        "ana@example.org"
    ]


def test_a_password_confirmed_minutes_ago_is_not_asked_for_again(client, ana):
    sign_in(client, "ana@example.org")
    reauthenticate(client)
    age_the_session(client, seconds=60)

    response = client.post("/accounts/email/", {"action_add": "", "email": "ana.new@example.org"})

    assert response.url == "/accounts/email/"
    assert [m.to for m in mail.outbox] == [["ana.new@example.org"]]
    assert EmailAddress.objects.get(email="ana.new@example.org").verified is False


def test_changing_the_primary_address_asks_for_the_password_after_signing_in(client, ana):
    sign_in(client, "ana@example.org")

    response = client.post(
        "/accounts/email/", {"action_primary": "", "email": "ana.old@example.org"}
    )

    assert response.url == "/accounts/reauthenticate/?next=%2Faccounts%2Femail%2F"
    assert EmailAddress.objects.get(primary=True, user=ana).email == "ana@example.org"


def test_changing_the_password_asks_for_the_current_one_first_and_once(client, ana):
    sign_in(client, "ana@example.org")
    age_the_session(client)

    # Neither the form nor a direct post gets past the password prompt.
    assert client.get("/accounts/password/change/").url == (
        "/accounts/reauthenticate/?next=%2Faccounts%2Fpassword%2Fchange%2F"
    )
    response = client.post(
        "/accounts/password/change/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.url == "/accounts/reauthenticate/?next=%2Faccounts%2Fpassword%2Fchange%2F"
    ana.refresh_from_db()
    assert ana.check_password(PASSWORD)

    response = reauthenticate(client, next_url="/accounts/password/change/")
    assert response.url == "/accounts/password/change/"
    form = client.get("/accounts/password/change/").content.decode()
    assert re.findall(r'<input type="password" name="(\w+)"', form) == ["password1", "password2"]

    response = client.post(
        "/accounts/password/change/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.check_password(NEW_PASSWORD)
    assert client.session.get("_auth_user_id") == str(ana.pk)


def test_a_signed_out_visitor_is_sent_to_sign_in_not_to_the_password_prompt(client):
    response = client.get("/accounts/password/change/")

    assert response.url == "/accounts/login/?next=%2Faccounts%2Fpassword%2Fchange%2F"
