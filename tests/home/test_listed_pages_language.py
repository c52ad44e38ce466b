"""A page not translated yet, listed on a French page (a news card on the home page),
has its English title and summary marked lang="en"; a translated one is not marked."""

import pytest
from bs4 import BeautifulSoup

from home.factories import NewsArticlePageFactory, NewsIndexPageFactory
from home.localization import synchronise_locales

pytestmark = pytest.mark.django_db


def test_untranslated_news_on_the_french_home_page_is_marked_as_english(
    client, home_page, translate
):
    home_page.save_revision().publish()
    news = NewsIndexPageFactory(parent=home_page)
    news.save_revision().publish()
    article = NewsArticlePageFactory(parent=news, title="Another year of support")
    article.save_revision().publish()
    translate(home_page, "fr", "FR")
    translate(news, "fr", "FR")
    synchronise_locales(source_language_code="en", language_codes=["fr"])

    french = BeautifulSoup(client.get("/fr/").content, "html.parser")
    english = BeautifulSoup(client.get("/en/").content, "html.parser")

    title = french.select_one(".news-card__title")
    assert title.get_text(strip=True) == "Another year of support"
    assert title["lang"] == "en"
    assert english.select_one(".news-card__title").get("lang") is None
