"""Which page types host calls: every concrete Page subclass of CallPageMixin."""

from django.apps import apps


def call_page_models():
    from wagtail.models import Page

    from .models import CallPageMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, CallPageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def call_pages():
    """Every call page, as its specific class, across host apps."""
    from wagtail.models import Page

    return (
        Page.objects.type(*call_page_models()).specific()
        if call_page_models()
        else Page.objects.none()
    )
