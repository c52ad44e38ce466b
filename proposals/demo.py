"""Demo content for the proposals engine: the default email templates, so staff can
see and edit every message the engine sends (Calls › Email templates). Calls
themselves are built by the apps that host them (conference.demo_call, cohorts.demo).

Idempotent: a default template is created only when none exists for its kind.
"""

from .emails import DEFAULT_TEMPLATES
from .models import EmailTemplate


def load(stdout=None):
    created = 0
    for kind, (subject, body) in DEFAULT_TEMPLATES.items():
        _template, was_created = EmailTemplate.objects.get_or_create(
            call=None, kind=kind, defaults={"subject": subject, "body": body}
        )
        created += was_created
    if stdout is not None:
        stdout.write(f"proposals: {created} default email templates added")
    return created
