import datetime

import pytest
from wagtail.models import Site

from home.factories import (
    ContentPageFactory,
    HomePageFeaturedItemFactory,
    NavigationItemFactory,
    NavigationSettingsFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    SiteSettingsFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_with_featured_items_and_news_is_accessible(
    home_page, browser_page, assert_accessible
):
    site = Site.objects.get(is_default_site=True)
    SiteSettingsFactory(site=site)
    news = NewsIndexPageFactory(parent=home_page, slug="news")
    guide = ContentPageFactory(parent=home_page, title="Guidebook", slug="guidebook")
    HomePageFeaturedItemFactory(home_page=home_page, page=guide, label="Guidebook")
    NavigationItemFactory(navigation=NavigationSettingsFactory(site=site), page=news, label="News")
    for day in range(1, 5):
        NewsArticlePageFactory(
            parent=news, title=f"Article {day}", date=datetime.date(2025, 3, day), topics=["TICTeC"]
        )

    browser_page.goto("/en/")

    assert browser_page.locator("h1").all_inner_texts() == ["mySociety"]
    assert browser_page.locator("a.skip-link").get_attribute("href") == "#main-content"
    assert browser_page.locator(".featured-card h3").all_inner_texts() == ["Guidebook"]
    assert browser_page.locator(".news-card__title").all_inner_texts() == [
        "Article 4",
        "Article 3",
        "Article 2",
    ]
    assert_accessible(browser_page)

    # Keyboard: the skip link is the first stop and moves focus to the main content.
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main-content"

    browser_page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    assert browser_page.url.endswith("/en/news/")


def test_search_results_and_the_404_page_are_accessible(home_page, browser_page, assert_accessible):
    for number in range(12):
        ContentPageFactory(
            parent=home_page, title=f"Workshop meeting note {number}", slug=f"note-{number}"
        )

    browser_page.goto("/en/")
    browser_page.get_by_label("Search the site").fill("workshop")
    browser_page.get_by_label("Search the site").press("Enter")

    assert browser_page.locator("#results-heading").inner_text() == "12 results for “workshop”"
    assert browser_page.locator(".search-results li").count() == 10
    assert_accessible(browser_page)
    browser_page.get_by_role("link", name="Next").click()
    assert browser_page.locator(".search-results li").count() == 2

    response = browser_page.goto("/en/no-such-page/")
    assert response.status == 404
    assert browser_page.locator("h1").all_inner_texts() == ["Page not found"]
    assert_accessible(browser_page)
