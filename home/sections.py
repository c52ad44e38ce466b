"""Sections other apps put on the home page without anyone remembering to feature them
(the next conference, open calls). Home imports no other app: each contributes through
the ``home_page_sections`` Wagtail hook, a function of ``home_page``, ``request`` and
``default_locale_id`` (for content not yet translated) returning a :class:`HomeSection`
or None."""

from dataclasses import dataclass, field
from operator import attrgetter

from wagtail import hooks
from wagtail.models import Locale

HOOK_NAME = "home_page_sections"


@dataclass(frozen=True)
class HomeSection:
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


def home_sections(*, home_page, request):
    default_locale_id = Locale.get_default().pk
    sections = [
        hook(home_page=home_page, request=request, default_locale_id=default_locale_id)
        for hook in hooks.get_hooks(HOOK_NAME)
    ]
    return sorted((section for section in sections if section), key=attrgetter("order"))
