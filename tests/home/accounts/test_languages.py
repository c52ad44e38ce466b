"""Each person's language: taken from where they sign up, changed on their account page, and
used for allauth's own emails (confirm your address, reset your password)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from home.languages import preferred_language, set_preferred_language
from proposals.factories import CallPageFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client, email, *, next_url=None):
    url = "/accounts/signup/" + (f"?next={next_url}" if next_url else "")
    data = {"name": "Léa", "email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def test_signing_up_from_a_french_page_writes_to_them_in_french(client, home_page):
    call = CallPageFactory(parent=home_page, slug="tictec-2025-call")

    response = sign_up(client, "chloe@example.org", next_url=f"/fr/{call.slug}/")

    user = get_user_model().objects.get(email="chloe@example.org")
    assert response.status_code == 302
    assert preferred_language(user) == "fr"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[mySociety] Confirmez votre adresse e-mail"


def test_signing_up_with_the_site_in_dutch_writes_to_them_in_dutch(client, home_page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    sign_up(client, "daan@example.org")

    assert preferred_language(get_user_model().objects.get(email="daan@example.org")) == "nl"
    assert mail.outbox[0].subject == "[mySociety] Bevestig je e-mailadres"


def test_signing_up_in_english_keeps_english(client, home_page):
    sign_up(client, "ann@example.org")

    assert preferred_language(get_user_model().objects.get(email="ann@example.org")) == "en"
    assert mail.outbox[0].subject == "[mySociety] Please Confirm Your Email Address"


def test_a_password_reset_is_in_the_accounts_language_whatever_the_browser(
    client, make_user, home_page
):
    user = make_user("chloe@example.org")
    set_preferred_language(user=user, language="fr")

    client.post(
        "/accounts/password/reset/",
        {"email": "chloe@example.org"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert mail.outbox[0].to == ["chloe@example.org"]
    assert mail.outbox[0].subject == "[mySociety] E-mail de réinitialisation de mot de passe"


def test_the_account_page_changes_the_language_we_write_in(client, make_user, home_page):
    user = make_user("ann@example.org")
    client.force_login(user)

    overview = client.get("/accounts/").content.decode()
    form = client.get("/accounts/language/").content.decode()
    response = client.post("/accounts/language/", {"language": "nl"}, follow=True)
    client.post("/accounts/password/reset/", {"email": "ann@example.org"})

    assert '<a href="/accounts/language/">Your language</a>' in overview
    assert 'type="radio" name="language" value="en"' in form
    assert "Nederlands" in form and "Français" in form
    assert response.redirect_chain == [("/accounts/", 302)]
    assert preferred_language(user) == "nl"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    assert "We schrijven je voortaan in deze taal." in response.content.decode()
    assert '<html lang="nl">' in response.content.decode()
    assert mail.outbox[-1].subject == "[mySociety] Nieuw wachtwoord"


def test_an_unknown_language_is_refused_next_to_the_field(client, make_user, home_page):
    user = make_user("ann@example.org")
    set_preferred_language(user=user, language="fr")
    client.force_login(user)

    response = client.post("/accounts/language/", {"language": "de"}, HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose one of the languages listed." in html
    assert preferred_language(user) == "fr"


def test_the_language_page_needs_an_account(client, home_page):
    response = client.get("/accounts/language/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
