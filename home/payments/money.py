"""Money, in one place: the currencies the site takes, their symbols, and amounts in the
minor units (pence, cents) Stripe counts in. Tickets and donations both use these."""

from decimal import ROUND_HALF_UP, Decimal

CURRENCY_CHOICES = [("GBP", "£ GBP"), ("EUR", "€ EUR"), ("USD", "$ USD")]
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def currency_symbol(currency):
    """ "£" for "GBP"; an unknown code stands for itself."""
    return CURRENCY_SYMBOLS.get(currency, currency)


def to_minor_units(amount):
    """12.5 → 1250: what Stripe charges for ``amount`` in a two-decimal currency."""
    return int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
