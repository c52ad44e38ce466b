"""The Wagtail admin signs in through allauth, so staff get the same rate limits."""

import re

import pytest

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_admin_sends_anonymous_people_to_the_allauth_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/"


def test_wagtails_own_login_form_cannot_be_used(client, make_user):
    make_user("eddie@example.org", groups=["Editors"])

    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.url == "/accounts/login/?next=/admin/pages/"

    response = client.post("/admin/login/", {"username": "eddie@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    assert client.session.get("_auth_user_id") is None


def test_wagtails_password_reset_goes_to_allauths(client):
    assert client.get("/admin/password_reset/").url == "/accounts/password/reset/"


def test_a_staff_member_who_signs_in_from_the_admin_lands_in_the_admin(client, make_user):
    make_user("eddie@example.org", groups=["Editors"])

    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": "eddie@example.org", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.url == "/admin/"

    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert dashboard.context["request"].user.email == "eddie@example.org"
    assert re.search(r"<title>\s*Dashboard - ", dashboard.content.decode())


def test_failed_admin_sign_ins_count_towards_the_rate_limit(client, make_user):
    make_user("eddie@example.org", groups=["Editors"])
    for _attempt in range(5):
        client.post(
            "/accounts/login/?next=/admin/", {"login": "eddie@example.org", "password": "x"}
        )

    response = client.post(
        "/accounts/login/?next=/admin/", {"login": "eddie@example.org", "password": PASSWORD}
    )

    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert client.get("/admin/").url == "/accounts/login/?next=/admin/"
