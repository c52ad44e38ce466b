"""The data migrations' conversion of plain-text introductions to rich text."""

import pytest
from django.apps import apps
from wagtail.models import Revision

from home.factories import ContentPageFactory, NewsArticlePageFactory
from home.models import ContentPage, NewsArticlePage
from home.rich_text import convert_page_field, rich_text_to_text, text_to_rich_text


def test_each_line_of_plain_text_becomes_an_escaped_paragraph():
    text = "Tools & tips for <civic> tech.\n\n  A second line.  \n"

    assert text_to_rich_text(text) == (
        "<p>Tools &amp; tips for &lt;civic&gt; tech.</p><p>A second line.</p>"
    )


def test_rich_text_and_empty_values_are_left_as_they_are():
    assert text_to_rich_text("<p>Already <b>rich</b>.</p>") == "<p>Already <b>rich</b>.</p>"
    assert text_to_rich_text("") == ""
    assert text_to_rich_text(None) is None


def test_the_reverse_gives_back_the_plain_text():
    text = "Tools & tips for <civic> tech.\nA second line."

    assert rich_text_to_text(text_to_rich_text(text)) == text
    assert rich_text_to_text("Plain already") == "Plain already"


@pytest.mark.django_db
def test_pages_and_their_drafts_are_converted_and_other_pages_left_alone(home_page):
    page = ContentPageFactory(parent=home_page, introduction="<p>placeholder</p>")
    article = NewsArticlePageFactory(
        parent=ContentPageFactory(parent=home_page), introduction="<p>Rich already.</p>"
    )
    # As the rows stood before the migration: plain text, in the page and in a draft.
    ContentPage.objects.filter(pk=page.pk).update(introduction="Meeting notes & actions")
    draft = page.save_revision()
    draft.content["introduction"] = "Draft notes\nSecond line"
    draft.save(update_fields=["content"])

    convert_page_field(
        apps,
        app_label="home",
        model_names=["ContentPage", "NewsArticlePage"],
        field_name="introduction",
        convert=text_to_rich_text,
    )

    page.refresh_from_db()
    assert page.introduction == "<p>Meeting notes &amp; actions</p>"
    assert Revision.objects.get(pk=draft.pk).content["introduction"] == (
        "<p>Draft notes</p><p>Second line</p>"
    )
    assert NewsArticlePage.objects.get(pk=article.pk).introduction == "<p>Rich already.</p>"
