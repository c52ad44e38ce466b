"""The donations listing: staff who hold the donation permission search and filter the
donations, see the totals per currency of what is listed, and export them through the
spreadsheet-safe mixin; nobody adds, edits or deletes a donation there; others are refused."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from home.donations.factories import DonationFactory, DonationPageFactory
from home.models import Donation

pytestmark = pytest.mark.django_db

INDEX = reverse("donations:index")
RESULTS = reverse("donations:index_results")
PAID = Donation.Status.PAID


def person(email, *groups, perms=()):
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in groups))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="home", codename__in=perms)
    )
    return user


@pytest.fixture
def treasurer(db):
    """Staff with admin access who were given "Can view donation"."""
    return person("tess@example.org", "Editors", perms=["view_donation"])


@pytest.fixture
def donations(home_page):
    page = DonationPageFactory(parent=home_page)
    made = [
        DonationFactory(page=page, name="Ana Ruiz", amount=Decimal("25.00"), status=PAID),
        DonationFactory(page=page, name="Kofi Mensah", amount=Decimal("10.50"), status=PAID),
        DonationFactory(page=page, name="Lena Vos", amount=Decimal("40.00")),  # not paid
        DonationFactory(
            page=page,
            name="Marie Dubois",
            email="marie@example.fr",
            amount=Decimal("15.00"),
            currency="EUR",
            frequency=Donation.Frequency.MONTHLY,
            status=PAID,
        ),
    ]
    Donation.objects.filter(name="Lena Vos").update(
        created_at=timezone.now() - datetime.timedelta(days=90)
    )
    return made


def names(response):
    return sorted(donation.name for donation in response.context["object_list"])


def totals(response):
    return [
        (row["currency"], row["count"], row["total"], row["paid"])
        for row in response.context["totals"]
    ]


def test_the_listing_shows_totals_per_currency_above_the_table(client, treasurer, donations):
    client.force_login(treasurer)
    response = client.get(INDEX)
    html = response.content.decode()

    assert names(response) == ["Ana Ruiz", "Kofi Mensah", "Lena Vos", "Marie Dubois"]
    assert totals(response) == [
        ("EUR", 1, Decimal("15.00"), Decimal("15.00")),
        ("GBP", 3, Decimal("75.50"), Decimal("35.50")),
    ]
    assert "£75.50" in html
    assert "€15.00" in html
    assert html.index("Totals of the donations listed") < html.index("Ana Ruiz")


def test_totals_follow_the_filters_and_search(client, treasurer, donations):
    client.force_login(treasurer)
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()

    paid = client.get(RESULTS, {"status": "paid"})
    monthly = client.get(RESULTS, {"frequency": "monthly"})
    recent_gbp = client.get(RESULTS, {"currency": "GBP", "created_at_from": since})
    searched = client.get(RESULTS, {"q": "marie@"})

    assert totals(paid) == [
        ("EUR", 1, Decimal("15.00"), Decimal("15.00")),
        ("GBP", 2, Decimal("35.50"), Decimal("35.50")),
    ]
    assert names(monthly) == ["Marie Dubois"]
    assert names(recent_gbp) == ["Ana Ruiz", "Kofi Mensah"]
    assert totals(recent_gbp) == [("GBP", 2, Decimal("35.50"), Decimal("35.50"))]
    assert names(searched) == ["Marie Dubois"]
    assert "Totals of the donations listed" in paid.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_goes_through_the_spreadsheet_safe_mixin(
    client, treasurer, home_page, file_format
):
    DonationFactory(page=DonationPageFactory(parent=home_page), name="=HYPERLINK(1)", status=PAID)
    client.force_login(treasurer)
    response = client.get(INDEX, {"export": file_format})
    raw = b"".join(response.streaming_content) if response.streaming else response.content

    if file_format == "csv":
        assert "'=HYPERLINK(1)" in raw.decode()
    else:
        assert response["Content-Disposition"].endswith('donations.xlsx"')


def test_nobody_adds_edits_or_deletes_a_donation_here(client, donations):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(superuser)
    donation = donations[0]
    listing = client.get(INDEX).content.decode()
    edit = client.get(reverse("donations:edit", args=[donation.pk]))
    delete = client.post(reverse("donations:delete", args=[donation.pk]))
    inspect = client.get(reverse("donations:inspect", args=[donation.pk]))

    assert reverse("donations:add") not in listing
    assert (edit.status_code, delete.status_code) == (302, 302)
    assert Donation.objects.filter(pk=donation.pk).exists()
    assert "Ana Ruiz" in inspect.content.decode()


@pytest.mark.parametrize(
    "groups", [("Editors",), ("Moderators",), ("Programme team",), ("Reviewers",)], ids=str
)
def test_staff_without_the_donation_permission_are_refused(client, donations, groups):
    client.force_login(person("someone@example.org", *groups))
    listing = client.get(INDEX)
    inspect = client.get(reverse("donations:inspect", args=[donations[0].pk]))
    menu = client.get("/admin/").content.decode()

    assert (listing.status_code, inspect.status_code) == (302, 302)
    assert "Ana Ruiz" not in listing.content.decode() + inspect.content.decode()
    assert INDEX not in menu


def test_a_stranger_is_sent_to_log_in(client, donations):
    response = client.get(INDEX)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
