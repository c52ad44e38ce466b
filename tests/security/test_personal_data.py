"""UK GDPR: download my data, delete my account, erasure that severs every link, retention.

One person (Kemi) with a TICTeC session proposal, a draft, an accepted submission that was
reviewed, a ticket, a donation and emails; another person (Bram) whose data must not move.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.factories import ConferenceIndexPageFactory
from conference.models import Registration, SessionProposal
from conference.tickets.factories import RegistrationFactory, TicketTypeFactory
from home import personal_data
from home.apps import _start_retention
from home.donations.factories import DonationFactory
from home.factories import EmailLogFactory
from home.models import Donation, EmailLog, RetentionRun
from home.tasks import apply_retention, ensure_retention_scheduled, schedule_retention
from proposals.factories import ReviewFactory, SubmissionFactory, SubmissionFileFactory, UserFactory
from proposals.models import Review, Submission, SubmissionEvent, SubmissionStatus
from tests.conference.conftest import Tictec

pytestmark = pytest.mark.django_db

PASSWORD = "tictec-demo-2025"  # UserFactory's


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()


@pytest.fixture
def tictec(home_page):

    return Tictec(ConferenceIndexPageFactory(parent=home_page))


@pytest.fixture
def call_page(tictec):
    page = CallForProposalsPageFactory(parent=tictec.conference, slug="call-for-proposals")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _person(email, first_name, last_name):
    user = UserFactory(email=email, first_name=first_name, last_name=last_name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def kemi(db):
    user = _person("kemi@example.org", "Kemi", "Adeyemi")
    # An address she typed in but never confirmed proves nothing: nothing is matched on it.
    EmailAddress.objects.create(user=user, email="k.adeyemi@example.net", verified=False)
    return user


@pytest.fixture
def bram(db):
    return _person("bram@example.org", "Bram", "Janssens")


@pytest.fixture
def reviewer(db):
    return UserFactory(email="rae@example.org", groups=["Reviewers"])


@pytest.fixture
def world(tictec, call_page, kemi, bram, reviewer):
    """Everything held about Kemi, and some of Bram's, in every app."""
    proposal = SubmissionFactory(
        call=call_page, applicant=kemi, title="What ten years of FOI requests taught us"
    )
    SessionProposalFactory(
        submission=proposal,
        session_format=tictec.workshop,
        themes=[tictec.ati],
        abstract="How data from access to information requests fed investigations.",
        speaker_name="Kemi Adeyemi",
        speaker_organisation="Transparency Lab",
        co_presenters=[
            {"name": "Ada Obi", "email": "ada@example.org", "organisation": "Open Money"}
        ],
        travel_grant_requested=True,
        travel_grant_amount=Decimal("400.00"),
    )
    proposal_file = SubmissionFileFactory(submission=proposal)
    draft = SubmissionFactory(
        call=call_page, applicant=kemi, status=SubmissionStatus.DRAFT, submitted_at=None
    )
    draft_file = SubmissionFileFactory(submission=draft)
    accepted = SubmissionFactory(
        call=call_page,
        applicant=kemi,
        title="Petition platforms and real outcomes",
        status=SubmissionStatus.ACCEPTED,
    )
    review = ReviewFactory(
        submission=accepted,
        reviewer=reviewer,
        scores={"1": 4},
        mean_score=4.0,
        submitted_at=timezone.now(),
        comment="Kemi Adeyemi (kemi@example.org) ran this well; see also Bram Janssens.",
    )
    SubmissionEvent.objects.create(submission=accepted, actor=kemi, action="submitted")
    kemi_email = EmailLogFactory(
        submission=accepted,
        recipient_user=kemi,
        to="kemi@example.org",
        subject="Your submission has been accepted",
        body="Dear Kemi Adeyemi, we are delighted.",
    )
    ticket = TicketTypeFactory(conference=tictec.conference)
    registration = RegistrationFactory(
        ticket_type=ticket,
        name="Kemi Adeyemi",
        email="Kemi@Example.org",
        accessibility_needs="Step-free access to every room",
        dietary_needs="Vegetarian, no nuts",
    )
    unverified = RegistrationFactory(
        ticket_type=ticket, email="k.adeyemi@example.net", dietary_needs="Halal"
    )
    donation = DonationFactory(
        page=None,
        email="kemi@example.org",
        name="Kemi Adeyemi",
        amount=Decimal("25.00"),
        status="paid",
    )
    bram_submission = SubmissionFactory(call=call_page, applicant=bram, title="Open Money")
    bram_file = SubmissionFileFactory(submission=bram_submission)
    bram_email = EmailLogFactory(
        submission=bram_submission,
        recipient_user=bram,
        to="bram@example.org",
        subject="We received your submission",
        body="Dear Bram Janssens",
    )
    bram_registration = RegistrationFactory(
        ticket_type=ticket, name="Bram Janssens", email="bram@example.org", dietary_needs="Vegan"
    )
    return locals()


