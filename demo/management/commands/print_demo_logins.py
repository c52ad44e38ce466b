from django.conf import settings
from django.core.management.base import BaseCommand

from demo.loader import DEMO_PASSWORD, demo_logins


class Command(BaseCommand):
    help = "Print the demo logins that load_demo_content creates."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=settings.WAGTAILADMIN_BASE_URL)

    def handle(self, *args, **options):
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for user in demo_logins():
            role = "superuser" if user.get("superuser") else ", ".join(user["groups"])
            self.stdout.write(f"  {user['email']:<26} {user['name']:<18} {role or 'applicant'}")
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(
            f"Sign in at {base_url}/accounts/login/ ; the admin is at {base_url}/admin/"
        )
