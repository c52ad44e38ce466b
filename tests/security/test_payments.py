"""Payments under attack: the presenter's free place and refund belong to the speaker alone,
and the Stripe webhook takes only fresh, well-formed, signed events."""

import re
import time

import pytest
from django.core import signing

from conference.models import Registration
from conference.tickets import services as tickets_services
from conference.tickets.factories import RegistrationFactory, TicketTypeFactory
from home.models import ProcessedStripeEvent
from tests.conference.tickets import conftest as tickets_fixtures
from tests.home.payments import conftest as payments_fixtures
from tests.home.payments.fake_stripe import deliver, event

pytestmark = pytest.mark.django_db

# The payments tests' fixtures, shared rather than copied.
_clear_cache = payments_fixtures._clear_cache
accepted_proposal = tickets_fixtures.accepted_proposal
conference = tickets_fixtures.conference
fake_stripe = payments_fixtures.fake_stripe
in_person = tickets_fixtures.in_person
make_account = payments_fixtures.make_account
on_commit = payments_fixtures.on_commit
presenter_ticket = tickets_fixtures.presenter_ticket
tickets_page = tickets_fixtures.tickets_page

# What the old form took: a speaker's name and address, typed by anyone.
TYPED = {"name": "Ana Ruiz", "email": "ana@example.org", "organisation": "Democracy Club"}
LINK_SENT = (
    "If that address belongs to a speaker of an accepted session, we have emailed a link to "
    "register."
)


def _without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def presenter_url(tickets_page, ticket_type):
    return tickets_page.url + tickets_page.reverse_subpage("register", args=[ticket_type.pk])


@pytest.fixture
def paid(in_person):
    """The speaker's own paid ticket, bought before their session was accepted."""
    return RegistrationFactory(ticket_type=in_person, email="ana@example.org", amount=250)


def test_anonymous_visitor_typing_a_speakers_address_gets_nothing_and_learns_nothing(
    client,
    fake_stripe,
    tickets_page,
    presenter_ticket,
    accepted_proposal,
    paid,
    mailoutbox,
    on_commit,
):
    url = presenter_url(tickets_page, presenter_ticket)

    with on_commit(execute=True):
        speaker = client.post(url, TYPED)
        speaker_page = client.get(speaker["Location"]).content.decode()
        stranger = client.post(url, TYPED | {"email": "nobody@example.org"})
        stranger_page = client.get(stranger["Location"]).content.decode()

    assert (speaker.status_code, speaker["Location"]) == (302, url)
    assert (stranger.status_code, stranger["Location"]) == (302, url)
    assert speaker.content == stranger.content == b""
    assert LINK_SENT in speaker_page
    assert LINK_SENT in stranger_page
    assert _without_csrf(speaker_page) == _without_csrf(stranger_page)
    assert Registration.objects.filter(ticket_type=presenter_ticket).count() == 0
    paid.refresh_from_db()
    assert (paid.status, paid.stripe_refund_id) == (Registration.Status.CONFIRMED, "")
    assert fake_stripe.posts_to("/v1/refunds") == []
    # Only the speaker's own inbox hears of it: a link, which changes nothing until used.
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["ana@example.org"], "Your presenter registration link for TICTeC 2025")
    ]


def test_asking_again_and_again_sends_one_link_and_answers_the_same(
    client, fake_stripe, tickets_page, presenter_ticket, accepted_proposal, mailoutbox, on_commit
):
    url = presenter_url(tickets_page, presenter_ticket)

    with on_commit(execute=True):
        answers = [client.post(url, {"email": "ana@example.org"}) for _ in range(3)]

    assert {(a.status_code, a["Location"]) for a in answers} == {(302, url)}
    assert len(mailoutbox) == 1


def test_the_registration_service_refuses_a_presenter_ticket_to_anyone_unproven(
    fake_stripe, presenter_ticket, accepted_proposal, paid
):
    with pytest.raises(tickets_services.RegistrationRefused):
        tickets_services.start_registration(
            ticket_type=presenter_ticket,
            details=TYPED,
            success_url_for=lambda reference: "/",
            cancel_url="/",
        )
    with pytest.raises(tickets_services.RegistrationRefused):
        tickets_services.claim_presenter_place(ticket_type=presenter_ticket, details=TYPED)

    assert Registration.objects.filter(ticket_type=presenter_ticket).count() == 0
    assert fake_stripe.posts_to("/v1/refunds") == []


