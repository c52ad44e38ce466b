"""What each part of the demo content builds, loaded on its own (with the accounts of
10-site.json): news, workshop notes and the guidebook from the seeds' texts; TICTeC 2025
and 2019 with frab exports that validate; the cohorts; tickets and donations; the default
emails in every language."""

import json

import icalendar
import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from cohorts.models import (
    ActionLabPage,
    Cohort,
    CohortProgrammePage,
    OpportunityState,
    VacancyPage,
)
from conference.models import (
    AgendaFeedToken,
    ConferencePage,
    Registration,
    SessionPage,
    SessionStar,
    SpeakerPage,
    TicketType,
)
from conference.programme import services
from demo import loader
from home.models import (
    ContentPage,
    Donation,
    DonationPage,
    EmailKind,
    EmailLog,
    EmailStatus,
    EmailTemplate,
    HomePage,
    NavigationSettings,
    NewsArticlePage,
)
from proposals.emails import DEFAULT_TEMPLATES, get_template
from proposals.models import Review, Submission
from tests.schemas import frab_json_validator, frab_xml_schema

pytestmark = pytest.mark.django_db


def load(*names):
    return loader.load(files=["10-site.json", *names])


def test_news_workshop_notes_and_the_guidebook_come_from_the_seeds_texts(client):
    load("20-pages.json")
    load("20-pages.json")
    home = HomePage.objects.get(locale__language_code="en")
    articles = NewsArticlePage.objects.live().descendant_of(home)
    assert articles.count() == 15
    assert articles.filter(title="From civic tech to Pro-Democracy Tech").exists()
    series = ContentPage.objects.get(slug="opening-up-government")
    workshops = ContentPage.objects.child_of(series).live()
    assert list(workshops.values_list("title", flat=True)) == [
        "Opening Up Government: Leeds Workshop",
        "Opening Up Government: Newcastle Workshop",
        "Opening Up Government: Bristol Workshop",
        "Open Government and Participation: London Workshop",
    ]
    for workshop in workshops:
        tables = [block.value["table"] for block in workshop.body if block.block_type == "table"]
        assert tables[0]["data"][0][0] == "Priority level"
        assert workshop.introduction.startswith("<p>")
    guide = ContentPage.objects.get(slug="civic-participation-guidebook")
    assert list(ContentPage.objects.child_of(guide).values_list("title", flat=True)) == [
        "Who is this guide for?",
        "Why involve the public?",
        "What could civic participation look like?",
        "How to get started?",
    ]
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert [item.page_id for item in navigation.items.all()] == [
        NewsArticlePage.objects.first().get_parent().pk,
        guide.pk,
        series.pk,
    ]
    assert [item.page_id for item in home.featured_items.all()] == [guide.pk, series.pk]
    leeds = client.get("/en/opening-up-government/leeds-workshop/").content.decode()
    assert (
        "<strong>Venue:</strong> St George’s Centre, Great George Street, Leeds, LS1 3BR" in leeds
    )
    assert "<caption>Leeds: existing manifesto commitments ranked by priority" in leeds


