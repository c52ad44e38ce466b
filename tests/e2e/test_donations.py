"""Browser check of the donation page: form, error state and accessibility."""

from decimal import Decimal

import pytest

from home import payments
from home.donations.factories import DonationAmountFactory, DonationPageFactory
from tests.home.payments.fake_stripe import SECRET_KEY, WEBHOOK_SECRET, FakeStripe

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_fake_stripe(settings, live_server):
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    fake = FakeStripe(checkout_base_url=f"{live_server.url}/fake-stripe-checkout")
    previous = payments.use_http_client(fake)
    yield fake
    payments.use_http_client(previous)


def test_donation_page_is_accessible(browser_page, assert_accessible, live_fake_stripe, home_page):
    donation_page = DonationPageFactory(parent=home_page)
    DonationAmountFactory(page=donation_page, amount=Decimal("10.00"))

    browser_page.goto(donation_page.url)

    assert browser_page.locator("h1").all_inner_texts() == ["Donate now"]
    browser_page.get_by_label("Monthly").check()
    browser_page.get_by_label("Another amount").check()
    assert_accessible(browser_page)

    browser_page.get_by_role("button", name="Donate now").click()

    assert browser_page.locator(".error-summary li").all_inner_texts() == [
        "Your amount: Enter the amount you would like to give.",
        "Email address: This field is required.",
    ]
    assert browser_page.get_by_label("Monthly").is_checked()
    assert_accessible(browser_page)

    browser_page.get_by_label("Your amount").fill("15")
    browser_page.get_by_label("Email address").fill("sam@example.org")
    browser_page.get_by_role("button", name="Donate now").click()
    browser_page.wait_for_url("**/fake-stripe-checkout/**")

    params = live_fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    assert params["mode"] == "subscription"
    assert params["line_items[0][price_data][unit_amount]"] == "1500"
