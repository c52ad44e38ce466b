"""The registrations listing staff use daily: search by name, email or organisation;
filters by conference, ticket type, status, price band and date; a spreadsheet-safe
export; only staff who hold the registration permissions reach it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from conference.factories import ConferenceIndexPageFactory, ConferencePageFactory
from conference.models import Registration
from conference.tickets.factories import RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("registration:index")
RESULTS = reverse("registration:index_results")


def user(email, *groups):
    person = get_user_model().objects.create_user(username=email, email=email, password="x")
    person.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in groups))
    return person


@pytest.fixture
def registrations(home_page):
    index = ConferenceIndexPageFactory(parent=home_page)
    tictec = ConferencePageFactory(parent=index, title="TICTeC 2025", slug="tictec-2025")
    earlier = ConferencePageFactory(
        parent=index,
        title="TICTeC 2024",
        slug="tictec-2024",
        start_date=datetime.date(2024, 6, 4),
        end_date=datetime.date(2024, 6, 5),
    )
    in_person = TicketTypeFactory(conference=tictec, name="In person")
    online = TicketTypeFactory(conference=tictec, online=True)
    last_year = TicketTypeFactory(conference=earlier, name="In person")
    made = {
        "ana": RegistrationFactory(
            ticket_type=in_person, name="Ana Ruiz", email="ana@example.org", organisation="OpenUp"
        ),
        "kofi": RegistrationFactory(
            ticket_type=online,
            name="Kofi Mensah",
            email="kofi@example.org",
            organisation="mySociety",
            pending=True,
        ),
        "lena": RegistrationFactory(
            ticket_type=last_year,
            name="Lena Vos",
            email="lena@example.org",
            organisation="Open State",
            pricing=Registration.Pricing.EARLY_BIRD,
        ),
    }
    Registration.objects.filter(pk=made["lena"].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    return {"tictec": tictec, "in_person": in_person, **made}


def names(response):
    return sorted(registration.name for registration in response.context["object_list"])


@pytest.fixture
def programme_client(client):
    client.force_login(user("pat@example.org", "Programme team"))
    return client


def test_search_by_name_email_or_organisation(programme_client, registrations):
    def search(query):
        return names(programme_client.get(RESULTS, {"q": query}))

    assert search("ruiz") == ["Ana Ruiz"]
    assert search("kofi@") == ["Kofi Mensah"]
    assert search("open") == ["Ana Ruiz", "Lena Vos"]


def test_filters(programme_client, registrations):
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()

    def only(**params):
        return names(programme_client.get(RESULTS, params))

    assert only(conference=registrations["tictec"].pk) == ["Ana Ruiz", "Kofi Mensah"]
    assert only(ticket_type=registrations["in_person"].pk) == ["Ana Ruiz"]
    assert only(status="pending") == ["Kofi Mensah"]
    assert only(pricing="early_bird") == ["Lena Vos"]
    assert only(created_at_from=since) == ["Ana Ruiz", "Kofi Mensah"]


def test_the_conference_filter_offers_the_conferences_that_sell_tickets(
    programme_client, registrations, home_page
):
    ConferencePageFactory(parent=registrations["tictec"].get_parent(), title="TICTeC 2026")
    field = programme_client.get(INDEX).context["filters"].form.fields["conference"]

    assert [label for value, label in field.choices if value] == ["TICTeC 2025", "TICTeC 2024"]


def test_the_export_is_spreadsheet_safe(programme_client, registrations):
    RegistrationFactory(
        ticket_type=registrations["in_person"], name="=HYPERLINK(1)", email="x@example.org"
    )
    response = programme_client.get(INDEX, {"export": "csv", "q": "HYPERLINK"})
    lines = b"".join(response.streaming_content).decode().splitlines()

    assert len(lines) == 2
    assert lines[1].split(",")[1] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("groups", [(), ("Editors",), ("Reviewers",), ("Moderators",)], ids=str)
def test_staff_without_the_registration_permissions_are_refused(client, registrations, groups):
    client.force_login(user("someone@example.org", *groups))
    listing = client.get(INDEX)
    edit = client.get(reverse("registration:edit", args=[registrations["ana"].pk]))

    assert listing.status_code == 302
    assert edit.status_code == 302
    assert "Ana Ruiz" not in listing.content.decode() + edit.content.decode()


def test_a_stranger_is_sent_to_log_in(client, registrations):
    response = client.get(INDEX)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_listing_reads_a_fixed_number_of_queries(
    programme_client, registrations, django_assert_max_num_queries
):
    programme_client.get(INDEX)
    with django_assert_max_num_queries(40) as small_queries:
        small = programme_client.get(INDEX)
    RegistrationFactory.create_batch(20, ticket_type=registrations["in_person"])
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        large = programme_client.get(INDEX)

    assert len(small.context["object_list"]) == 3
    assert (len(large.context["object_list"]), large.context["items_count"]) == (20, 23)
