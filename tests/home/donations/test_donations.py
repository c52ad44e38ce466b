"""Donations: the page editors build, one-off and monthly checkout, the thank-you email."""

from decimal import Decimal

import pytest

from home.donations.factories import DonationAmountFactory, DonationFactory, DonationPageFactory
from home.models import Donation
from tests.home.payments.fake_stripe import deliver, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def donation_page(home_page):
    page = DonationPageFactory(parent=home_page)
    DonationAmountFactory(
        page=page, amount=Decimal("10.00"), description="helps keep the idea factory churning"
    )
    DonationAmountFactory(page=page, amount=Decimal("25.00"), description="")
    return page


DONOR = {"name": "Sam Patel", "email": "sam@example.org"}


def test_page_shows_appeal_and_suggested_amounts(client, fake_stripe, donation_page):
    content = client.get(donation_page.url).content.decode()

    assert "<h1>Donate now</h1>" in content
    assert "more independent of big funders" in content
    assert "£10 – helps keep the idea factory churning" in content
    assert '<label for="id_amount_choice_1">£25</label>' in content
    assert "Monthly" in content


def test_one_off_gift_pays_in_payment_mode(client, fake_stripe, donation_page):
    response = client.post(
        donation_page.url, DONOR | {"frequency": "one_off", "amount_choice": "10.00"}
    )

    session = fake_stripe.last_session()
    assert response["Location"] == session["url"]
    params = fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    assert params["mode"] == "payment"
    assert params["line_items[0][price_data][unit_amount]"] == "1000"
    donation = Donation.objects.get()
    assert (donation.amount, donation.frequency, donation.status) == (
        Decimal("10.00"),
        Donation.Frequency.ONE_OFF,
        Donation.Status.PENDING,
    )
    assert donation.stripe_session_id == session["id"]


def test_monthly_custom_amount_pays_in_subscription_mode(client, fake_stripe, donation_page):
    client.post(
        donation_page.url,
        DONOR | {"frequency": "monthly", "amount_choice": "other", "other_amount": "7.50"},
    )

    params = fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    assert params["mode"] == "subscription"
    assert params["line_items[0][price_data][unit_amount]"] == "750"
    assert params["line_items[0][price_data][recurring][interval]"] == "month"
    assert Donation.objects.get().frequency == Donation.Frequency.MONTHLY


def test_amount_below_minimum_is_refused_and_input_kept(client, fake_stripe, donation_page):
    response = client.post(
        donation_page.url,
        DONOR | {"frequency": "one_off", "amount_choice": "other", "other_amount": "1"},
    )

    content = response.content.decode()
    assert "The smallest gift we can take online is £2.00." in content
    assert 'value="sam@example.org"' in content
    assert 'value="1"' in content
    assert Donation.objects.count() == 0
    assert fake_stripe.sessions == {}


def test_webhook_marks_paid_and_sends_one_thank_you(
    client, fake_stripe, donation_page, mailoutbox, on_commit
):
    client.post(donation_page.url, DONOR | {"frequency": "monthly", "amount_choice": "25.00"})
    donation = Donation.objects.get()
    payload = event("checkout.session.completed", fake_stripe.paid(donation.stripe_session_id))

    with on_commit(execute=True):
        deliver(client, payload)
        deliver(client, payload)

    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert donation.stripe_subscription_id.startswith("sub_test_")
    [email] = mailoutbox
    assert email.to == ["sam@example.org"]
    assert email.subject == "Thank you for supporting mySociety"
    assert "Dear Sam Patel," in email.body
    assert "Thank you for your monthly gift of £25.00." in email.body
    thank_you = client.get(f"{donation_page.url}thank-you/{donation.reference}/").content.decode()
    assert "<h1>Thank you for your donation</h1>" in thank_you


def test_thank_you_page_says_confirming_before_the_webhook(client, donation_page):
    donation = DonationFactory(page=donation_page)

    content = client.get(f"{donation_page.url}thank-you/{donation.reference}/").content.decode()

    assert "<h1>We are confirming your donation</h1>" in content
    assert "Check again" in content


def test_expired_checkout_marks_donation_not_completed(client, fake_stripe, donation_page):
    donation = DonationFactory(page=donation_page)

    deliver(
        client,
        event(
            "checkout.session.expired",
            {"id": donation.stripe_session_id, "metadata": {"kind": "donation"}},
        ),
    )

    donation.refresh_from_db()
    assert donation.status == Donation.Status.EXPIRED


def test_stripe_unreachable_records_nothing(client, fake_stripe, donation_page):
    fake_stripe.unreachable = True

    response = client.post(
        donation_page.url, DONOR | {"frequency": "one_off", "amount_choice": "10.00"}
    )

    assert "We could not reach our payment provider" in response.content.decode()
    assert Donation.objects.count() == 0


def test_without_keys_the_page_says_payment_is_unavailable(client, donation_page, contact_email):
    for response in (client.get(donation_page.url), client.post(donation_page.url, DONOR)):
        content = response.content.decode()
        assert "Online payment is not available" in content
        assert 'href="mailto:tictec@mysociety.org"' in content
        assert 'name="amount_choice"' not in content
    assert Donation.objects.count() == 0
