from django.core.management.base import BaseCommand

from proposals.services import anonymise_older_than


class Command(BaseCommand):
    help = "Erase personal data (answers, files, contact details) of submissions older than --days; scores are kept."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, required=True, help="Age in days since the submission last changed."
        )

    def handle(self, *args, days, **options):
        count = anonymise_older_than(days=days)
        self.stdout.write(f"Anonymised {count} submission(s).")
