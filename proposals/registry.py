"""Which page types host calls: every concrete Page subclass of CallPageMixin."""

from django.conf import settings
from django.db.models import Q
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .models.hosts import call_page_models

__all__ = ["call_page_models", "call_pages"]


def call_pages():
    """Every call, as its specific class, across host apps: once, not once per language
    (a French or Dutch version takes applications for the call it mirrors, see
    CallPageMixin.call_for_submissions)."""
    if not call_page_models():
        return Page.objects.none()
    pages = Page.objects.type(*call_page_models()).filter(alias_of__isnull=True)
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    in_default_language = pages.filter(locale__language_code=default)
    return pages.filter(
        Q(locale__language_code=default)
        | ~Q(translation_key__in=in_default_language.values("translation_key"))
    ).specific()
