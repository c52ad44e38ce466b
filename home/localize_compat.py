"""wagtail-localize workarounds, kept in one place (tested in tests/home/test_localize_compat.py).

wagtail-localize 1.14 extracts no translatable strings from Wagtail's TableBlock, so a
translated page would keep the source language's table caption and cells (the workshop
notes' priority tables). TranslatableTableBlock implements the two hooks wagtail-localize
calls on custom blocks, `get_translatable_segments` and `restore_translated_segments`:
the caption and every non-numeric cell become strings for translators.

wagtail-localize 1.14's ``after_create_page`` hook creates a new page's aliases in the
synchronised locales without checking whether they exist; home.localization also creates
them when any page is published (pages made by code get aliases too), and the admin's
create-and-publish runs both, so the hook would add a second alias and fail.
``make_alias_creation_idempotent`` points the hook at home.localization's idempotent
``create_missing_aliases``.
"""

import copy
import re

from wagtail.contrib.table_block.blocks import TableBlock
from wagtail_localize import synctree
from wagtail_localize.segments import StringSegmentValue

from home.localization import create_missing_aliases

CAPTION_PATH = "caption"
CELL_PATH = re.compile(r"^r(?P<row>\d+)c(?P<column>\d+)$")
NUMBER = re.compile(r"^[\d\s.,%£€$-]+$")


def _needs_translation(cell):
    return isinstance(cell, str) and cell.strip() and not NUMBER.match(cell.strip())


class TranslatableTableBlock(TableBlock):
    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if _needs_translation(value.get("table_caption")):
            segments.append(StringSegmentValue(CAPTION_PATH, value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for column_index, cell in enumerate(row):
                if _needs_translation(cell):
                    segments.append(StringSegmentValue(f"r{row_index}c{column_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == CAPTION_PATH:
                value["table_caption"] = text
            elif match := CELL_PATH.match(segment.path):
                value["data"][int(match["row"])][int(match["column"])] = text
        return value


def make_alias_creation_idempotent():
    # after_create_page looks the function up in its module each time it runs.
    synctree.create_aliases_for_new_page = create_missing_aliases
