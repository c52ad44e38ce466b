from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "conference"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data
        from .programme.agenda import signals  # noqa: F401
        from .tickets import emails as ticket_emails

        personal_data.register()
        ticket_emails.register()
