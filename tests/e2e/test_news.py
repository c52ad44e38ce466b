import datetime

import pytest

from home.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_news_index_topic_filter_pagination_and_article_are_accessible(
    home_page, browser_page, assert_accessible
):
    news = NewsIndexPageFactory(parent=home_page, slug="news")
    for number in range(12):
        NewsArticlePageFactory(
            parent=news,
            title=f"Democracy news {number:02d}",
            slug=f"democracy-{number:02d}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            topics=["Democracy"],
        )
    NewsArticlePageFactory(
        parent=news,
        title="TICTeC 2025 is coming to Mechelen",
        slug="tictec-2025",
        date=datetime.date(2024, 12, 10),
        author="mySociety",
        topics=["TICTeC"],
    )

    browser_page.goto("/en/news/")
    assert browser_page.locator("h1").all_inner_texts() == ["News"]
    assert browser_page.locator(".news-card").count() == 10
    assert_accessible(browser_page)

    browser_page.get_by_role("navigation", name="News pages").get_by_role(
        "link", name="Next"
    ).click()
    assert browser_page.locator(".news-card__title").all_inner_texts() == [
        "Democracy news 01",
        "Democracy news 00",
        "TICTeC 2025 is coming to Mechelen",
    ]

    browser_page.get_by_role("link", name="TICTeC", exact=True).click()
    assert browser_page.locator(".news-card__title").all_inner_texts() == [
        "TICTeC 2025 is coming to Mechelen"
    ]
    browser_page.get_by_role("link", name="TICTeC 2025 is coming to Mechelen").click()
    assert browser_page.locator("h1").all_inner_texts() == ["TICTeC 2025 is coming to Mechelen"]
    assert browser_page.locator(".news-article time").inner_text() == "10 December 2024"
    assert_accessible(browser_page)
