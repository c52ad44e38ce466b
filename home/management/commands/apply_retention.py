from django.conf import settings
from django.core.management.base import BaseCommand

from home import personal_data
from home.tasks import ensure_retention_scheduled


class Command(BaseCommand):
    help = (
        "Erase personal data kept longer than PERSONAL_DATA_RETENTION_DAYS: submissions are "
        "anonymised (scores and status kept), drafts deleted. --dry-run lists, changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be erased; change nothing."
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days (default: PERSONAL_DATA_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Only make sure the daily run is queued (migrate does this too).",
        )

    def handle(self, *args, dry_run, days, schedule, **options):
        if schedule:
            run = ensure_retention_scheduled()
            if run is None:
                self.stderr.write("The task backend cannot run tasks later: nothing scheduled.")
            else:
                self.stdout.write(f"Next retention run: {run.scheduled_for:%Y-%m-%d %H:%M %Z}.")
            return
        days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
        report = personal_data.apply_retention(days=days, dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        for section, done in report.items():
            for line in done:
                self.stdout.write(f"{section}: {line}")
            self.stdout.write(f"{verb} {len(done)} from {section} (kept over {days} days).")
