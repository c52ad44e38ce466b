from django.core.management.base import BaseCommand

from home.mail import sending


class Command(BaseCommand):
    help = (
        "Send again the emails that failed (a broken template, a provider that was down) "
        f"once their wait is over, up to {sending.MAX_ATTEMPTS} attempts, and any queued "
        "email whose task was lost. The task queue does this by itself when it can run "
        "tasks later (the database backend); run this from cron as a safety net."
    )

    def handle(self, *args, **options):
        count = sending.retry_failed()
        self.stdout.write(f"Queued {count} email(s) again.")
