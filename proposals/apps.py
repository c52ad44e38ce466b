from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Calls and submissions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import emails, personal_data

        personal_data.register()
        emails.register()
