"""wagtail-localize: opportunity pages translate; dates and settings stay synchronised."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cohorts import demo_content as seed
from cohorts.factories import CohortProgrammePageFactory
from cohorts.selectors import opportunity_listing

pytestmark = pytest.mark.django_db

FRENCH = {
    seed.COHORT_TITLE: "mySociety veut vous aider à utiliser l’accès à l’information dans une campagne",
    seed.ORGANISATION_QUESTION["question"]: "Postulez-vous au nom d’une organisation ?",
    "Opportunities": "Opportunités",
}


def translate(page, locale, strings):
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
    translated = page.get_translation(locale)
    if not translated.live:  # pages under the moderation workflow: an editor publishes
        translated.save_revision().publish()
    return translated


def test_a_translated_programme_keeps_its_dates_and_screens_in_french(client, index_page):
    # Staff enter whole minutes; revisions keep only milliseconds anyway.
    closes_at = (timezone.now() + datetime.timedelta(days=20)).replace(second=0, microsecond=0)
    english = CohortProgrammePageFactory(parent=index_page, slug="foi-support", closes_at=closes_at)
    english.save_revision().publish()
    french_locale = Locale.objects.get(language_code="fr")
    translate(index_page, french_locale, FRENCH)

    french = translate(english, french_locale, FRENCH).specific

    assert french.closes_at == english.closes_at
    assert french.time_zone == english.time_zone
    assert french.capacity == 10
    html = client.get(french.url).content.decode()
    assert f"<h1>{FRENCH[seed.COHORT_TITLE]}</h1>" in html
    assert FRENCH[seed.ORGANISATION_QUESTION["question"]] in html
    french_index = index_page.get_translation(french_locale)
    assert opportunity_listing(index_page=french_index).open == [french]
    assert opportunity_listing(index_page=index_page).open == [english]
