"""French translations made through wagtail-localize's own API reach /fr/ and the switcher."""

import pytest

from home.factories import (
    ContentPageFactory,
    HomePageFeaturedItemFactory,
    NewsArticlePageFactory,
    heading_block,
    table_block,
    text_block,
)
from home.models import ContentPage, NewsArticlePage

pytestmark = pytest.mark.django_db


def test_french_translation_is_served_at_fr_and_linked_from_the_english_page(
    client, home_page, translate
):
    page = ContentPageFactory(
        parent=home_page,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds-workshop",
        introduction="Meeting note of the Leeds workshop.",
        body=[
            heading_block("Purpose"),
            text_block("<p>Build the community of reformers.</p>"),
            table_block(caption="Priorities", rows=[["Priority", "Table 1"], ["1", "Contracting"]]),
        ],
    )

    french = translate(page, "fr", "FR")

    assert french.live
    assert french.slug == "leeds-workshop"  # slugs are synchronised, not translated
    response = client.get("/fr/leeds-workshop/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in content
    assert "<h1>FR Opening Up Government: Leeds Workshop</h1>" in content
    assert "FR Meeting note of the Leeds workshop." in content
    assert "<caption>FR Priorities</caption>" in content
    assert '<th scope="col" >FR Table 1</th>' in content.replace("  ", " ")

    english = client.get("/en/leeds-workshop/").content.decode()
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/leeds-workshop/">'
        in english
    )
    assert '<a href="/fr/leeds-workshop/" lang="fr" hreflang="fr">' in english


def test_news_article_translation_keeps_date_author_and_topics(
    client, home_page, news_index, translate
):
    article = NewsArticlePageFactory(
        parent=news_index, title="TICTeC 2025 is coming", slug="tictec-2025", topics=["TICTeC"]
    )

    french = translate(article, "fr", "FR")

    assert isinstance(french, NewsArticlePage)
    assert (french.date, french.author) == (article.date, article.author)
    assert [tag.name for tag in french.topics.all()] == ["TICTeC"]
    assert french.get_parent().specific.locale.language_code == "fr"
    assert ContentPage.objects.count() == 0
    response = client.get("/fr/news/")
    assert "FR TICTeC 2025 is coming" in response.content.decode()


def test_french_home_page_features_the_french_translation_of_a_featured_page(
    client, home_page, translate
):

    guide = ContentPageFactory(parent=home_page, title="Guidebook", slug="guidebook")
    workshops = ContentPageFactory(parent=home_page, title="Workshops", slug="workshops")
    HomePageFeaturedItemFactory(home_page=home_page, page=guide, label="Guide", sort_order=0)
    HomePageFeaturedItemFactory(home_page=home_page, page=workshops, label="Notes", sort_order=1)
    home_page.save_revision().publish()

    translate(home_page, "fr", "FR")
    translate(guide, "fr", "FR")

    content = client.get("/fr/").content.decode()
    assert '<a href="/fr/guidebook/">FR Guidebook</a>' in content
    assert '<a href="/en/workshops/">Workshops</a>' in content  # not translated yet
    assert '<span class="tag">FR Guide</span>' in content
