import pytest

from home import payments

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
def conference(home_page):
    from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory

    index = ConferenceIndexPageFactory(parent=home_page)
    return ConferencePageFactory(
        parent=index, title="TICTeC 2025", slug="tictec-2025", edition_year=2025
    )


@pytest.fixture
def tickets_page(conference):
    from conference.tickets_factories import TicketsPageFactory

    return TicketsPageFactory(parent=conference)


@pytest.fixture
def in_person(conference):
    from conference.tickets_factories import TicketTypeFactory

    return TicketTypeFactory(conference=conference, name="In person")


@pytest.fixture
def contact_email(home_page):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.contact_email = "tictec@mysociety.org"
    settings_row.save()
    return settings_row.contact_email


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (emails) as the request's transaction would on commit."""
    return django_capture_on_commit_callbacks
