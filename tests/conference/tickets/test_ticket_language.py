"""A ticket's emails are in the language it was bought in, with the conference's dates in its
own time zone; a donation's in the language of the page given through."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core import mail
from wagtail.models import Locale

from conference.models import Registration
from conference.tickets.emails import queue_cancelled, queue_receipt
from conference.tickets.factories import RegistrationFactory
from home.donations.factories import DonationAmountFactory, DonationPageFactory
from home.languages import set_preferred_language
from home.models import Donation
from tests.home.payments.fake_stripe import deliver, event

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
DETAILS = {
    "name": "Camille Dupont",
    "email": "camille@example.org",
    "organisation": "Regards Citoyens",
    "accessibility_needs": "",
    "dietary_needs": "",
}


@pytest.fixture
def french_tickets_page(tickets_page):
    """The tickets page in French, as locale synchronisation makes it (an alias)."""
    french = tickets_page.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True, alias=True
    )
    return french.specific


def test_a_ticket_bought_in_french_is_confirmed_in_french(
    client, fake_stripe, french_tickets_page, in_person, on_commit
):
    client.post(f"{french_tickets_page.url}register/{in_person.pk}/", DETAILS)
    params = fake_stripe.posts_to("/v1/checkout/sessions")[0]["params"]
    session = fake_stripe.last_session() | {
        "status": "complete",
        "payment_status": "paid",
        "payment_intent": "pi_test_paid",
    }

    with on_commit(execute=True):
        deliver(client, event("checkout.session.completed", session))

    assert french_tickets_page.url.startswith("/fr/")
    assert params["metadata[language]"] == "fr"
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    message = mail.outbox[0]
    assert message.to == ["camille@example.org"]
    assert message.subject == "Votre inscription à TICTeC 2025 est confirmée"
    assert message.body.startswith("Bonjour Camille Dupont,\n\n")
    assert "Quand: mardi 10 juin 2025 – mercredi 11 juin 2025" in message.body
    assert message.attachments[0][0] == f"{in_person.conference.acronym}.ics"


def test_a_ticket_bought_in_english_is_confirmed_in_english(
    client, fake_stripe, tickets_page, in_person, on_commit
):
    client.post(f"{tickets_page.url}register/{in_person.pk}/", DETAILS)
    session = fake_stripe.last_session() | {"status": "complete", "payment_status": "paid"}

    with on_commit(execute=True):
        deliver(client, event("checkout.session.completed", session))

    assert mail.outbox[0].subject == "Your registration for TICTeC 2025 is confirmed"
    assert "When: Tuesday 10 June 2025 – Wednesday 11 June 2025" in mail.outbox[0].body


def test_the_receipt_gives_the_time_in_the_conferences_time_zone_in_the_buyers_words(
    in_person, on_commit
):
    registration = RegistrationFactory(
        ticket_type=in_person,
        name="Daan de Vries",
        email="daan@example.org",
        confirmed_at=datetime.datetime(2025, 6, 10, 12, 20, tzinfo=datetime.UTC),
    )

    with on_commit(execute=True):
        queue_receipt(registration=registration, language="nl")

    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Je inschrijving voor TICTeC 2025 is bevestigd"
    assert "Bevestigd: dinsdag 10 juni 2025 om 14:20 CEST" in body
    assert "Wanneer: dinsdag 10 juni 2025 – woensdag 11 juni 2025" in body


def test_a_cancellation_is_in_the_attendees_account_language(in_person, make_account, on_commit):
    account = make_account("chloe@example.org", name="Chloé Martin")
    set_preferred_language(user=account, language="fr")
    registration = RegistrationFactory(
        ticket_type=in_person,
        email="chloe@example.org",
        name="Chloé Martin",
        status=Registration.Status.CANCELLED,
    )

    with on_commit(execute=True):
        queue_cancelled(registration=registration)

    assert mail.outbox[0].subject == "Votre inscription à TICTeC 2025 est annulée"


def test_a_gift_through_the_dutch_donation_page_is_thanked_in_dutch(
    client, fake_stripe, home_page, on_commit
):
    page = DonationPageFactory(parent=home_page)
    DonationAmountFactory(page=page, amount=Decimal("10.00"), description="")
    dutch = page.copy_for_translation(
        Locale.objects.get(language_code="nl"), copy_parents=True, alias=True
    )
    client.post(
        dutch.url,
        {
            "name": "Daan",
            "email": "daan@example.org",
            "frequency": "one_off",
            "amount_choice": "10.00",
        },
    )
    donation = Donation.objects.get()

    with on_commit(execute=True):
        deliver(
            client,
            event("checkout.session.completed", fake_stripe.paid(donation.stripe_session_id)),
        )

    assert dutch.url.startswith("/nl/")
    assert mail.outbox[0].subject == "Bedankt voor je steun aan mySociety"
    assert "£10,00" in mail.outbox[0].body  # a Dutch decimal comma
