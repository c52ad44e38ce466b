from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's content as data (``content/``, ``texts/``) and its one loader."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
