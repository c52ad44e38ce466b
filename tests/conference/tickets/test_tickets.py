"""Tickets: prices at request time, capacity under holds, checkout, confirmation, no keys."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.models import Registration
from conference.models.tickets import CHECKOUT_SESSION_LIFETIME, HOLD_GRACE
from conference.tickets import services as tickets_services
from conference.tickets.factories import EARLY_BIRD_ENDS, RegistrationFactory, TicketTypeFactory
from tests.home.payments.fake_stripe import deliver, event

pytestmark = pytest.mark.django_db

BEFORE_EARLY_BIRD_ENDS = EARLY_BIRD_ENDS - datetime.timedelta(days=10)
AFTER_EARLY_BIRD_ENDS = EARLY_BIRD_ENDS + datetime.timedelta(seconds=1)
DETAILS = {
    "name": "Ana Ruiz",
    "email": "ana@example.org",
    "organisation": "Democracy Club",
    "accessibility_needs": "Step-free access to the rooms",
    "dietary_needs": "Vegetarian",
}


@pytest.fixture
def clock(monkeypatch):
    """Pin timezone.now() to a moment; returns a setter."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def register_url(tickets_page, ticket_type):
    return tickets_page.url + tickets_page.reverse_subpage("register", args=[ticket_type.pk])


def test_ticket_page_shows_early_bird_price_before_its_end(client, tickets_page, in_person, clock):
    clock(BEFORE_EARLY_BIRD_ENDS)

    content = client.get(tickets_page.url).content.decode()

    assert "<strong>£250.00</strong> early-bird price until 3 March 2025" in content
    assert "£350.00 after" in content
    assert "200 places left" in content


def test_ticket_page_shows_standard_price_after_early_bird(client, tickets_page, in_person, clock):
    clock(AFTER_EARLY_BIRD_ENDS)

    content = client.get(tickets_page.url).content.decode()

    assert "<strong>£350.00</strong>" in content
    assert "early-bird" not in content


@pytest.mark.parametrize(
    ("moment", "pricing", "unit_amount"),
    [
        (BEFORE_EARLY_BIRD_ENDS, Registration.Pricing.EARLY_BIRD, "25000"),
        (AFTER_EARLY_BIRD_ENDS, Registration.Pricing.STANDARD, "35000"),
    ],
    ids=["early-bird", "standard"],
)
def test_checkout_charges_the_price_at_request_time(
    client, fake_stripe, tickets_page, in_person, clock, moment, pricing, unit_amount
):
    clock(moment)

    response = client.post(register_url(tickets_page, in_person), DETAILS)

    session = fake_stripe.last_session()
    assert response.status_code == 302
    assert response["Location"] == session["url"]
    params = fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    assert params["line_items[0][price_data][unit_amount]"] == unit_amount
    assert params["customer_email"] == "ana@example.org"
    checkout_ends = moment + CHECKOUT_SESSION_LIFETIME
    assert params["expires_at"] == str(int(checkout_ends.timestamp()))
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING
    assert registration.pricing == pricing
    assert registration.amount * 100 == int(unit_amount)
    assert registration.stripe_session_id == session["id"]
    assert registration.hold_expires_at == checkout_ends + HOLD_GRACE
    assert registration.accessibility_needs == "Step-free access to the rooms"
    assert session["success_url"] == (
        f"http://testserver{tickets_page.url}registration/{registration.reference}/"
    )


def test_last_place_cannot_be_sold_twice(client, fake_stripe, tickets_page, conference):
    ticket_type = TicketTypeFactory(conference=conference, capacity=1)
    client.post(register_url(tickets_page, ticket_type), DETAILS)

    response = client.post(
        register_url(tickets_page, ticket_type), DETAILS | {"email": "ben@example.org"}
    )

    assert "Sorry, “In person” is sold out." in response.content.decode()
    assert list(Registration.objects.values_list("email", flat=True)) == ["ana@example.org"]
    assert len(fake_stripe.sessions) == 1
    assert "Sold out" in client.get(tickets_page.url).content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="threads share the in-memory SQLite test database through one cache, which "
    "locks tables instead of queueing writers; runs on PostgreSQL (CI)",
)
def test_two_holds_at_the_same_moment_take_one_place(home_page):

    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home_page))
    ticket_type = TicketTypeFactory(conference=conference, capacity=1)
    barrier = threading.Barrier(2)
    outcomes = []

    def take(email):
        barrier.wait()
        try:
            tickets_services.hold_place(ticket_type=ticket_type, details=DETAILS | {"email": email})
            outcomes.append("held")
        except tickets_services.RegistrationRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(e,)) for e in ("a@example.org", "b@example.org")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["held", "refused"]
    assert Registration.objects.filter(ticket_type=ticket_type).count() == 1


