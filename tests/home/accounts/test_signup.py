"""Sign-up asks for a name, kept whole on the account, so emails greet people by it
(home/signup.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


PASSWORD = "correct-horse-battery-staple"


def test_the_sign_up_form_asks_for_a_name_first_with_its_autocomplete(client):
    html = client.get("/accounts/signup/").content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", action="/accounts/signup/")

    fields = [i for i in form.find_all("input") if i.get("type") not in ("hidden", "submit")]
    assert [field["name"] for field in fields] == ["name", "email", "password1", "password2"]
    assert fields[0]["autocomplete"] == "name"
    assert fields[0].has_attr("required")
    assert form.find("label", attrs={"for": "id_name"}).get_text(strip=True) == "Your name"


def test_the_name_typed_is_kept_whole_and_greets_them(client):
    client.post(
        "/accounts/signup/",
        {
            "name": "  Noor   bint Hassan ",
            "email": "noor@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    user = get_user_model().objects.get(email="noor@example.org")
    assert (user.first_name, user.last_name, user.get_full_name()) == (
        "Noor bint Hassan",
        "",
        "Noor bint Hassan",
    )


def test_without_a_name_no_account_is_made_and_the_error_is_by_the_field(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "noor@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_name">' in html
    assert 'value="noor@example.org"' in html
    assert not get_user_model().objects.filter(email="noor@example.org").exists()
