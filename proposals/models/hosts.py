"""The page types that host calls, and which calls a person may not see."""

from django.apps import apps
from wagtail.models import Page

from ..roles import user_groups
from .mixins import CallPageMixin


def call_page_models():
    """Every concrete page type that mixes in the call behaviour, across host apps."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, CallPageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def hidden_call_ids(user):
    """Ids of calls restricted to a group the user is not in, across every host type."""
    if user.is_superuser:
        return []
    group_ids = list(user_groups(user))
    ids = []
    for model in call_page_models():
        ids.extend(
            model.objects.filter(restricted_to_group__isnull=False)
            .exclude(restricted_to_group_id__in=group_ids)
            .values_list("pk", flat=True)
        )
    return ids