def test_a_lapsed_hold_frees_its_place(fake_stripe, conference, clock):
    ticket_type = TicketTypeFactory(conference=conference, capacity=1)
    lapsed = RegistrationFactory(
        ticket_type=ticket_type,
        pending=True,
        hold_expires_at=BEFORE_EARLY_BIRD_ENDS - datetime.timedelta(minutes=1),
    )

    registration = tickets_services.hold_place(
        ticket_type=ticket_type, details=DETAILS, now=BEFORE_EARLY_BIRD_ENDS
    )

    lapsed.refresh_from_db()
    assert lapsed.status == Registration.Status.EXPIRED
    assert registration.status == Registration.Status.PENDING


def test_not_on_sale_is_refused(conference):
    ticket_type = TicketTypeFactory(
        conference=conference, off_sale_at=BEFORE_EARLY_BIRD_ENDS - datetime.timedelta(days=1)
    )

    with pytest.raises(tickets_services.RegistrationRefused):
        tickets_services.hold_place(
            ticket_type=ticket_type, details=DETAILS, now=BEFORE_EARLY_BIRD_ENDS
        )


def test_invalid_form_keeps_input_and_shows_errors(client, fake_stripe, tickets_page, in_person):
    response = client.post(
        register_url(tickets_page, in_person), DETAILS | {"email": "not-an-email", "name": ""}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert '<div class="error-summary" role="alert"' in content
    assert '<a href="#id_name">Full name: This field is required.</a>' in content
    assert 'value="not-an-email"' in content
    assert "Step-free access to the rooms</textarea>" in content
    assert content.count("Enter a valid email address.") == 2
    assert Registration.objects.count() == 0
    assert fake_stripe.sessions == {}


def test_stripe_unreachable_shows_message_and_records_nothing(
    client, fake_stripe, tickets_page, in_person
):
    fake_stripe.unreachable = True

    response = client.post(register_url(tickets_page, in_person), DETAILS)

    content = response.content.decode()
    assert "We could not reach our payment provider" in content
    assert 'value="Ana Ruiz"' in content
    assert Registration.objects.count() == 0


def test_success_page_says_confirming_until_the_webhook_then_confirmed(
    client, fake_stripe, tickets_page, in_person, mailoutbox, on_commit
):
    client.post(register_url(tickets_page, in_person), DETAILS)
    registration = Registration.objects.get()
    status_url = f"{tickets_page.url}registration/{registration.reference}/"

    pending_page = client.get(status_url).content.decode()

    assert "<h1>We are confirming your payment</h1>" in pending_page
    assert f'<a href="{status_url}">Check again</a>' in pending_page
    assert mailoutbox == []

    with on_commit(execute=True):
        deliver(
            client,
            event("checkout.session.completed", fake_stripe.paid(registration.stripe_session_id)),
        )
    confirmed_page = client.get(status_url).content.decode()

    assert "<h1>Your registration is confirmed</h1>" in confirmed_page
    [email] = mailoutbox
    assert email.to == ["ana@example.org"]
    assert email.subject == "Your registration for TICTeC 2025 is confirmed"
    assert f"Reference: {registration.reference}" in email.body
    assert "Price: £" in email.body
    [(filename, ics, mimetype)] = email.attachments
    assert filename == f"{tickets_page.conference.acronym}.ics"
    assert mimetype.startswith("text/calendar")
    assert "SUMMARY:TICTeC 2025" in ics
    assert "DTSTART;VALUE=DATE:20250610" in ics
    assert "LOCATION:Lamot Congress Centre\\, Mechelen\\, Belgium" in ics


def test_a_reference_from_another_conference_is_not_found(client, tickets_page, conference):

    other_conference = ConferencePageFactory(parent=conference.get_parent())
    other = RegistrationFactory(ticket_type=TicketTypeFactory(conference=other_conference))

    response = client.get(f"{tickets_page.url}registration/{other.reference}/")

    assert response.status_code == 404


def test_without_keys_pages_say_payment_is_unavailable_and_nothing_is_created(
    client, tickets_page, in_person, contact_email
):
    listing = client.get(tickets_page.url).content.decode()
    form_page = client.get(register_url(tickets_page, in_person)).content.decode()
    response = client.post(register_url(tickets_page, in_person), DETAILS)

    for content in (listing, form_page, response.content.decode()):
        assert "Online payment is not available" in content
        assert 'href="mailto:tictec@mysociety.org"' in content
    assert 'name="email"' not in form_page
    assert register_url(tickets_page, in_person) not in listing
    assert Registration.objects.count() == 0


def test_ticket_page_queries_do_not_grow_with_ticket_types(
    client, tickets_page, conference, django_assert_max_num_queries
):
    def measure(ticket_types):
        for _ in range(ticket_types):
            ticket_type = TicketTypeFactory(conference=conference)
            RegistrationFactory.create_batch(2, ticket_type=ticket_type)
        client.get(tickets_page.url)  # warm the site and locale caches
        # Page routing, site settings and navigation; the ticket types are one query.
        with django_assert_max_num_queries(22) as captured:
            response = client.get(tickets_page.url)
        assert response.status_code == 200
        return len(captured)

    small = measure(1)
    large = measure(8)

    assert large == small
