from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo logins that load_demo_content creates."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=settings.WAGTAILADMIN_BASE_URL)

    def handle(self, *args, **options):
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for email, name, groups, is_superuser in DEMO_USERS:
            role = "superuser" if is_superuser else (", ".join(groups) or "applicant")
            self.stdout.write(f"  {email:<26} {name:<18} {role}")
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(
            f"Sign in at {base_url}/accounts/login/ ; the admin is at {base_url}/admin/"
        )
