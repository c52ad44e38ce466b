import html

import pytest

from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def result_titles(content):
    results = content.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0]
    return [
        html.unescape(chunk.split(">", 1)[1].split("</a>", 1)[0])
        for chunk in results.split('<a href="')[1:]
    ]


def test_search_finds_live_pages_of_the_current_language_with_a_count(client, home_page, translate):
    guide = ContentPageFactory(
        parent=home_page,
        title="Advancing civic participation in algorithmic decision-making",
        slug="guidebook",
        introduction="A guidebook on mini-publics for the public sector.",
    )
    ContentPageFactory(parent=home_page, title="Mini-publics draft", slug="draft", live=False)
    ContentPageFactory(parent=home_page, title="Workshop notes", slug="notes")
    translate(guide, "fr", "FR")

    english = client.get("/en/search/", {"q": "mini-publics"}).content.decode()
    french = client.get("/fr/search/", {"q": "mini-publics"}).content.decode()

    assert result_titles(english) == [
        "Advancing civic participation in algorithmic decision-making"
    ]
    assert "1 result for “mini-publics”" in english
    assert '<a href="/en/guidebook/">' in english
    assert result_titles(french) == [
        "FR Advancing civic participation in algorithmic decision-making"
    ]
    assert '<a href="/fr/guidebook/">' in french


def test_search_results_are_paginated_and_keep_the_query(client, home_page):
    for number in range(12):
        ContentPageFactory(
            parent=home_page, title=f"Workshop meeting note {number}", slug=f"note-{number}"
        )

    first = client.get("/en/search/", {"q": "workshop"}).content.decode()
    second = client.get("/en/search/", {"q": "workshop", "page": 2}).content.decode()

    assert "12 results for “workshop”" in first
    assert len(result_titles(first)) == 10
    assert "Showing results 1 to 10" in first
    assert '<a href="?q=workshop&amp;page=2" rel="next">Next</a>' in first
    assert len(result_titles(second)) == 2
    assert '<ol class="search-results" start="11">' in second
    assert sorted(result_titles(first) + result_titles(second)) == sorted(
        f"Workshop meeting note {number}" for number in range(12)
    )


def test_search_with_no_match_says_so_and_keeps_the_query_in_the_box(client, home_page):
    content = client.get("/en/search/", {"q": "zebra crossings"}).content.decode()

    assert "0 results for “zebra crossings”" in content
    assert (
        '<input id="search-q" type="search" name="q" value="zebra crossings" maxlength="255">'
        in content
    )
    assert "Try different or fewer words." in content


def test_empty_search_shows_just_the_form(client, home_page):
    content = client.get("/en/search/").content.decode()

    assert content.count("<h1>") == 1
    assert "results for" not in content
