from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions, personal_data

        permissions.register()
        personal_data.register()
