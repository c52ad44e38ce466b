"""Factories for ticket types, registrations and the tickets page (tests and demo content).

Pass a saved conference: ``TicketTypeFactory(conference=conference)``;
``TicketsPageFactory(parent=conference)``.
"""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from conference.models import Registration, TicketsPage, TicketType

# TICTeC 2025: early-bird tickets until 3 March 2025, saving £100.
EARLY_BIRD_ENDS = datetime.datetime(2025, 3, 3, 23, 59, 59, tzinfo=datetime.UTC)


class TicketsPageFactory(wagtail_factories.PageFactory):
    title = "Tickets"
    slug = "tickets"
    introduction = (
        "<p>It is essential to register in order to attend TICTeC 2025, whether that’s in "
        "person or online. Early Bird tickets are available until 3rd March 2025, saving "
        "£100.</p>"
    )
    after_registration = (
        "<p>More practical information and FAQs can be found on the TICTeC 2025 webpage. "
        "Questions? Email tictec@mysociety.org.</p>"
    )

    class Meta:
        model = TicketsPage


class TicketTypeFactory(DjangoModelFactory):
    name = "In person"
    description = "Both days in Mechelen, with lunch and refreshments."
    attendance = TicketType.Attendance.IN_PERSON
    price = Decimal("350.00")
    currency = "GBP"
    early_bird_price = Decimal("250.00")
    early_bird_ends_at = EARLY_BIRD_ENDS
    capacity = 200
    sort_order = factory.Sequence(int)

    class Meta:
        model = TicketType

    class Params:
        online = factory.Trait(
            name="Online",
            description="Watch and take part in every plenary session online.",
            attendance=TicketType.Attendance.ONLINE,
            price=Decimal("150.00"),
            early_bird_price=Decimal("50.00"),
            capacity=None,
        )
        presenter = factory.Trait(
            name="Presenter",
            description="For speakers of accepted sessions: the registration fee is waived.",
            price=Decimal("0.00"),
            early_bird_price=None,
            early_bird_ends_at=None,
            free_for_presenters=True,
            capacity=None,
        )


class RegistrationFactory(DjangoModelFactory):
    ticket_type = factory.SubFactory(TicketTypeFactory)
    name = factory.Sequence(lambda n: f"Attendee {n + 1}")
    email = factory.Sequence(lambda n: f"attendee{n + 1}@example.org")
    organisation = factory.Iterator(["mySociety", "Democracy Club", "Involve", "OpenUp"])
    status = Registration.Status.CONFIRMED
    pricing = Registration.Pricing.STANDARD
    amount = factory.LazyAttribute(lambda o: o.ticket_type.price)
    currency = factory.LazyAttribute(lambda o: o.ticket_type.currency)
    stripe_session_id = factory.Sequence(lambda n: f"cs_test_factory_{n:06d}")
    stripe_payment_intent_id = factory.Sequence(lambda n: f"pi_test_factory_{n:06d}")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration

    class Params:
        pending = factory.Trait(
            status=Registration.Status.PENDING,
            stripe_payment_intent_id="",
            confirmed_at=None,
            hold_expires_at=factory.LazyFunction(
                lambda: timezone.now() + datetime.timedelta(minutes=35)
            ),
        )
