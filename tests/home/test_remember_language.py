"""The language of the page being read is kept for the pages with no language in their
address (config.middleware.RememberLanguageMiddleware): a French reader who follows
"Create an account" gets the French form."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_reading_a_french_page_makes_the_account_pages_french(client, home_page):
    home_page.save_revision().publish()

    response = client.get("/fr/", follow=True)

    assert response.status_code == 200
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    signup = client.get("/accounts/signup/")
    assert signup.status_code == 200
    assert '<html lang="fr">' in signup.content.decode()
    assert "<h1>Créer un compte</h1>" in signup.content.decode()


def test_the_cookie_follows_the_last_language_read_and_is_set_only_when_it_changes(
    client, home_page
):
    home_page.save_revision().publish()
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/en/").cookies  # the default

    client.get("/nl/", follow=True)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/nl/").cookies  # unchanged

    client.get("/en/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get("/accounts/signup/").content.decode()


def test_a_missing_page_does_not_change_the_language(client, home_page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
