"""The “Donate now” page, with the appeal from mySociety's posts and two paid gifts.

Idempotent: the page is looked up by slug under the English home page, donations by
their Stripe session id.
"""

from decimal import Decimal

from django.utils import timezone

from home.models import Donation, DonationAmount, DonationPage, HomePage

APPEAL = (
    "<p>If you have less than £1,000,000 (say £10), this is also useful and helps keep the "
    "idea factory churning!</p>"
    "<p>If you support our work and want to set up a regular payment, in the long run this "
    "helps make us more independent of big funders, and more able to make steady progress. "
    "Every little helps.</p>"
    "<p>Under pretty much every rock we turn over, we find something that needs more "
    "attention. We would like to do a lot more work like this: finding ways to apply new "
    "technology to make parliamentary monitoring more comprehensive and sustainable. If "
    "you’d like to help us do more, please consider supporting us with a one-off or "
    "monthly donation.</p>"
)
THANK_YOU = (
    "<p>If you’d like to see us extending our work in democracy further, thank you: your "
    "contribution makes it possible.</p>"
)
AMOUNTS = [
    (Decimal("5.00"), "covers a month of hosting for one small service"),
    (Decimal("10.00"), "helps keep the idea factory churning"),
    (Decimal("25.00"), "funds an hour of volunteer support"),
    (Decimal("50.00"), ""),
]
DONATIONS = [
    ("cs_demo_donation_0001", "Sam Patel", "sam@example.org", Decimal("10.00"), "monthly"),
    ("cs_demo_donation_0002", "", "supporter@example.org", Decimal("25.00"), "one_off"),
]


def load(stdout=None):
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        return
    page = DonationPage.objects.child_of(home).filter(slug="donate").first()
    if page is None:
        page = DonationPage(
            title="Donate now",
            slug="donate",
            appeal=APPEAL,
            thank_you_message=THANK_YOU,
            currency="GBP",
            minimum_amount=Decimal("2.00"),
            allow_monthly=True,
        )
        for order, (amount, description) in enumerate(AMOUNTS):
            page.suggested_amounts.add(
                DonationAmount(amount=amount, description=description, sort_order=order)
            )
        home.add_child(instance=page)
        page.save_revision().publish()
    for session_id, name, email, amount, frequency in DONATIONS:
        Donation.objects.get_or_create(
            stripe_session_id=session_id,
            defaults={
                "page": page,
                "name": name,
                "email": email,
                "amount": amount,
                "currency": "GBP",
                "frequency": frequency,
                "status": Donation.Status.PAID,
                "paid_at": timezone.now(),
                "thanked_at": timezone.now(),
                "stripe_subscription_id": "sub_demo_0001" if frequency == "monthly" else "",
                "stripe_payment_intent_id": "" if frequency == "monthly" else "pi_demo_donation",
            },
        )
    if stdout is not None:
        stdout.write(f"Donations: page at {page.url_path}")
