import datetime
import html
import xml.etree.ElementTree as ET

import pytest
from wagtail_factories import ImageFactory

from home.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def article_titles(response):
    """The article titles of a listing, in order."""
    content = response.content.decode()
    titles = []
    for chunk in content.split('class="news-card__title"><a href="')[1:]:
        titles.append(html.unescape(chunk.split(">", 1)[1].split("</a>", 1)[0]))
    return titles


def make_articles(news_index, count, *, first=0, **kwargs):
    start = datetime.date(2025, 6, 11)
    return [
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Article {number:02d}",
            slug=f"article-{number:02d}",
            date=start - datetime.timedelta(days=number),
            **kwargs,
        )
        for number in range(first, first + count)
    ]


def test_index_lists_live_articles_newest_first(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Older", date=datetime.date(2024, 1, 1))
    NewsArticlePageFactory(parent=news_index, title="Newer", date=datetime.date(2025, 1, 1))
    NewsArticlePageFactory(parent=news_index, title="Draft", live=False)

    response = client.get("/en/news/")

    assert article_titles(response) == ["Newer", "Older"]
    assert '<p class="meta" role="status">2 articles</p>' in response.content.decode()


def test_index_is_paginated_and_keeps_the_topic_in_page_links(client, news_index):
    make_articles(news_index, 23, topics=["TICTeC"])

    first = client.get("/en/news/")
    third = client.get("/en/news/?topic=tictec&page=3")
    beyond = client.get("/en/news/?page=99")
    garbage = client.get("/en/news/?page=abc")

    assert article_titles(first) == [f"Article {n:02d}" for n in range(10)]
    assert article_titles(third) == ["Article 20", "Article 21", "Article 22"]
    assert article_titles(beyond) == article_titles(third)
    assert article_titles(garbage) == article_titles(first)
    third_html = third.content.decode()
    assert '<a href="?topic=tictec&amp;page=2" rel="prev">Previous</a>' in third_html
    assert "Page 3 of 3" in third_html
    assert 'rel="next"' not in third_html


def test_topic_filter_shows_only_articles_on_that_topic(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Citizens' assemblies", topics=["Democracy"])
    NewsArticlePageFactory(parent=news_index, title="TICTeC 2025", topics=["TICTeC", "Democracy"])
    NewsArticlePageFactory(parent=news_index, title="Open Data Day", topics=["Open data"])

    response = client.get("/en/news/?topic=democracy")

    content = response.content.decode()
    assert sorted(article_titles(response)) == ["Citizens' assemblies", "TICTeC 2025"]
    assert "2 articles about Democracy" in content
    assert '<a href="/en/news/?topic=democracy" aria-current="page">Democracy</a>' in content
    assert '<a href="/en/news/?topic=open-data">Open data</a>' in content


def test_unknown_topic_lists_everything(client, news_index):
    make_articles(news_index, 2)

    response = client.get("/en/news/?topic=no-such-topic")

    assert len(article_titles(response)) == 2


def test_article_page_shows_date_author_topics_and_body(client, news_index):
    image = ImageFactory(title="Mechelen")
    NewsArticlePageFactory(
        parent=news_index,
        title="TICTeC 2025 comes to Mechelen",
        slug="tictec-2025",
        date=datetime.date(2025, 2, 3),
        author="Gemma Moulder",
        topics=["TICTeC"],
        image=image,
        image_alt="The Lamot building in Mechelen",
    )

    content = client.get("/en/news/tictec-2025/").content.decode()

    assert "<h1>TICTeC 2025 comes to Mechelen</h1>" in content
    assert '<time datetime="2025-02-03">3 February 2025</time> · by Gemma Moulder' in content
    assert '<a class="tag" href="/en/news/?topic=tictec">TICTeC</a>' in content
    assert 'alt="The Lamot building in Mechelen"' in content
    assert '<h2 class="block-heading">What does an “open government” look like?</h2>' in content


def test_rss_feed_lists_the_latest_articles(client, news_index):
    NewsArticlePageFactory(
        parent=news_index,
        title="Three new jobs with mySociety’s Democratic Commons project",
        slug="three-new-jobs",
        date=datetime.date(2025, 3, 1),
        introduction="We’re hiring.",
        topics=["Democracy"],
    )
    NewsArticlePageFactory(parent=news_index, title="Draft", live=False)

    response = client.get("/en/news/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    assert channel.findtext("title") == "News"
    assert channel.findtext("link") == "http://testserver/en/news/"
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Three new jobs with mySociety’s Democratic Commons project"
    ]
    assert items[0].findtext("link") == "http://testserver/en/news/three-new-jobs/"
    assert items[0].findtext("description") == "We’re hiring."
    assert items[0].findtext("category") == "Democracy"
    assert "01 Mar 2025" in items[0].findtext("pubDate")


def test_footer_links_to_the_feed_of_the_current_language(client, news_index):
    content = client.get("/en/news/").content.decode()

    assert '<p><a href="/en/news/feed/">News feed (RSS)</a></p>' in content
    assert (
        '<link rel="alternate" type="application/rss+xml" title="News" href="/en/news/feed/">'
        in content
    )


# Routing, the layout (site settings, navigation, language switcher, feed link) and the
# listing itself: a budget that must not grow with the number of articles.
QUERY_BUDGET = 21


def test_index_runs_the_same_queries_for_5_and_50_articles(
    client, news_index, django_assert_max_num_queries
):
    image = ImageFactory(title="Mechelen")  # every card shows an image rendition
    counts = []
    for first, added in ((0, 5), (5, 45)):
        make_articles(news_index, added, first=first, topics=["TICTeC", "Democracy"], image=image)
        client.get("/en/news/")  # warm the site root cache, as a running server has
        with django_assert_max_num_queries(QUERY_BUDGET) as captured:
            response = client.get("/en/news/?topic=tictec")
        assert len(article_titles(response)) == min(first + added, 10)
        counts.append(len(captured))

    assert counts[0] == counts[1]


def test_article_page_runs_the_same_queries_for_5_and_50_articles(
    client, news_index, django_assert_max_num_queries
):
    counts = []
    for first, added in ((0, 5), (5, 45)):
        make_articles(news_index, added, first=first, topics=["TICTeC"])
        client.get("/en/news/article-00/")
        with django_assert_max_num_queries(QUERY_BUDGET) as captured:
            response = client.get("/en/news/article-00/")
        assert "<h1>Article 00</h1>" in response.content.decode()
        counts.append(len(captured))

    assert counts[0] == counts[1]
