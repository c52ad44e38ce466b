"""Every page is reachable in every language through the language switcher: a translated
one, an untranslated one (its alias, marked as English), and the account pages."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.factories import ContentPageFactory, heading_block, text_block
from home.localization import synchronise_locales

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


def test_an_untranslated_page_is_reachable_in_dutch_marked_as_english(
    home_page, browser_page, assert_accessible
):
    synchronise_locales(source_language_code="en", language_codes=["fr", "nl"])
    english = ContentPageFactory(
        parent=home_page,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds-workshop",
        body=[text_block("<p>Leeds Central Library, 13 March 2019.</p>")],
    )
    english.save_revision().publish()  # its French and Dutch aliases follow
    page = browser_page

    page.goto(english.url)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()

    expect(page).to_have_url(f"{page.url.split('/nl/')[0]}/nl/leeds-workshop/")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("note")).to_have_text(
        "Deze pagina is nog niet vertaald; ze wordt in het Engels getoond."
    )
    content = page.locator("main div[lang=en]")
    expect(content.get_by_role("heading", level=1)).to_have_text(english.title)
    assert_accessible(page)


def test_the_sign_in_page_switches_to_french_through_the_switcher(
    home_page, browser_page, assert_accessible
):
    page = browser_page

    page.goto("/accounts/login/")
    page.get_by_role("navigation", name="Language").get_by_role("button", name="Français").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    assert page.url.endswith("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "fr"
    switcher = page.get_by_role("navigation", name="Langue")
    expect(switcher.get_by_role("button", name="English")).to_be_visible()
    assert_accessible(page)
