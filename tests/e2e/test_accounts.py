"""The account journey in a real browser: sign up, verify by the emailed link (which signs
the person in and brings them back), sign out, sign in, with axe-core on every page and on
the error state."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-and-unusual-passphrase"


def test_sign_up_verify_sign_out_and_sign_in(home_page, browser_page, assert_accessible):
    home_page.save_revision().publish()
    page = browser_page

    page.goto("/en/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    assert_accessible(page)

    # A mistake: the person sees what is wrong, next to the field, and keeps what they typed.
    page.get_by_label("Your name").fill("Noor Hassan")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill("not the same passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Email")).to_have_value("noor@example.org")
    expect(page.get_by_label("Password (again)")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    assert [message.to for message in mail.outbox] == [["noor@example.org"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto("/accounts/" + link.split("/accounts/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    # Confirmed in the browser they signed up in: signed in and back where they started.
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_role("status")).to_contain_text("You have confirmed noor@example.org.")
    account_nav = page.get_by_role("navigation", name="Your account")
    account_nav.get_by_role("link", name="My account").click()
    expect(page.get_by_text("You are signed in as noor@example.org.")).to_be_visible()
    assert_accessible(page)

    account_nav.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign out")
    assert_accessible(page)
    page.get_by_role("main").get_by_role("button", name="Sign out").click()
    expect(account_nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(account_nav.get_by_role("link", name="My account")).to_have_count(0)

    # Signing in again: a wrong password first, then the right one.
    account_nav.get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password", exact=True).fill("wrong passphrase")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The email address and/or password you specified are not correct."
    )
    expect(page.get_by_label("Email")).to_have_value("noor@example.org")
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(account_nav.get_by_role("link", name="My account")).to_be_visible()
