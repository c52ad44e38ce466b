from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "conference"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data
        from .programme.agenda import signals  # noqa: F401

        personal_data.register()
