"""What every page type shares through BasePage: a translated, searchable rich-text
introduction, which also describes the page to search engines."""

import pytest
from wagtail.models import get_page_models
from wagtail_localize.fields import TranslatableField

from home.factories import ContentPageFactory

PAGE_TYPES = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_translates_and_searches_its_introduction(model):
    translated = {
        field.field_name
        for field in model.translatable_fields
        if isinstance(field, TranslatableField)
    }
    searched = {field.field_name for field in model.search_fields}

    assert {"introduction", "search_description"} <= translated
    assert "introduction" in searched
    assert model._meta.get_field("introduction").features == [
        "h2",
        "h3",
        "bold",
        "italic",
        "link",
        "ol",
        "ul",
    ]


@pytest.mark.django_db
def test_the_introduction_renders_as_rich_text_and_describes_the_page(client, home_page):
    page = ContentPageFactory(
        parent=home_page,
        slug="notes",
        search_description="",
        introduction='<p>Meeting notes &amp; <b>actions</b>.</p><ul><li>Next: <a href="https://example.org/">Leeds</a></li></ul>',
    )

    html = client.get(page.url).content.decode()

    assert '<meta name="description" content="Meeting notes &amp; actions. Next: Leeds">' in html
    assert "<p>Meeting notes &amp; <b>actions</b>.</p>" in html
    assert '<a href="https://example.org/">Leeds</a>' in html
