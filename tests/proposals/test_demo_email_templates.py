"""The demo's default email templates exist in every language of the site, so a French
or Dutch applicant is not sent the English row instead of their language's text."""

import pytest

from proposals import demo
from proposals.emails import DEFAULT_TEMPLATES, get_template
from proposals.models import EmailKind, EmailTemplate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "We received your submission: {{ title }}"),
        ("fr", "Nous avons reçu votre proposition : {{ title }}"),
        ("nl", "We hebben uw inzending ontvangen: {{ title }}"),
    ],
)
def test_the_demo_receipt_is_in_the_applicants_language(language, subject):
    demo.load()

    assert get_template(call_id=None, kind=EmailKind.CONFIRMATION, language=language)[0] == subject


def test_loading_twice_adds_nothing():
    first = demo.load()

    assert demo.load() == 0
    assert first == EmailTemplate.objects.count() == 3 * len(DEFAULT_TEMPLATES)
