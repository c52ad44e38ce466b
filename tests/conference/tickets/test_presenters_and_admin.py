"""Presenters register free once they prove their address (a paid place is refunded once);
staff list, export and cancel."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.models import Registration, TicketType
from conference.tickets import services as tickets_services
from conference.tickets.factories import RegistrationFactory
from proposals.factories import SubmissionFactory

from .test_tickets import DETAILS, register_url

pytestmark = pytest.mark.django_db

PRESENTER = {"name": "Ana Ruiz", "organisation": "Democracy Club"}


def presenter_url(tickets_page, ticket_type):
    return tickets_page.url + tickets_page.reverse_subpage("register", args=[ticket_type.pk])


def test_signed_in_speaker_claims_the_presenter_place_and_paid_place_is_refunded_once(
    client,
    fake_stripe,
    tickets_page,
    in_person,
    presenter_ticket,
    accepted_proposal,
    make_account,
    mailoutbox,
    on_commit,
):
    paid = RegistrationFactory(ticket_type=in_person, email="ana@example.org", amount=250)
    client.force_login(make_account("Ana@example.org"))
    url = presenter_url(tickets_page, presenter_ticket)

    form_page = client.get(url)
    with on_commit(execute=True):
        response = client.post(url, PRESENTER)
    again = client.post(url, PRESENTER)

    assert "You are registering as <strong>ana@example.org</strong>" in form_page.content.decode()
    assert 'value="Ana Ruiz"' in form_page.content.decode()
    presenter = Registration.objects.get(ticket_type=presenter_ticket)
    assert response["Location"].endswith(f"registration/{presenter.reference}/")
    assert (presenter.status, presenter.pricing, presenter.amount) == ("confirmed", "presenter", 0)
    assert (presenter.email, presenter.organisation) == ("ana@example.org", "Democracy Club")
    paid.refresh_from_db()
    assert paid.status == Registration.Status.REFUNDED
    [refund] = fake_stripe.refunds
    assert refund["payment_intent"] == paid.stripe_payment_intent_id
    assert paid.stripe_refund_id == refund["id"]
    assert fake_stripe.posts_to("/v1/refunds")[0]["key"] == f"refund-registration-{paid.reference}"
    assert "You are already registered as a presenter." in again.content.decode()
    assert len(fake_stripe.refunds) == 1
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("ana@example.org", "Your registration for TICTeC 2025 is cancelled"),
        ("ana@example.org", "Your registration for TICTeC 2025 is confirmed"),
    ]
    refund_email = next(m for m in mailoutbox if "cancelled" in m.subject)
    assert "We have refunded £250.00 to the card you paid with." in refund_email.body
    assert f"Refund reference: {refund['id']}" in refund_email.body
    assert fake_stripe.sessions == {}


def test_speaker_asks_for_a_link_by_email_and_registers_through_it(
    client,
    fake_stripe,
    tickets_page,
    in_person,
    presenter_ticket,
    accepted_proposal,
    mailoutbox,
    on_commit,
):
    paid = RegistrationFactory(ticket_type=in_person, email="ana@example.org", amount=250)
    url = presenter_url(tickets_page, presenter_ticket)

    with on_commit(execute=True):
        asked = client.post(url, {"email": "ANA@example.org"}, follow=True)
    [link_email] = mailoutbox
    [link] = re.findall(r"http://\S+", link_email.body)
    form_page = client.get(link)
    token = form_page.context["link_token"]
    with on_commit(execute=True):
        response = client.post(url, PRESENTER | {"token": token})

    assert asked.redirect_chain == [(url, 302)]
    assert (
        "If that address belongs to a speaker of an accepted session, we have emailed a link "
        "to register." in asked.content.decode()
    )
    assert link_email.to == ["ana@example.org"]
    assert link_email.subject == "Your presenter registration link for TICTeC 2025"
    assert link.startswith(f"http://testserver{url}?token=")
    assert "The link works once, within 24 hours." in link_email.body
    assert "You are registering as <strong>ana@example.org</strong>" in form_page.content.decode()
    presenter = Registration.objects.get(ticket_type=presenter_ticket)
    assert response["Location"].endswith(f"registration/{presenter.reference}/")
    assert (presenter.email, presenter.status, presenter.amount) == (
        "ana@example.org",
        "confirmed",
        0,
    )
    paid.refresh_from_db()
    assert paid.status == Registration.Status.REFUNDED
    assert len(fake_stripe.posts_to("/v1/refunds")) == 1
    assert sorted(m.subject for m in mailoutbox[1:]) == [
        "Your registration for TICTeC 2025 is cancelled",
        "Your registration for TICTeC 2025 is confirmed",
    ]


def test_refund_again_changes_nothing(fake_stripe, in_person):
    paid = RegistrationFactory(ticket_type=in_person)

    tickets_services.cancel(registration=paid, refund=True)
    tickets_services.cancel(registration=paid, refund=True)

    assert len(fake_stripe.refunds) == 1


def test_someone_who_is_not_a_speaker_is_offered_only_the_link(
    client, fake_stripe, tickets_page, presenter_ticket, conference, make_account
):

    rejected = SubmissionFactory(
        call=CallForProposalsPageFactory(parent=conference),
        status="rejected",
        applicant_email="ana@example.org",
    )
    SessionProposalFactory(submission=rejected)
    client.force_login(make_account("ana@example.org"))

    page = client.get(presenter_url(tickets_page, presenter_ticket)).content.decode()

    assert (
        "You are signed in as ana@example.org, which is not a confirmed address of a speaker "
        "of an accepted session." in page
    )
    assert "Email me a link" in page
    assert 'name="organisation"' not in page
    with pytest.raises(tickets_services.RegistrationRefused):
        tickets_services.claim_presenter_place(
            ticket_type=presenter_ticket,
            details=PRESENTER,
            user=get_user_model().objects.get(email="ana@example.org"),
        )
    assert Registration.objects.count() == 0


@pytest.fixture
def staff_client(client, home_page):
    user = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password="x"
    )
    client.force_login(user)
    return client


def test_staff_filter_registrations_by_status(staff_client, in_person):
    RegistrationFactory(ticket_type=in_person, name="Confirmed Person")
    RegistrationFactory(ticket_type=in_person, name="Pending Person", pending=True)

    content = staff_client.get(
        reverse("registration:index"), {"status": "pending"}
    ).content.decode()

    assert "Pending Person" in content
    assert "Confirmed Person" not in content


def test_staff_export_registrations_as_csv(staff_client, in_person):
    RegistrationFactory(
        ticket_type=in_person, name="Ana Ruiz", email="ana@example.org", dietary_needs="Vegan"
    )

    response = staff_client.get(reverse("registration:index"), {"export": "csv"})

    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Reference,Full name,Email address,Organisation")
    assert "Ana Ruiz,ana@example.org" in rows[1]
    assert "Vegan" in rows[1]
    assert len(rows) == 2


def test_staff_cancel_and_refund_a_registration_once(
    staff_client, fake_stripe, in_person, mailoutbox, on_commit
):
    paid = RegistrationFactory(ticket_type=in_person)
    url = reverse("registration:cancel", args=[paid.pk])

    confirm_page = staff_client.get(url).content.decode()
    with on_commit(execute=True):
        staff_client.post(url)
        second = staff_client.post(url)

    assert "will be refunded through Stripe" in confirm_page
    paid.refresh_from_db()
    assert paid.status == Registration.Status.REFUNDED
    assert len(fake_stripe.refunds) == 1
    assert second["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([paid.email], "Your registration for TICTeC 2025 is cancelled")
    ]


def test_cancelling_a_pending_registration_expires_its_checkout(
    staff_client, fake_stripe, tickets_page, in_person, mailoutbox, on_commit
):

    staff_client.post(register_url(tickets_page, in_person), DETAILS)
    pending = Registration.objects.get()

    with on_commit(execute=True):
        staff_client.post(reverse("registration:cancel", args=[pending.pk]))

    pending.refresh_from_db()
    assert pending.status == Registration.Status.CANCELLED
    assert fake_stripe.sessions[pending.stripe_session_id]["status"] == "expired"
    assert fake_stripe.refunds == []
    assert mailoutbox == []


def test_programme_team_sees_registrations_and_the_cancel_button(client, in_person):

    user = get_user_model().objects.create_user(
        username="programme", email="programme@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name="Programme team"))
    client.force_login(user)
    registration = RegistrationFactory(ticket_type=in_person, name="Ana Ruiz")

    listing = client.get(reverse("registration:index")).content.decode()
    edit = client.get(reverse("registration:edit", args=[registration.pk])).content.decode()

    assert "Ana Ruiz" in listing
    assert reverse("registration:cancel", args=[registration.pk]) in listing
    assert reverse("registration:add") not in listing
    assert "Cancel and refund" in edit


def test_staff_add_a_ticket_type_and_bad_early_bird_is_refused(staff_client, conference):
    data = {
        "conference": conference.pk,
        "name": "In person",
        "attendance": "in_person",
        "price": "350.00",
        "currency": "GBP",
        "early_bird_price": "400.00",
        "early_bird_ends_at": "2025-03-03 23:59",
        "capacity": "200",
        "sort_order": "1",
    }

    refused = staff_client.post(reverse("tickettype:add"), data)
    staff_client.post(reverse("tickettype:add"), data | {"early_bird_price": "250.00"})

    assert "The early-bird price must be below the standard price." in refused.content.decode()
    ticket_type = TicketType.objects.get()
    assert (ticket_type.price, ticket_type.early_bird_price) == (350, 250)


def test_a_co_presenter_also_registers_free(
    fake_stripe, presenter_ticket, accepted_proposal, make_account
):
    registration = tickets_services.claim_presenter_place(
        ticket_type=presenter_ticket,
        details={"name": "Ben Okafor", "email": "someone.else@example.org"},
        user=make_account("BEN@example.org", name="Ben Okafor"),
    )

    assert registration.status == Registration.Status.CONFIRMED
    assert registration.pricing == Registration.Pricing.PRESENTER
    assert registration.email == "ben@example.org"
