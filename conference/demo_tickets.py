"""Demo tickets for TICTeC 2025 (after conference.demo.load): the tickets page, ticket
types from the announcement (early-bird tickets until 3 March 2025, saving £100; in person
and online; presenters' fee waived) and registrations in each state.

Idempotent: the page is looked up by slug, ticket types by (conference, name),
registrations by (ticket type, email).
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.utils import timezone

from conference.models import ConferencePage, Registration, TicketsPage, TicketType

LONDON = zoneinfo.ZoneInfo("Europe/London")
EARLY_BIRD_ENDS = datetime.datetime(2025, 3, 3, 23, 59, 59, tzinfo=LONDON)

INTRODUCTION = (
    "<p>It is essential to register in order to attend TICTeC 2025, whether that’s in person "
    "or online. Early Bird tickets are available until 3rd March 2025, saving £100.</p>"
    "<p>Presenters will be required to register for the conference by 14 February in order "
    "to confirm their slot (the registration fee will be waived for individuals presenting; "
    "people who have already booked will be refunded).</p>"
    "<p>TICTeC 2025 sponsors receive a guaranteed speaking slot, with no need to participate "
    "in the open call. If you are interested in sponsoring the conference, please get in "
    "touch: tictec@mysociety.org.</p>"
)
AFTER_REGISTRATION = (
    "<p>We can’t wait to see you at TICTeC 2025, either in person in Mechelen or online. "
    "If you still have any questions, please email tictec@mysociety.org.</p>"
)

TICKET_TYPES = [
    {
        "name": "In person",
        "description": "Both days in Mechelen, with lunch and refreshments.",
        "attendance": TicketType.Attendance.IN_PERSON,
        "price": Decimal("350.00"),
        "early_bird_price": Decimal("250.00"),
        "early_bird_ends_at": EARLY_BIRD_ENDS,
        "capacity": 200,
        "sort_order": 1,
    },
    {
        "name": "Online",
        "description": "Follow the plenaries and take part in online sessions from anywhere.",
        "attendance": TicketType.Attendance.ONLINE,
        "price": Decimal("150.00"),
        "early_bird_price": Decimal("50.00"),
        "early_bird_ends_at": EARLY_BIRD_ENDS,
        "capacity": None,
        "sort_order": 2,
    },
    {
        "name": "Presenter",
        "description": (
            "Free for speakers of accepted sessions: sign in with the address of your "
            "proposal, or ask for a link by email. Register by 14 February 2025."
        ),
        "attendance": TicketType.Attendance.IN_PERSON,
        "price": Decimal("0.00"),
        "free_for_presenters": True,
        "capacity": None,
        "sort_order": 3,
    },
]

# ticket type, name, email, organisation, status, pricing, needs
REGISTRATIONS = [
    ("In person", "Myfanwy Nixon", "myfanwy@example.org", "mySociety", "confirmed", "early_bird"),
    ("In person", "Gemma Moulder", "gemma@example.org", "Democracy Club", "confirmed", "standard"),
    ("Online", "Alex Parsons", "alex@example.org", "mySociety", "confirmed", "early_bird"),
    (
        "In person",
        "Lucas Cumsille",
        "lucas@example.org",
        "Ciudadanía Inteligente",
        "pending",
        "standard",
    ),
    ("Online", "Jen Bramley", "jen@example.org", "The Politics Project", "expired", "standard"),
    ("In person", "Louise Crow", "louise@example.org", "mySociety", "refunded", "early_bird"),
]


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def load(stdout=None):
    conference = ConferencePage.objects.filter(
        acronym="tictec2025", locale__language_code="en"
    ).first()
    if conference is None:
        _say(stdout, "TICTeC 2025 not found: run conference.demo.load first; no tickets added.")
        return
    page = TicketsPage.objects.child_of(conference).filter(slug="tickets").first()
    if page is None:
        page = conference.add_child(
            instance=TicketsPage(
                title="Tickets",
                slug="tickets",
                introduction=INTRODUCTION,
                after_registration=AFTER_REGISTRATION,
            )
        )
        page.save_revision().publish()

    ticket_types = {}
    for fields in TICKET_TYPES:
        ticket_types[fields["name"]], _created = TicketType.objects.get_or_create(
            conference=conference,
            name=fields["name"],
            defaults={
                **fields,
                "currency": "GBP",
                "on_sale_from": datetime.datetime(2024, 11, 1, 9, 0, tzinfo=LONDON),
            },
        )

    now = timezone.now()
    for number, (ticket, name, email, organisation, status, pricing) in enumerate(REGISTRATIONS):
        ticket_type = ticket_types[ticket]
        if Registration.objects.filter(ticket_type=ticket_type, email=email).exists():
            continue
        amount = (
            ticket_type.early_bird_price
            if pricing == Registration.Pricing.EARLY_BIRD
            else ticket_type.price
        )
        paid = status in (Registration.Status.CONFIRMED, Registration.Status.REFUNDED)
        Registration.objects.create(
            ticket_type=ticket_type,
            name=name,
            email=email,
            organisation=organisation,
            accessibility_needs="Step-free access, please." if number == 1 else "",
            dietary_needs="Vegetarian" if number % 2 == 0 else "",
            status=status,
            pricing=pricing,
            amount=amount,
            currency=ticket_type.currency,
            stripe_session_id=f"cs_demo_{number:04d}",
            stripe_payment_intent_id=f"pi_demo_{number:04d}" if paid else "",
            stripe_refund_id=f"re_demo_{number:04d}" if status == "refunded" else "",
            hold_expires_at=now + datetime.timedelta(minutes=35) if status == "pending" else None,
            confirmed_at=now if paid else None,
            cancelled_at=now if status == "refunded" else None,
            confirmation_sent_at=now if paid else None,
        )
    _say(stdout, f"Tickets: {len(ticket_types)} ticket types at {page.url_path}")
