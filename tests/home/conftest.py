import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, title="News", slug="news")


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate every string of a page as a translator would: export the PO file,
    fill it in, import it and publish the target page (wagtail-localize publishes on commit)."""

    def translate_page(page, language_code, prefix):
        with django_capture_on_commit_callbacks(execute=True):
            _translate(page, language_code, prefix)
        locale = Locale.objects.get(language_code=language_code)
        return page.get_translation(locale).specific

    return translate_page


def _translate(page, language_code, prefix):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"{prefix} {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=True)