def _path(stored):
    return Path(stored.file.path)


# --- Download my data -------------------------------------------------------------------


def test_download_holds_everything_held_about_the_person(client, world, kemi):
    client.force_login(kemi)

    response = client.get("/accounts/my-data.json")

    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["account"]["email"] == "kemi@example.org"
    assert [s["title"] for s in data["submissions"]] == [
        "What ten years of FOI requests taught us",
        world["draft"].title,
        "Petition platforms and real outcomes",
    ]
    (session_proposal,) = data["session_proposals"]
    assert session_proposal["submission_id"] == world["proposal"].pk
    assert session_proposal["abstract"] == (
        "How data from access to information requests fed investigations."
    )
    assert session_proposal["organisation"] == "Transparency Lab"
    assert session_proposal["co_presenters"] == [
        {"name": "Ada Obi", "email": "ada@example.org", "organisation": "Open Money"}
    ]
    assert [p["name"] for p in session_proposal["speakers"]] == ["Kemi Adeyemi", "Ada Obi"]
    assert (
        session_proposal["travel_grant_requested"],
        session_proposal["travel_grant_amount"],
    ) == (True, "400.00")
    assert session_proposal["format"] == "35-minute short workshop"
    # Matched on her confirmed address in any case; never on the unconfirmed one.
    assert [
        (r["email"], r["accessibility_needs"], r["dietary_needs"])
        for r in data["ticket_registrations"]
    ] == [("Kemi@Example.org", "Step-free access to every room", "Vegetarian, no nuts")]
    assert [(d["amount"], d["status"]) for d in data["donations"]] == [("25.00", "paid")]
    assert [(e["to"], e["subject"], e["body"]) for e in data["emails"]] == [
        (
            "kemi@example.org",
            "Your submission has been accepted",
            "Dear Kemi Adeyemi, we are delighted.",
        )
    ]
    assert data["reviews"] == []
    assert "bram" not in response.content.decode().lower()


def test_download_holds_the_reviews_a_reviewer_wrote(client, world, reviewer):
    client.force_login(reviewer)

    data = client.get("/accounts/my-data.json").json()

    assert [(r["submission_id"], r["mean_score"]) for r in data["reviews"]] == [
        (world["accepted"].pk, 4.0)
    ]
    assert data["submissions"] == [] and data["ticket_registrations"] == []


def test_download_needs_sign_in(client, world):
    response = client.get("/accounts/my-data.json")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_old_submissions_download_leads_to_the_full_one(client, world, kemi):
    client.force_login(kemi)

    response = client.get("/my-submissions/my-data.json")

    assert (response.status_code, response["Location"]) == (302, "/accounts/my-data.json")


# --- Delete my account ------------------------------------------------------------------


def _delete_with_password(client, user, data=None, password=PASSWORD):
    """POST the deletion; allauth asks for the password again, then resumes the POST."""
    client.force_login(user)
    asked = client.post("/accounts/delete/", data if data is not None else {"confirm": "on"})
    assert asked.status_code == 302
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    return client.post(asked["Location"], {"password": password})


def test_account_page_offers_download_and_deletion(client, kemi):
    client.force_login(kemi)

    page = client.get("/accounts/").content.decode()

    assert 'href="/accounts/my-data.json"' in page
    assert 'href="/accounts/delete/"' in page


