import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Site

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.tickets.factories import TicketsPageFactory, TicketTypeFactory
from home import payments
from home.models import SiteSettings
from proposals.factories import SubmissionFactory
from proposals.models import SubmissionStatus

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

    index = ConferenceIndexPageFactory(parent=home_page)
    return ConferencePageFactory(
        parent=index, title="TICTeC 2025", slug="tictec-2025", edition_year=2025
    )


@pytest.fixture
def tickets_page(conference):

    return TicketsPageFactory(parent=conference)


@pytest.fixture
def in_person(conference):

    return TicketTypeFactory(conference=conference, name="In person")


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
def presenter_ticket(conference):

    return TicketTypeFactory(conference=conference, presenter=True)


@pytest.fixture
def accepted_proposal(conference):
    """Ana's proposal to the TICTeC 2025 call was accepted; Ben co-presents."""

    call = CallForProposalsPageFactory(parent=conference)
    submission = SubmissionFactory(
        call=call,
        status=SubmissionStatus.ACCEPTED,
        applicant_name="Ana Ruiz",
        applicant_email="Ana@Example.org",
    )
    return SessionProposalFactory(
        submission=submission,
        co_presenters=[{"name": "Ben Okafor", "email": "ben@example.org", "organisation": ""}],
    )


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
