"""The ticket and donation demo loaders run twice without duplicates."""

import pytest

from conference import demo_tickets
from conference.models import Registration, TicketsPage, TicketType
from home import demo_donations
from home.models import Donation, DonationPage

pytestmark = pytest.mark.django_db


def test_demo_loaders_are_idempotent(conference):
    conference.acronym = "tictec2025"
    conference.save()

    for _ in range(2):
        demo_tickets.load()
        demo_donations.load()

    assert TicketsPage.objects.child_of(conference).count() == 1
    assert list(TicketType.objects.values_list("name", flat=True)) == [
        "In person",
        "Online",
        "Presenter",
    ]
    assert sorted(set(Registration.objects.values_list("status", flat=True))) == [
        "confirmed",
        "expired",
        "pending",
        "refunded",
    ]
    assert Registration.objects.count() == len(demo_tickets.REGISTRATIONS)
    page = DonationPage.objects.get()
    assert [str(a.amount) for a in page.suggested_amounts.all()] == [
        "5.00",
        "10.00",
        "25.00",
        "50.00",
    ]
    assert Donation.objects.paid().count() == 2
