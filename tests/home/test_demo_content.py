import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage


@pytest.mark.django_db
def test_load_demo_content_twice_builds_the_site_once():
    call_command("load_demo_content")
    counts = (Page.objects.count(), get_user_model().objects.count())

    call_command("load_demo_content")

    assert (Page.objects.count(), get_user_model().objects.count()) == counts
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    # French and Dutch translations of the home page, live (wagtail-localize publishes them).
    home = HomePage.objects.get(locale__language_code="en")
    translations = {page.locale.language_code: page for page in home.get_translations().live()}
    assert set(translations) == {"fr", "nl"}
    assert translations["fr"].specific.introduction.startswith("<p>Nous créons")
    assert translations["nl"].specific.introduction.startswith("<p>Wij bouwen")
    assert set(get_user_model().objects.values_list("email", flat=True)) >= {
        "admin@example.org",
        "editor@example.org",
        "moderator@example.org",
        "reviewer@example.org",
        "applicant@example.org",
    }
    # Each demo user has their role.
    User = get_user_model()
    assert list(
        User.objects.get(email="editor@example.org").groups.values_list("name", flat=True)
    ) == ["Editors"]
    assert User.objects.get(email="admin@example.org").is_superuser
    assert list(
        User.objects.get(email="reviewer@example.org").groups.values_list("name", flat=True)
    ) == ["Reviewers"]


@pytest.mark.django_db
def test_demo_content_builds_news_workshops_guidebook_navigation_and_highlights(client):
    from home.demo import load
    from home.models import ContentPage, NavigationSettings, NewsArticlePage, NewsIndexPage

    load()
    load()  # idempotent on its own too

    home = HomePage.objects.get(locale__language_code="en")
    news = NewsIndexPage.objects.get(slug="news")
    articles = NewsArticlePage.objects.child_of(news).live()
    assert articles.count() == 15
    assert articles.filter(
        title="Could you be the next Chair, Trustee or Director of mySociety?"
    ).exists()
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
        assert len(tables) == 1
        assert tables[0]["table_caption"].startswith(workshop.title.split(": ")[1].split()[0])
        assert tables[0]["data"][0][0] == "Priority level"
        assert tables[0]["data"][1][0] == "1"

    guide = ContentPage.objects.get(slug="civic-participation-guidebook")
    assert list(ContentPage.objects.child_of(guide).values_list("title", flat=True)) == [
        "Who is this guide for?",
        "Why involve the public?",
        "What could civic participation look like?",
        "How to get started?",
    ]

    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert [item.page_id for item in navigation.items.all()] == [news.pk, guide.pk, series.pk]
    assert [item.page_id for item in home.featured_items.all()] == [guide.pk, series.pk]

    leeds = client.get("/en/opening-up-government/leeds-workshop/").content.decode()
    assert (
        "<strong>Venue:</strong> St George’s Centre, Great George Street, Leeds, LS1 3BR" in leeds
    )
    assert "<caption>Leeds: existing manifesto commitments ranked by priority" in leeds
    home_html = client.get("/en/").content.decode()
    assert "Declared interests on Written Questions: a review is under way" in home_html


@pytest.mark.django_db
def test_demo_site_serves_absolute_links_from_the_configured_base_url(settings):
    """make run sets BASE_URL from PORT: frab urls and emails must point there."""
    from home.demo import ensure_home_page, ensure_locales

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8790"
    ensure_locales()
    home = ensure_home_page()

    site = Site.objects.get(is_default_site=True)
    assert (site.root_url, site.root_page_id) == ("http://127.0.0.1:8790", home.pk)
    assert home.get_full_url() == "http://127.0.0.1:8790/en/"
