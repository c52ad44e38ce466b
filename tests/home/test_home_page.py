import datetime
import html

import pytest

from home.factories import (
    ContentPageFactory,
    HomePageFeaturedItemFactory,
    NewsArticlePageFactory,
)

pytestmark = pytest.mark.django_db


def card_titles(content, section_id):
    """Link texts of the cards in one home page section, in order."""
    section = content.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return [
        html.unescape(chunk.split(">", 1)[1].split("</a>", 1)[0])
        for chunk in section.split('<a href="')[1:]
    ]


def test_home_page_shows_featured_items_in_editor_order_and_the_latest_three_articles(
    client, home_page, news_index
):
    conference = ContentPageFactory(parent=home_page, title="TICTeC 2025", slug="tictec-2025")
    call = ContentPageFactory(parent=home_page, title="Call for proposals", slug="call")
    draft = ContentPageFactory(parent=home_page, title="Unpublished", slug="draft", live=False)
    HomePageFeaturedItemFactory(
        home_page=home_page,
        page=call,
        label="Open call",
        description="Closes 14 February.",
        sort_order=0,
    )
    HomePageFeaturedItemFactory(
        home_page=home_page, page=conference, label="Conference", sort_order=1
    )
    HomePageFeaturedItemFactory(home_page=home_page, page=draft, label="Hidden", sort_order=2)
    for day in range(1, 6):
        NewsArticlePageFactory(
            parent=news_index, title=f"March {day}", date=datetime.date(2025, 3, day)
        )

    content = client.get("/en/").content.decode()

    assert card_titles(content, "featured-heading") == ["Call for proposals", "TICTeC 2025"]
    assert '<span class="tag">Open call</span>' in content
    assert "<p>Closes 14 February.</p>" in content
    assert "Hidden" not in content
    assert card_titles(content, "news-heading") == ["March 5", "March 4", "March 3", "All news"]
    assert '<p><a href="/en/news/">All news</a></p>' in content


def test_home_page_without_news_or_featured_items_shows_only_the_introduction(client, home_page):
    content = client.get("/en/").content.decode()

    assert content.count("<h1>") == 1
    assert "Latest news" not in content
    assert "Highlights" not in content


def test_home_page_runs_the_same_queries_for_5_and_50_articles(
    client, home_page, news_index, django_assert_max_num_queries
):
    for number in range(3):
        HomePageFeaturedItemFactory(home_page=home_page, sort_order=number)
    counts = []
    for first, added in ((0, 5), (5, 45)):
        for number in range(first, first + added):
            NewsArticlePageFactory(parent=news_index, slug=f"article-{number}", topics=["TICTeC"])
        client.get("/en/")
        # 21 for the page, news and navigation; 8 for the automatic sections (one query
        # per call page type, the next conference, private sections, default locale).
        with django_assert_max_num_queries(29) as captured:
            response = client.get("/en/")
        assert response.content.decode().count('class="card news-card"') == 3
        counts.append(len(captured))

    assert counts[0] == counts[1]
