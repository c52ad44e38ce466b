import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = (
        "Build the demo site from the charity's real texts. Safe to run again: "
        "existing demo content is found and kept, never duplicated."
    )

    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: hundreds of lines here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        for dotted_path in settings.DEMO_CONTENT_LOADERS:
            loader = import_string(dotted_path)
            with transaction.atomic():
                loader(stdout=self.stdout)
            self.stdout.write(f"Loaded {dotted_path}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
