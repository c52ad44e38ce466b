"""A page translated with wagtail-localize is reachable through the language switcher."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.factories import ContentPageFactory, heading_block, text_block

pytestmark = pytest.mark.django_db(transaction=True)

FRENCH = {
    "Opening Up Government: Leeds Workshop": "Ouvrir le gouvernement : atelier de Leeds",
    "Venue, date and time": "Lieu, date et heure",
    "Leeds Central Library, 13 March 2019.": "Bibliothèque centrale de Leeds, 13 mars 2019.",
}


def translate(page, locale, strings):
    """Translate a page as wagtail-localize's editor does: a source, a translation,
    the strings, then save the target (parents are copied as needed)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    translation.save_target(publish=True)
    return page.get_translation(locale)


def test_the_french_page_is_reachable_through_the_language_switcher(
    home_page, browser_page, assert_accessible
):
    home_page.save_revision().publish()
    english = ContentPageFactory(
        parent=home_page,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds-workshop",
        body=[
            heading_block("Venue, date and time"),
            text_block("<p>Leeds Central Library, 13 March 2019.</p>"),
        ],
    )
    english.save_revision().publish()
    french = translate(english, Locale.objects.get(language_code="fr"), FRENCH)
    page = browser_page

    page.goto(english.url)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()

    expect(page).to_have_url(f"{page.url.split('/fr/')[0]}{french.url}")
    assert french.url == "/fr/leeds-workshop/"
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.get_by_role("heading", level=1)).to_have_text(FRENCH[english.title])
    expect(page.get_by_role("heading", level=2).first).to_have_text("Lieu, date et heure")
    expect(page.get_by_text("Bibliothèque centrale de Leeds, 13 mars 2019.")).to_be_visible()
    # The interface follows the language: the switcher is labelled in French now.
    switcher = page.get_by_role("navigation", name="Langue")
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("href", english.url)
    assert_accessible(page)
