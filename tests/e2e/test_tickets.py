"""Browser journey: choose a ticket, register, reach (fake) Stripe Checkout, the signed
webhook confirms, the attendee sees it and gets the email. axe on every page on the way."""

import re

import pytest

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.models import Registration
from conference.tickets.factories import TicketsPageFactory, TicketTypeFactory
from home import payments
from proposals.factories import SubmissionFactory
from tests.home.payments.fake_stripe import SECRET_KEY, WEBHOOK_SECRET, FakeStripe, event, signed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_fake_stripe(settings, live_server):
    """Test keys, and Stripe's HTTP layer faked in this process (the live server's too)."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    fake = FakeStripe(checkout_base_url=f"{live_server.url}/fake-stripe-checkout")
    previous = payments.use_http_client(fake)
    yield fake
    payments.use_http_client(previous)


@pytest.fixture
def tickets_page(home_page):

    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home_page), title="TICTeC 2025"
    )
    page = TicketsPageFactory(parent=conference)
    TicketTypeFactory(conference=conference, name="In person", early_bird_price=None, capacity=2)
    TicketTypeFactory(conference=conference, online=True, early_bird_price=None)
    return page


def test_choose_register_pay_and_see_confirmation(
    browser_page, assert_accessible, live_fake_stripe, tickets_page, mailoutbox
):
    page = browser_page
    page.goto(tickets_page.url)
    assert page.locator("h1").all_inner_texts() == ["Tickets"]
    assert_accessible(page)

    page.get_by_role("link", name="Register: In person").click()
    assert page.locator("h1").inner_text() == "Register: In person"
    assert_accessible(page)

    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Continue to payment").click()
    assert page.locator(".error-summary h2").inner_text() == "There is a problem"
    assert page.get_by_label("Email address").input_value() == "not an email"
    assert_accessible(page)

    page.get_by_label("Full name").fill("Ana Ruiz")
    page.get_by_label("Email address").fill("ana@example.org")
    page.get_by_label("Dietary needs").fill("Vegetarian")
    page.get_by_role("button", name="Continue to payment").click()

    # Stripe's hosted page is faked on the live server (a 404 there): the redirect is the point.
    page.wait_for_url(re.compile(r"/fake-stripe-checkout/cs_test_\d+"))
    session = live_fake_stripe.last_session()
    assert session["id"] in page.url
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING

    page.goto(session["success_url"])
    assert page.locator("h1").inner_text() == "We are confirming your payment"
    assert_accessible(page)

    body, signature = signed(
        event("checkout.session.completed", live_fake_stripe.paid(session["id"]))
    )
    answer = page.request.post(
        "/payments/stripe/webhook/",
        data=body,
        headers={"Content-Type": "application/json", "Stripe-Signature": signature},
    )
    assert answer.json() == {"outcome": "fulfil"}

    page.get_by_role("link", name="Check again").click()
    assert page.locator("h1").inner_text() == "Your registration is confirmed"
    assert_accessible(page)
    [email] = mailoutbox
    assert email.to == ["ana@example.org"]
    assert email.attachments[0][0].endswith(".ics")


def test_speaker_asks_for_a_link_and_registers_free(
    browser_page, assert_accessible, live_fake_stripe, tickets_page, mailoutbox
):

    conference = tickets_page.get_parent().specific
    SessionProposalFactory(
        submission=SubmissionFactory(
            call=CallForProposalsPageFactory(parent=conference),
            status="accepted",
            applicant_name="Ana Ruiz",
            applicant_email="ana@example.org",
        )
    )
    presenter = TicketTypeFactory(conference=conference, presenter=True)
    page = browser_page
    page.goto(tickets_page.url)

    page.get_by_role("link", name="Register: Presenter").click()
    assert page.locator("h2").all_inner_texts()[:2] == ["Sign in", "Or ask for a link by email"]
    assert_accessible(page)

    page.get_by_label("Email address").fill("ana@example.org")
    page.get_by_role("button", name="Email me a link").click()
    assert (
        page.locator(".messages")
        .inner_text()
        .startswith("If that address belongs to a speaker of an accepted session")
    )
    assert_accessible(page)

    [link_email] = mailoutbox
    [link] = re.findall(r"http://\S+", link_email.body)
    page.goto(link)
    assert "You are registering as ana@example.org" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_label("Full name").fill("Ana Ruiz")
    page.get_by_role("button", name="Register").click()
    assert page.locator("h1").inner_text() == "Your registration is confirmed"
    registration = Registration.objects.get(ticket_type=presenter)
    assert (registration.email, registration.amount) == ("ana@example.org", 0)