def test_deleting_an_account_erases_and_severs_everything(
    client, world, kemi, bram, django_capture_on_commit_callbacks
):
    files = [_path(world["proposal_file"]), _path(world["draft_file"])]
    assert all(f.exists() for f in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = _delete_with_password(client, kemi)

    assert (response.status_code, response["Location"]) == (302, "/")
    assert not get_user_model().objects.filter(email="kemi@example.org").exists()
    assert not EmailAddress.objects.filter(email__icontains="adeyemi").exists()
    assert not any(f.exists() for f in files)
    # The draft is gone; what was submitted keeps its status and scores, with nobody's name.
    assert not Submission.objects.filter(pk=world["draft"].pk).exists()
    accepted = Submission.objects.get(pk=world["accepted"].pk)
    assert (accepted.status, accepted.applicant_id, accepted.applicant_email) == (
        SubmissionStatus.ACCEPTED,
        None,
        "",
    )
    assert accepted.title == f"Erased submission {accepted.pk}"
    proposal = Submission.objects.get(pk=world["proposal"].pk)
    assert (proposal.answers, proposal.files.count()) == ({}, 0)
    assert not SessionProposal.objects.filter(submission=proposal).exists()
    review = Review.objects.get(pk=world["review"].pk)
    assert review.mean_score == 4.0
    assert review.comment == "[redacted] ([redacted]) ran this well; see also Bram Janssens."
    assert not SubmissionEvent.objects.filter(actor__isnull=False, submission=accepted).exists()
    email = EmailLog.objects.get(pk=world["kemi_email"].pk)
    assert (email.to, email.subject, email.body, email.recipient_user_id) == (
        "erased@invalid",
        "",
        "",
        None,
    )
    registration = Registration.objects.get(pk=world["registration"].pk)
    assert (
        registration.name,
        registration.email,
        registration.accessibility_needs,
        registration.dietary_needs,
    ) == ("", "erased@invalid", "", "")
    assert (registration.amount, registration.status) == (
        world["registration"].amount,
        Registration.Status.CONFIRMED,
    )
    donation = Donation.objects.get(pk=world["donation"].pk)
    assert (donation.name, donation.email, donation.amount) == (
        "",
        "erased@invalid",
        Decimal("25.00"),
    )
    # Someone who typed the same address unconfirmed is not erased through it.
    assert Registration.objects.get(pk=world["unverified"].pk).dietary_needs == "Halal"


def test_deleting_one_account_leaves_another_persons_data_untouched(
    client, world, kemi, bram, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _delete_with_password(client, kemi)

    bram.refresh_from_db()
    submission = Submission.objects.get(pk=world["bram_submission"].pk)
    assert (submission.title, submission.applicant_id, submission.anonymised_at) == (
        "Open Money",
        bram.pk,
        None,
    )
    assert _path(world["bram_file"]).exists()
    email = EmailLog.objects.get(pk=world["bram_email"].pk)
    assert (email.to, email.body, email.recipient_user_id) == (
        "bram@example.org",
        "Dear Bram Janssens",
        bram.pk,
    )
    assert Registration.objects.get(pk=world["bram_registration"].pk).dietary_needs == "Vegan"


def test_deletion_needs_the_password(client, world, kemi):
    response = _delete_with_password(client, kemi, password="not-my-password")

    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=kemi.pk).exists()
    assert Submission.objects.filter(applicant=kemi).count() == 3


def test_deletion_needs_the_confirmation_and_says_so(client, world, kemi):
    response = _delete_with_password(client, kemi, data={})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tick the box to confirm you want to delete your account." in page
    assert get_user_model().objects.filter(pk=kemi.pk).exists()


def test_a_reviewer_is_told_to_ask_the_programme_team(client, world, reviewer):
    client.force_login(reviewer)

    page = client.get("/accounts/delete/").content.decode()
    with pytest.raises(personal_data.DeletionRefused):
        personal_data.delete_account(user=reviewer)

    assert "the programme team closes reviewers&#x27; accounts" in page
    assert 'name="confirm"' not in page
    assert Review.objects.filter(reviewer=reviewer).count() == 1


def test_redaction_takes_whole_words_in_any_case():
    text = "KEMI ADEYEMI wrote to kemi@example.org; Kemi Adeyemis is someone else."

    redacted = personal_data.redact(text, {"Kemi Adeyemi", "kemi@example.org", "K"})

    assert redacted == "[redacted] wrote to [redacted]; Kemi Adeyemis is someone else."


# --- Retention --------------------------------------------------------------------------


def _age(submission, days):
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_retention_dry_run_lists_and_changes_nothing(world, capsys, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    _age(world["accepted"], 400)
    _age(world["draft"], 400)

    call_command("apply_retention", "--dry-run")

    out = capsys.readouterr().out
    assert f"Submission {world['draft'].pk} to " in out and "delete draft" in out
    assert f"Submission {world['accepted'].pk} to " in out and "anonymise" in out
    assert "Would erase 2 from submissions (kept over 365 days)." in out
    assert Submission.objects.filter(anonymised_at__isnull=False).count() == 0
    assert Submission.objects.filter(pk=world["draft"].pk).exists()


@pytest.fixture
def deferring_tasks(settings):
    """A task backend that can run later, as the database queue does, keeping what it got."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def _retention_runs(backend):
    return [r for r in backend.results if r.task.name == "apply_retention"]


def test_retention_task_anonymises_what_is_past_the_period_and_schedules_itself(
    world, settings, deferring_tasks, django_capture_on_commit_callbacks
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    _age(world["accepted"], 400)
    _age(world["draft"], 400)
    with django_capture_on_commit_callbacks(execute=True):
        run = ensure_retention_scheduled()
    (queued,) = _retention_runs(deferring_tasks)
    assert (queued.task.name, queued.args, queued.task.run_after) == (
        "apply_retention",
        [run.pk],
        run.scheduled_for,
    )

    with django_capture_on_commit_callbacks(execute=True):
        outcome = apply_retention.call(run.pk)

    assert outcome == {"submissions": 2}
    accepted = Submission.objects.get(pk=world["accepted"].pk)
    assert (accepted.applicant_id, accepted.status) == (None, SubmissionStatus.ACCEPTED)
    assert not Submission.objects.filter(pk=world["draft"].pk).exists()
    assert not _path(world["draft_file"]).exists()
    recent = Submission.objects.get(pk=world["proposal"].pk)
    assert (recent.anonymised_at, recent.applicant_id) == (None, world["kemi"].pk)
    # The next run is queued a day later, and is the only one waiting.
    following = RetentionRun.objects.get(started_at__isnull=True)
    started_at = RetentionRun.objects.get(pk=run.pk).started_at
    assert following.scheduled_for - started_at == datetime.timedelta(days=1)
    assert [(r.args, r.task.run_after) for r in _retention_runs(deferring_tasks)[1:]] == [
        ([following.pk], following.scheduled_for)
    ]
    assert RetentionRun.objects.get(pk=run.pk).outcome == {"submissions": 2}


def test_retention_schedule_never_doubles(deferring_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = ensure_retention_scheduled()
        again = ensure_retention_scheduled()
        newer = schedule_retention()

    assert again == first
    # A superseded run (its chain was replaced) does nothing and queues nothing.
    assert apply_retention.call(first.pk) == {"skipped": "superseded"}
    assert len(_retention_runs(deferring_tasks)) == 2
    assert RetentionRun.objects.filter(started_at__isnull=True).get() == newer


def test_retention_cannot_schedule_itself_on_the_immediate_backend(db):
    assert ensure_retention_scheduled() is None
    assert RetentionRun.objects.count() == 0


def test_migrate_starts_the_daily_retention_run(
    deferring_tasks, django_capture_on_commit_callbacks
):

    with django_capture_on_commit_callbacks(execute=True):
        _start_retention(sender=None)
        _start_retention(sender=None)

    run = RetentionRun.objects.get()
    assert [r.args for r in _retention_runs(deferring_tasks)] == [[run.pk]]
