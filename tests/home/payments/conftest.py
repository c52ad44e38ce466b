"""Fixtures for anything that takes a payment (tickets, donations): Stripe's HTTP layer
faked, accounts, the contact address shown when payment is off, a clean cache."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Site

from home import payments
from home.models import SiteSettings

from .fake_stripe import SECRET_KEY, WEBHOOK_SECRET, FakeStripe


@pytest.fixture
def fake_stripe(settings):
    """Test keys configured, and Stripe's HTTP layer replaced by FakeStripe."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    fake = FakeStripe()
    previous = payments.use_http_client(fake)
    yield fake
    payments.use_http_client(previous)


@pytest.fixture
def contact_email(home_page):
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.contact_email = "tictec@mysociety.org"
    settings_row.save()
    return settings_row.contact_email


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (emails) as the request's transaction would on commit."""
    return django_capture_on_commit_callbacks


@pytest.fixture(autouse=True)
def _clear_cache():
    """How often a presenter link was sent is counted in the (local-memory) cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_account(db):
    """An account with one address, verified unless told otherwise."""

    def make(email, *, verified=True, name="Ana Ruiz"):
        first, last = name.split(" ", 1)
        user = get_user_model().objects.create_user(
            username=email, email=email, password="x", first_name=first, last_name=last
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make
