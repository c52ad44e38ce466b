"""The demo loader builds the site from demo/content/*.json: loaded twice it adds nothing,
and the home page leads with the upcoming TICTeC 2027 (programme, registration, its open
call) and links to the donation page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site

from cohorts.models import Cohort, CohortMembership
from conference.models import (
    CallForProposalsPage,
    ConferencePage,
    Registration,
    SessionPage,
    SessionProposal,
    SpeakerPage,
    TicketType,
)
from home.models import Donation, EmailLog, EmailTemplate, HomePage, NavigationSettings
from proposals.models import Review, Submission

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            get_user_model(),
            Submission,
            SessionProposal,
            Review,
            Cohort,
            CohortMembership,
            TicketType,
            Registration,
            Donation,
            EmailTemplate,
            EmailLog,
        )
    }


def test_the_demo_loads_twice_without_duplicates_and_leads_with_tictec_2027(client):
    call_command("load_demo_content")
    first = counts()
    call_command("load_demo_content")
    assert counts() == first

    # Every demo account has its role; the site answers on the configured address.
    User = get_user_model()
    assert User.objects.get(email="admin@example.org").is_superuser
    assert list(
        User.objects.get(email="editor@example.org").groups.values_list("name", flat=True)
    ) == ["Editors"]
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(locale__language_code="en")
    assert site.root_page_id == home.pk
    translations = {page.locale.language_code: page for page in home.get_translations().live()}
    assert translations["fr"].specific.introduction.startswith("<p>Nous créons")
    assert translations["nl"].specific.introduction.startswith("<p>Wij bouwen")

    # TICTeC 2025 is the archive: past, its 42 sessions, 40 proposals and 96 reviews.
    tictec_2025 = ConferencePage.objects.get(slug="tictec-2025", locale=home.locale)
    assert tictec_2025.is_past
    assert SessionPage.objects.live().descendant_of(tictec_2025).count() == 42
    call_2025 = CallForProposalsPage.objects.get(
        slug="call-for-proposals", locale=home.locale, path__startswith=tictec_2025.path
    )
    assert call_2025.has_closed()
    submitted = Submission.objects.filter(call_id=call_2025.pk).exclude(status="draft")
    assert submitted.count() == 40
    assert (
        Review.objects.filter(submission__call_id=call_2025.pk, submitted_at__isnull=False).count()
        == 96
    )
    assert submitted.filter(status="accepted").count() == 5
    assert SpeakerPage.objects.filter(locale=home.locale).count() == 22
    assert ConferencePage.objects.get(slug="tictec-2019", locale=home.locale).is_past

    # TICTeC 2027 is about six months ahead of the day the demo was loaded, with a
    # published programme, tickets on sale and its call open now.
    tictec_2027 = ConferencePage.objects.get(slug="tictec-2027", locale=home.locale)
    today = timezone.localdate()
    assert (
        datetime.timedelta(days=150) < tictec_2027.start_date - today < datetime.timedelta(days=210)
    )
    assert not tictec_2027.is_past
    assert SessionPage.objects.live().descendant_of(tictec_2027).count() >= 8
    call_2027 = CallForProposalsPage.objects.get(path__startswith=tictec_2027.path)
    assert call_2027.is_open() and call_2027.closes_at > timezone.now()
    assert call_2027.get_questions() and call_2027.get_criteria()
    assert {t.name for t in TicketType.objects.filter(conference=tictec_2027)} == {
        "In person",
        "Online",
        "Presenter",
    }
    early = TicketType.objects.get(conference=tictec_2027, name="In person")
    assert early.early_bird_ends_at > timezone.now()

    # The home page reaches the programme, registration, the open call and the
    # donation page in one click.
    html = BeautifulSoup(client.get("/en/").content, "html.parser")
    links = {a["href"] for a in html.select("a[href]")}
    assert {
        "/en/tictec/tictec-2027/programme/",
        "/en/tictec/tictec-2027/tickets/",
        "/en/tictec/tictec-2027/call-for-proposals/",
        "/en/donate/",
    } <= links
    assert "Our next conference" in html.get_text()
    navigation = NavigationSettings.for_site(site)
    labels = [item.label or item.page.title for item in navigation.items.all()]
    assert labels == ["News", "Guidebook", "Workshop notes", "Opportunities", "TICTeC", "Donate"]


def test_an_open_call_and_the_upcoming_conference_move_forward_when_loaded_again_later():
    call_command("load_demo_content")
    tictec_2027 = ConferencePage.objects.get(slug="tictec-2027", locale__language_code="en")
    call = CallForProposalsPage.objects.get(path__startswith=tictec_2027.path)
    # A year later, both are over ...
    year = datetime.timedelta(days=365)
    tictec_2027.start_date -= year
    tictec_2027.end_date -= year
    tictec_2027.save_revision().publish()
    for day in tictec_2027.days.all():
        day.date -= year
        day.save()
    call.opens_at -= year
    call.closes_at -= year
    call.decisions_by -= year
    call.save_revision().publish()

    call_command("load_demo_content")

    tictec_2027.refresh_from_db()
    call.refresh_from_db()
    assert not tictec_2027.is_past
    assert [day.date for day in tictec_2027.days.all()] == [
        tictec_2027.start_date,
        tictec_2027.end_date,
    ]
    assert call.is_open()
