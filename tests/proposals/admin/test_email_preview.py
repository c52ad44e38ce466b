"""The Emails tab's "Preview as typed" renders what is being written for a made-up
submission to the call, for whoever may edit the call's page (proposals/admin/email_preview.py)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from proposals.factories import CallPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_page(home_page):
    page = CallPageFactory(parent=home_page, title="Working group: spring 2027", decisions_by=None)
    page.save_revision().publish()
    return page


def preview(client, page, **data):
    return client.post(reverse("proposals_admin:email_preview", args=[page.pk]), data)


def test_what_is_typed_is_filled_in_for_a_made_up_applicant_without_saving(client, round_page):
    client.force_login(UserFactory(email="ada@example.org", is_superuser=True))

    response = preview(
        client,
        round_page,
        subject="Thanks, {{ applicant_name }}",
        body="You applied to {{ call_title }}.{% if not decisions_by %} No date yet.{% endif %}",
    )

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".proposals-email-preview__subject").get_text(" ", strip=True) == (
        "Subject: Thanks, Amani Applicant"
    )
    assert soup.select_one(".proposals-email-preview__body").get_text() == (
        "You applied to Working group: spring 2027. No date yet."
    )


def test_a_broken_template_is_previewed_as_its_error(client, round_page):
    client.force_login(UserFactory(email="ada@example.org", is_superuser=True))

    response = preview(client, round_page, subject="Hi", body="{% if title %}unclosed")

    assert "This message cannot be sent as it is:" in response.content.decode()


def test_only_who_may_edit_the_page_can_preview(client, round_page, home_page):
    client.force_login(UserFactory(email="rae@example.org", groups=["Reviewers"], is_staff=True))
    refused = preview(client, round_page, subject="Hi", body="Hi")
    # Wagtail's admin answers a refusal by sending the person back to the dashboard.
    assert (refused.status_code, refused.url) == (302, "/admin/")

    client.force_login(UserFactory(email="ada@example.org", is_superuser=True))
    not_a_call = preview(client, home_page, subject="Hi", body="Hi")
    # Not found (the site's language middleware turns an admin 404 into a redirect).
    assert not_a_call.status_code in (302, 404)
    assert "Subject:" not in not_a_call.content.decode()
    get = client.get(reverse("proposals_admin:email_preview", args=[round_page.pk]))
    assert get.status_code == 405
