from django.core.management.base import BaseCommand

from demo import loader


class Command(BaseCommand):
    help = (
        "Build the demo site from demo/content/*.json and the charity's real texts. Safe to "
        "run again: existing demo content is found and kept, never duplicated."
    )

    def handle(self, *args, **options):
        loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
