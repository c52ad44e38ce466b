"""The table block's editor (handsontable, shipped with Wagtail) is given a language it
knows, whatever the admin's language: an unknown code ("en", "fr", "nl", which Wagtail
passes by default) logs an error in the editor's console."""

import re
from pathlib import Path

import pytest
import wagtail.contrib.table_block
from django.utils import translation
from wagtail.contrib.table_block.blocks import TableInputAdapter

from home.blocks import TABLE_OPTIONS, TableStructBlock
from home.localize_compat import TranslatableTableBlock

HANDSONTABLE = (
    Path(wagtail.contrib.table_block.__file__).parent
    / "static/table_block/js/vendor/handsontable-6.2.2.full.min.js"
)


def registered_languages():
    return set(re.findall(r'languageCode:"([A-Za-z-]+)"', HANDSONTABLE.read_text()))


def editor_language(block):
    """The language the editor's JavaScript is handed (the widget's telepath arguments)."""
    options, _strings = TableInputAdapter().js_args(block.field.widget)
    return options["language"]


def test_the_site_table_block_hands_the_editor_a_registered_language():
    assert editor_language(TableStructBlock().child_blocks["table"]) in registered_languages()


@pytest.mark.parametrize("admin_language", ["en", "fr", "nl"])
def test_whatever_the_admin_language(admin_language):
    with translation.override(admin_language):
        block = TranslatableTableBlock(table_options=TABLE_OPTIONS)

    assert editor_language(block) in registered_languages()
