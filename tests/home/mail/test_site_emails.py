"""Ticket and donation emails take the site's one way too: logged with what they are
about, sent after the payment commits, retried when the provider is down (the ticket's
calendar file written again), sent once however often Stripe replays its webhook; and in
the log each is read only by who may see registrations or donations."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from conference.models import Registration
from home.donations.factories import DonationAmountFactory, DonationPageFactory
from home.factories import EmailTemplateFactory
from home.mail import sending
from home.models import Donation, EmailKind, EmailLog, EmailStatus
from proposals.factories import UserFactory
from tests.home.mail.test_sending import FAILING_BACKEND, later
from tests.home.payments.fake_stripe import deliver, event

pytestmark = pytest.mark.django_db

DETAILS = {
    "name": "Camille Dupont",
    "email": "camille@example.org",
    "organisation": "Regards Citoyens",
    "accessibility_needs": "",
    "dietary_needs": "",
}
LOG = "/admin/email_log/"


def buy_ticket(client, fake_stripe, tickets_page, ticket_type, on_commit):
    client.post(f"{tickets_page.url}register/{ticket_type.pk}/", DETAILS)
    paid = fake_stripe.last_session() | {
        "status": "complete",
        "payment_status": "paid",
        "payment_intent": "pi_test_paid",
    }
    with on_commit(execute=True):
        deliver(client, event("checkout.session.completed", paid))
    return paid


def give(client, fake_stripe, home_page, on_commit):
    page = DonationPageFactory(parent=home_page)
    DonationAmountFactory(page=page, amount=Decimal("10.00"), description="")
    client.post(
        page.url,
        {
            "name": "Daan",
            "email": "daan@example.org",
            "frequency": "one_off",
            "amount_choice": "10.00",
        },
    )
    donation = Donation.objects.get()
    with on_commit(execute=True):
        deliver(
            client,
            event("checkout.session.completed", fake_stripe.paid(donation.stripe_session_id)),
        )
    return page, Donation.objects.get()


def test_a_ticket_receipt_is_logged_with_its_registration_and_conference(
    client, fake_stripe, tickets_page, in_person, conference, on_commit
):
    buy_ticket(client, fake_stripe, tickets_page, in_person, on_commit)

    registration = Registration.objects.get()
    log = EmailLog.objects.get()
    assert (log.kind, log.status, log.to, log.language) == (
        EmailKind.TICKET_RECEIPT,
        EmailStatus.SENT,
        "camille@example.org",
        "en",
    )
    assert (log.about, log.page_id) == (registration, conference.pk)
    assert log.subject == mail.outbox[0].subject == "Your registration for TICTeC 2025 is confirmed"
    assert log.body == mail.outbox[0].body
    assert mail.outbox[0].attachments[0][0] == f"{conference.acronym}.ics"
    assert registration.confirmation_sent_at is not None
    # What staff wrote on the tickets page comes with the receipt, as plain text.
    assert (
        "\n\nMore practical information and FAQs can be found on the TICTeC 2025 webpage. "
        "Questions? Email tictec@mysociety.org.\n\nThe attached calendar file"
    ) in log.body


def test_a_replayed_payment_webhook_sends_no_second_receipt(
    client, fake_stripe, tickets_page, in_person, on_commit
):
    paid = buy_ticket(client, fake_stripe, tickets_page, in_person, on_commit)

    with on_commit(execute=True):
        deliver(client, event("checkout.session.completed", paid, event_id="evt_replayed"))

    assert EmailLog.objects.filter(kind=EmailKind.TICKET_RECEIPT).count() == 1
    assert len(mail.outbox) == 1


def test_a_receipt_that_failed_is_sent_later_with_its_calendar_file(
    client, fake_stripe, tickets_page, in_person, conference, on_commit
):
    with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
        buy_ticket(client, fake_stripe, tickets_page, in_person, on_commit)

    registration = Registration.objects.get()
    log = EmailLog.objects.get()
    assert registration.status == Registration.Status.CONFIRMED  # the place is kept
    assert (log.status, log.error) == (EmailStatus.FAILED, "SMTP server unreachable")
    assert registration.confirmation_sent_at is None

    assert sending.retry_failed(now=later(log, minutes=5)) == 1

    log.refresh_from_db()
    registration.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.SENT, 2)
    (message,) = mail.outbox
    name, calendar, mimetype = message.attachments[0]
    assert (name, mimetype) == (f"{conference.acronym}.ics", "text/calendar; charset=utf-8")
    assert "SUMMARY:TICTeC 2025" in calendar.replace("\r\n ", "")
    assert registration.confirmation_sent_at is not None


def test_a_donation_is_thanked_through_the_log_and_retried_if_the_provider_is_down(
    client, fake_stripe, home_page, on_commit
):
    with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
        page, donation = give(client, fake_stripe, home_page, on_commit)

    log = EmailLog.objects.get()
    assert donation.status == Donation.Status.PAID  # the gift is kept
    assert (log.kind, log.status, log.about, log.page_id) == (
        EmailKind.DONATION_THANKS,
        EmailStatus.FAILED,
        donation,
        page.pk,
    )
    assert donation.thanked_at is None

    sending.retry_failed(now=later(log, minutes=5))

    log.refresh_from_db()
    donation.refresh_from_db()
    assert log.status == EmailStatus.SENT
    assert [m.to for m in mail.outbox] == [["daan@example.org"]]
    assert log.subject == mail.outbox[0].subject
    assert donation.thanked_at is not None


# --- Who reads them in the log --------------------------------------------------------


@pytest.fixture
def site_emails(client, fake_stripe, tickets_page, in_person, home_page, on_commit):
    buy_ticket(client, fake_stripe, tickets_page, in_person, on_commit)
    give(client, fake_stripe, home_page, on_commit)
    client.logout()


def listed(client, user):
    client.force_login(user)
    response = client.get(LOG)
    return response.status_code, sorted(log.to for log in response.context["object_list"])


def test_the_programme_team_reads_ticket_emails_not_donations(client, programme, site_emails):
    assert listed(client, programme) == (200, ["camille@example.org"])


def test_who_may_see_donations_reads_their_thanks(client, site_emails):
    fundraiser = UserFactory(groups=["Programme team"])
    fundraiser.user_permissions.add(*permissions("view_donation"))

    assert listed(client, fundraiser) == (200, ["camille@example.org", "daan@example.org"])


def test_the_log_alone_shows_no_message_of_a_kind_one_may_not_see(client, site_emails):
    clerk = UserFactory()
    clerk.user_permissions.add(*permissions("view_emaillog", "access_admin"))
    donation_log = EmailLog.objects.get(kind=EmailKind.DONATION_THANKS)

    assert listed(client, clerk) == (200, [])
    inspect = client.get(reverse("email_log:inspect", args=[donation_log.pk]), follow=True)
    assert inspect.status_code == 404


def test_the_emails_menu_is_for_the_programme_team_only(client, programme, reviewer):
    def menu(user):
        client.force_login(user)
        return client.get("/admin/").content.decode()

    assert LOG in menu(programme)
    assert LOG not in menu(reviewer)


def permissions(*codenames):
    return Permission.objects.filter(codename__in=codenames)


# --- Staff write their own text (Emails › Email templates) ----------------------------


def test_staff_s_own_ticket_receipt_is_sent_with_its_placeholders_and_calendar_file(
    client, fake_stripe, tickets_page, in_person, conference, on_commit
):
    EmailTemplateFactory(
        kind=EmailKind.TICKET_RECEIPT,
        subject="See you at {{ conference_title }}, {{ attendee_name }}",
        body="Ticket {{ ticket }} ({{ reference }}).\n\n{{ receipt }}\n\n{{ practical_information }}",
    )

    buy_ticket(client, fake_stripe, tickets_page, in_person, on_commit)

    registration = Registration.objects.get()
    (message,) = mail.outbox
    assert message.subject == "See you at TICTeC 2025, Camille Dupont"
    assert message.body.startswith(f"Ticket In person ({registration.reference}).\n\nReceipt\n")
    assert "Price: £" in message.body
    assert message.body.endswith("Questions? Email tictec@mysociety.org.")
    assert message.attachments[0][0] == f"{conference.acronym}.ics"


def test_staff_s_own_thanks_for_a_donation_in_the_donor_s_language(
    client, fake_stripe, home_page, on_commit
):
    EmailTemplateFactory(
        kind=EmailKind.DONATION_THANKS,
        subject="Thank you, {{ donor_name }}",
        body="Your {{ frequency|lower }} gift of {{ amount }} ({{ reference }}) on {{ date }}.",
    )

    _page, donation = give(client, fake_stripe, home_page, on_commit)

    (message,) = mail.outbox
    assert message.subject == "Thank you, Daan"
    assert message.body.startswith(f"Your one-off gift of £10.00 ({donation.reference}) on ")
