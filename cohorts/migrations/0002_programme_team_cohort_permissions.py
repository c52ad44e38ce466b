"""The Programme team forms cohorts in the admin: give the group the cohort permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_cohort", "change_cohort", "delete_cohort", "view_cohort", "notify_cohort"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config("cohorts")
    app_config.models_module = True  # the migration state's stub has none; permissions need one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Programme team")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="cohorts", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cohorts", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
