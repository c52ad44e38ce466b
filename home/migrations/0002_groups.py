"""Groups that give staff their roles. Editors and Moderators come from Wagtail,
together with its default "Moderators approval" workflow on the whole tree."""

from django.db import migrations

NEW_GROUPS = ["Reviewers", "Programme team"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in NEW_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin:
            group.permissions.add(access_admin)
    # The programme team edits conference and call pages like editors do.
    programme = Group.objects.get(name="Programme team")
    root = Page.objects.filter(depth=1).first()
    if root:
        for codename in ["add_page", "change_page", "publish_page"]:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=programme, page=root, permission=permission
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=NEW_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