def test_the_site_serves_absolute_links_from_the_configured_base_url(settings):
    """make run sets BASE_URL from PORT: frab urls and emails must point there."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8790"
    load()
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8790"
    assert home.get_full_url() == "http://127.0.0.1:8790/en/"


def test_tictec_2025_and_2019_have_believable_programmes_whose_exports_validate(client):
    load("30-tictec.json")
    tictec = ConferencePage.objects.get(slug="tictec-2025")
    paris = ConferencePage.objects.get(slug="tictec-2019")
    assert (tictec.city, tictec.time_zone, tictec.online_participation) == (
        "Mechelen",
        "Europe/Brussels",
        True,
    )
    assert [theme.name for theme in tictec.themes.all()] == [
        "Access to information and open data",
        "Democracy, people and politics",
        "Climate change",
    ]
    assert [(f.name, f.duration_minutes) for f in tictec.formats.all()][:3] == [
        ("20-minute presentation", 20),
        ("35-minute short workshop", 35),
        ("75-minute long workshop or panel", 75),
    ]
    sessions = list(SessionPage.objects.live().descendant_of(tictec))
    assert len(sessions) == 42
    assert all(s.speaker_links.exists() for s in sessions if s.session_format.kind == "session")
    # A believable schedule: no clashes and nobody in two places at once.
    assert [s.title for s in sessions if services.find_room_clash(session=s)] == []
    assert [s.title for s in sessions if services.find_speaker_conflicts(session=s)] == []
    assert paris.is_past and paris.venue == "OECD Conference Centre"
    rosa = SpeakerPage.objects.get(slug="rosa-whitfield")
    assert [group["conference"].title for group in client.get(rosa.url).context["sessions"]] == [
        "TICTeC 2025",
        "TICTeC 2019 Paris",
    ]
    with_materials = sorted(s.slug for s in sessions if s.has_materials)
    assert with_materials == [
        "foi-for-marginalised-groups",
        "following-the-money",
        "fossil-fuel-narratives",
        "ten-years-of-tictec",
    ]
    xml_schema, validator = frab_xml_schema(), frab_json_validator()
    for conference in (tictec, paris, ConferencePage.objects.get(slug="tictec-2027")):
        url = f"/en/tictec/{conference.slug}/programme/"
        xml = client.get(url + "schedule/xml/").content.decode()
        data = json.loads(client.get(url + "schedule/json/").content)
        xml_schema.validate(xml)
        assert [error.message for error in validator.iter_errors(data)] == []
    keynote = next(
        event
        for day in json.loads(
            client.get("/en/tictec/tictec-2025/programme/schedule/json/").content
        )["schedule"]["conference"]["days"]
        for room_events in day["rooms"].values()
        for event in room_events
        if event["title"].startswith("Ten years of TICTeC")
    )
    assert (keynote["date"], keynote["duration"], keynote["room"]) == (
        "2025-06-10T09:30:00+02:00",
        "01:00",
        "Main hall",
    )
    # The demo applicant starred four sessions and has a private calendar feed.
    applicant = get_user_model().objects.get(email="applicant@example.org")
    assert SessionStar.objects.filter(user=applicant).count() == 4
    [token] = AgendaFeedToken.objects.active().filter(user=applicant)
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/en/tictec/tictec-2025/programme/agenda/feed/{token.token}/").content
    )
    assert len(calendar.walk("VEVENT")) == 4


def test_cohorts_action_lab_and_board_vacancies_with_their_applications():
    load("40-opportunities.json")
    load("40-opportunities.json")
    programme = CohortProgrammePage.objects.get()
    lab = ActionLabPage.objects.get()
    assert programme.state() == OpportunityState.OPEN
    assert lab.state() == OpportunityState.CLOSED
    assert sorted(Submission.objects.for_call(lab).values_list("status", flat=True)) == [
        "accepted",
        "accepted",
        "accepted",
        "rejected",
        "waitlisted",
    ]
    assert Review.objects.filter(submission__call=lab, submitted_at__isnull=False).count() == 10
    states = {page.role: page.state() for page in VacancyPage.objects.all()}
    assert states == {"chair": "open", "trustee": "open", "ned": "closed"}
    assert all(
        page.restricted_to_group.name == "Programme team" for page in VacancyPage.objects.all()
    )
    assert sorted(cohort.memberships.count() for cohort in Cohort.objects.all()) == [3, 4]


def test_tickets_donations_and_the_default_emails_in_every_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            load("30-tictec.json", "32-tickets.json", "50-donations.json", "60-receipts.json")
    tictec = ConferencePage.objects.get(slug="tictec-2025")
    assert list(TicketType.objects.filter(conference=tictec).values_list("name", flat=True)) == [
        "In person",
        "Online",
        "Presenter",
    ]
    assert sorted(set(Registration.objects.values_list("status", flat=True))) == [
        "confirmed",
        "expired",
        "pending",
        "refunded",
    ]
    assert Registration.objects.count() == 6
    assert Donation.objects.paid().count() == 2
    # Their receipts went the site's one way, once however often the demo is loaded.
    sent = EmailLog.objects.filter(status=EmailStatus.SENT)
    assert sorted(sent.values_list("kind", "to")) == sorted(
        [
            (EmailKind.TICKET_RECEIPT, r.email)
            for r in Registration.objects.filter(status="confirmed")
        ]
        + [(EmailKind.DONATION_THANKS, d.email) for d in Donation.objects.paid()]
    )
    assert len(mailoutbox) == sent.count()
    page = DonationPage.objects.get()
    assert [str(a.amount) for a in page.suggested_amounts.all()] == [
        "5.00",
        "10.00",
        "25.00",
        "50.00",
    ]
    assert EmailTemplate.objects.filter(call=None).count() == 3 * len(DEFAULT_TEMPLATES)
    for language, subject in [
        ("en", "We received your submission: {{ title }}"),
        ("fr", "Nous avons reçu votre proposition : {{ title }}"),
        ("nl", "We hebben je inzending ontvangen: {{ title }}"),
    ]:
        assert (
            get_template(call_id=None, kind=EmailKind.CONFIRMATION, language=language)[0] == subject
        )
