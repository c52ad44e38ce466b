"""Demo content for the proposals engine: the default email templates in every language
of the site, so staff can see and edit every message the engine sends (Calls › Email
templates), and a French or Dutch applicant gets them in their language: an English row
alone would be sent to them instead of the built-in translation. Calls themselves are
built by the apps that host them (conference.demo_call, cohorts.demo).

Idempotent: a default template is created only when none exists for its kind and language.
"""

from django.conf import settings
from wagtail.models import Locale

from home.languages import in_language

from .emails import DEFAULT_TEMPLATES
from .models import EmailTemplate


def load(stdout=None):
    created = 0
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        with in_language(language_code):
            for kind, (subject, body) in DEFAULT_TEMPLATES.items():
                _template, was_created = EmailTemplate.objects.get_or_create(
                    call=None,
                    kind=kind,
                    locale=locale,
                    defaults={"subject": str(subject), "body": str(body)},
                )
                created += was_created
    if stdout is not None:
        stdout.write(f"proposals: {created} default email templates added")
    return created
