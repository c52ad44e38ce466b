"""Search engines and social previews: every conference page describes itself."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


def _meta(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    names = {tag["name"]: tag["content"] for tag in soup.select("meta[name]")}
    properties = {tag["property"]: tag["content"] for tag in soup.select("meta[property]")}
    return names, properties


def test_a_session_is_described_by_its_abstract_in_search_and_social_previews(client, tictec):
    session = tictec.session(
        "Using FOI to make climate risks known",
        start="14:20",
        abstract="<p>Batch requests to every council about <b>flood &amp; heat</b> risks.</p>",
    )

    names, properties = _meta(client, session.url)

    expected = "Batch requests to every council about flood & heat risks."
    assert names["description"] == expected
    assert properties["og:description"] == expected
    assert properties["og:title"] == "Using FOI to make climate risks known"
    assert properties["og:url"] == "http://testserver" + session.url
    assert properties["og:image"] == "http://testserver/static/images/social-preview.png"


def test_a_speaker_preview_shows_their_photo_and_a_long_bio_is_shortened(client, speaker_factory):
    photo = Image.objects.create(title="Ada Lovelace", file=get_test_image_file())
    ada = speaker_factory(
        "Ada Lovelace", bio="Builds FOI tools. " * 30, photo=photo, photo_alt_text="Ada at TICTeC"
    )

    names, properties = _meta(client, ada.url)

    assert len(names["description"]) == 160
    assert names["description"].startswith("Builds FOI tools. Builds FOI tools.")
    assert properties["og:image"].startswith("http://")
    assert "/images/" in properties["og:image"] and "fill-1200x630" in properties["og:image"]
    assert properties["og:image:alt"] == "Ada at TICTeC"


def test_editors_search_description_wins_and_pages_without_one_use_the_home_page(
    client, tictec, home_page
):
    tictec.conference.search_description = "Civic tech research, Mechelen, June 2025."
    tictec.conference.save_revision().publish()
    home_page.introduction = "<p>We build digital tools for active citizens.</p>"
    home_page.save_revision().publish()

    assert _meta(client, tictec.conference.url)[0]["description"] == (
        "Civic tech research, Mechelen, June 2025."
    )
    assert _meta(client, "/en/search/")[0]["description"] == (
        "We build digital tools for active citizens."
    )