def test_an_unverified_account_with_the_speakers_address_cannot_claim(
    client, fake_stripe, tickets_page, presenter_ticket, accepted_proposal, paid, make_account
):
    user = make_account("ana@example.org", verified=False)
    client.force_login(user)
    url = presenter_url(tickets_page, presenter_ticket)

    page = client.get(url).content.decode()
    client.post(url, TYPED)

    assert "You are registering as" not in page
    assert "Email me a link" in page
    with pytest.raises(tickets_services.RegistrationRefused):
        tickets_services.claim_presenter_place(
            ticket_type=presenter_ticket, details=TYPED, user=user
        )
    assert Registration.objects.filter(ticket_type=presenter_ticket).count() == 0
    paid.refresh_from_db()
    assert paid.status == Registration.Status.CONFIRMED
    assert fake_stripe.posts_to("/v1/refunds") == []


def test_a_signed_link_works_once(
    client, fake_stripe, tickets_page, presenter_ticket, accepted_proposal, paid, on_commit
):
    url = presenter_url(tickets_page, presenter_ticket)
    token = tickets_services.presenter_link_token(
        ticket_type=presenter_ticket, email="ana@example.org"
    )

    with on_commit(execute=True):
        first = client.post(url, TYPED | {"token": token})
    Registration.objects.filter(ticket_type=presenter_ticket).update(
        status=Registration.Status.CANCELLED
    )
    second = client.post(url, TYPED | {"token": token})
    reopened = client.get(url, {"token": token}).content.decode()

    assert first.status_code == 302
    assert second.status_code == 200
    assert Registration.objects.filter(ticket_type=presenter_ticket).count() == 1
    assert "This link has expired or has already been used." in reopened
    assert "You are registering as" not in reopened
    assert len(fake_stripe.posts_to("/v1/refunds")) == 1


def test_a_signed_link_expires(
    client, fake_stripe, tickets_page, presenter_ticket, accepted_proposal, paid, monkeypatch
):
    url = presenter_url(tickets_page, presenter_ticket)
    a_day_ago = int(time.time()) - 24 * 3600 - 60
    with monkeypatch.context() as past:
        past.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(a_day_ago)
        )
        token = tickets_services.presenter_link_token(
            ticket_type=presenter_ticket, email="ana@example.org"
        )

    page = client.get(url, {"token": token}).content.decode()
    client.post(url, TYPED | {"token": token})

    assert "This link has expired or has already been used." in page
    assert Registration.objects.filter(ticket_type=presenter_ticket).count() == 0
    paid.refresh_from_db()
    assert paid.status == Registration.Status.CONFIRMED
    assert fake_stripe.posts_to("/v1/refunds") == []


def test_a_link_cannot_be_forged_or_moved_to_another_ticket(
    client, fake_stripe, tickets_page, presenter_ticket, accepted_proposal, conference, paid
):

    other = TicketTypeFactory(conference=conference, presenter=True, name="Online presenter")
    forged = signing.TimestampSigner(salt="not-ours").sign_object(
        {"ticket_type": presenter_ticket.pk, "email": "ana@example.org", "state": 0}
    )
    for_other = tickets_services.presenter_link_token(ticket_type=other, email="ana@example.org")
    url = presenter_url(tickets_page, presenter_ticket)

    for token in (forged, for_other, "ana@example.org"):
        client.post(url, TYPED | {"token": token})

    assert Registration.objects.filter(ticket_type__free_for_presenters=True).count() == 0
    assert fake_stripe.posts_to("/v1/refunds") == []


def _checkout_session(registration):
    return {
        "id": registration.stripe_session_id,
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "payment_intent": "pi_test_paid",
        "metadata": {"kind": "registration", "registration": str(registration.reference)},
    }


@pytest.fixture
def pending(in_person, fake_stripe):
    return RegistrationFactory(
        ticket_type=in_person, pending=True, stripe_session_id="cs_test_pending"
    )


def test_webhook_signed_ten_minutes_in_the_future_is_rejected(client, pending):
    response = deliver(
        client,
        event("checkout.session.completed", _checkout_session(pending)),
        timestamp=int(time.time()) + 600,
    )

    assert (response.status_code, response.content) == (400, b"")
    assert ProcessedStripeEvent.objects.count() == 0
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING


@pytest.mark.parametrize(
    "data", [None, {}, {"object": None}, {"object": "cs_test_pending"}, "not an object"]
)
def test_signed_event_without_a_data_object_is_rejected(client, pending, data):
    payload = event("checkout.session.completed", _checkout_session(pending))
    if data is None:
        del payload["data"]
    else:
        payload["data"] = data

    response = deliver(client, payload)

    assert (response.status_code, response.content) == (400, b"")
    assert ProcessedStripeEvent.objects.count() == 0
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING


def test_signed_body_that_is_not_an_object_is_rejected(client, pending):
    response = deliver(client, '["checkout.session.completed"]')

    assert response.status_code == 400
    assert ProcessedStripeEvent.objects.count() == 0
