from allauth.account.signals import user_signed_up
from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _start_retention(sender, using="default", **kwargs):
    """Every deploy migrates: make sure the daily retention run is queued."""
    from django_tasks_db.models import DBTaskResult

    from home.models import RetentionRun
    from home.tasks import can_schedule, ensure_retention_scheduled

    if not can_schedule():
        return
    tables = connections[using].introspection.table_names()
    if RetentionRun._meta.db_table in tables and DBTaskResult._meta.db_table in tables:
        ensure_retention_scheduled()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import checks, page_cache, personal_data  # noqa: F401  (checks registers itself)
        from home.donations import emails as donation_emails
        from home.languages import remember_signup_language
        from home.localization import connect_signals as connect_translation_signals
        from home.localize_compat import make_alias_creation_idempotent
        from home.mail import tracking  # noqa: F401  (connects to anymail's delivery events)

        personal_data.register_home_sections()
        donation_emails.register()
        user_signed_up.connect(remember_signup_language, dispatch_uid="home.languages.signup")
        connect_translation_signals()
        make_alias_creation_idempotent()
        page_cache.connect_signals()
        post_migrate.connect(_start_retention, sender=self)
