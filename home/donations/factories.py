"""Factories for the donation page, its suggested amounts and donations."""

from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import Donation, DonationAmount, DonationPage


class DonationPageFactory(wagtail_factories.PageFactory):
    title = "Donate now"
    slug = "donate"
    appeal = (
        "<p>If you support our work and want to set up a regular payment, in the long run "
        "this helps make us more independent of big funders, and more able to make steady "
        "progress. Every little helps.</p>"
    )
    thank_you_message = (
        "<p>Your support helps keep the idea factory churning: finding ways to apply new "
        "technology to make parliamentary monitoring more comprehensive and sustainable.</p>"
    )
    currency = "GBP"
    minimum_amount = Decimal("2.00")
    allow_monthly = True

    class Meta:
        model = DonationPage


class DonationAmountFactory(DjangoModelFactory):
    page = factory.SubFactory(DonationPageFactory)
    amount = Decimal("10.00")
    description = "helps keep the idea factory churning"
    locale = factory.LazyAttribute(lambda o: o.page.locale)

    class Meta:
        model = DonationAmount


class DonationFactory(DjangoModelFactory):
    page = factory.SubFactory(DonationPageFactory)
    name = factory.Sequence(lambda n: f"Supporter {n + 1}")
    email = factory.Sequence(lambda n: f"supporter{n + 1}@example.org")
    amount = Decimal("10.00")
    currency = "GBP"
    frequency = Donation.Frequency.ONE_OFF
    status = Donation.Status.PENDING
    stripe_session_id = factory.Sequence(lambda n: f"cs_test_donation_{n:06d}")

    class Meta:
        model = Donation
