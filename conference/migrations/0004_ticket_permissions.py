"""The programme team manages ticket types and registrations (view, add, change);
registrations are never added or deleted in the admin (see tickets_wagtail_hooks)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "tickettype": ["view", "add", "change"],
    "registration": ["view", "change"],
}


def grant(apps, schema_editor):
    # Permissions for new models are normally created after all migrations have run.
    app_config = apps.get_app_config("conference")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is None:
        return
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="conference",
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="conference", content_type__model__in=list(GRANTS)
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("conference", "0003_callforproposalspage_sessionproposal"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
