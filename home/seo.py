"""What a page says about itself to search engines and social previews.

Every page type has some text that summarises it; the first non-empty one of
``DESCRIPTION_SOURCES`` becomes the meta and Open Graph description, so editors who
leave Wagtail's "search description" empty still get a good one.
"""

import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import Truncator

DESCRIPTION_SOURCES = ("search_description", "summary", "introduction", "abstract", "bio")
IMAGE_SOURCES = ("photo", "image")
MAX_DESCRIPTION_LENGTH = 160


# Where a block ends, words of the next one must not run on ("2025.In light of").
BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>)", re.IGNORECASE)


def plain_text(value):
    """Rich text or HTML as one line of plain text."""
    spaced = BLOCK_END.sub(r" \1", str(value or ""))
    return " ".join(unescape(strip_tags(spaced)).split())


def page_description(page):
    for name in DESCRIPTION_SOURCES:
        text = plain_text(getattr(page, name, ""))
        if text:
            return Truncator(text).chars(MAX_DESCRIPTION_LENGTH)
    return ""


def page_image(page):
    """The page's own picture for social previews and its alt text (the page's
    ``<field>_alt_text`` where it has one), or (None, "") for the site's default."""
    for name in IMAGE_SOURCES:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image, getattr(page, f"{name}_alt_text", "") or image.default_alt_text
    return None, ""
