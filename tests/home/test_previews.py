"""The editor's preview shows what the site shows: Wagtail renders a preview from
``get_context`` without calling ``serve``, so a page whose view adds its listings
(home.routing.ServedByView) hands the preview to that view too."""

import pytest

from home.factories import ContentPageFactory, HomePageFeaturedItemFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_preview_shows_the_featured_pages(client, home_page):
    call = ContentPageFactory(parent=home_page, title="Call for proposals", slug="call")
    HomePageFeaturedItemFactory(home_page=home_page, page=call, label="Open call")

    for response in (client.get("/en/"), home_page.make_preview_request()):
        assert response.status_code == 200
        assert '<span class="tag">Open call</span>' in response.content.decode()


def test_a_content_page_preview_lists_its_sections(client, home_page):
    guide = ContentPageFactory(parent=home_page, title="Guidebook", slug="guidebook")
    ContentPageFactory(parent=guide, title="Who is this guide for?", slug="who")

    for response in (client.get(guide.url), guide.make_preview_request()):
        assert "Who is this guide for?" in response.content.decode()
