"""One set of email templates for the whole site: proposals.EmailTemplate becomes
home.EmailTemplate. Its table (proposals_emailtemplate) is taken over and renamed, nothing
is copied; a call's own messages stay on its page (the same ParentalKey, the same related
name, so its revisions read as before). Staff may now write the ticket and donation
emails too. The permissions keep their ids (their content type moves with the model); the
Programme team, who edit the templates, are given them.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import home.models.emails

ENGINE_KINDS = [
    ("confirmation", "Submission received"),
    ("accepted", "Outcome: accepted"),
    ("rejected", "Outcome: not accepted"),
    ("waitlisted", "Outcome: waiting list"),
    ("review_reminder", "Reminder to reviewers"),
    ("group_placement", "Placement in a group or cohort"),
]
KINDS = [
    *ENGINE_KINDS,
    ("ticket_receipt", "Ticket receipt"),
    ("ticket_cancelled", "Ticket cancelled"),
    ("presenter_link", "Presenter's ticket link"),
    ("donation_thanks", "Thanks for a donation"),
]
GRANTED = [
    "add_emailtemplate",
    "change_emailtemplate",
    "delete_emailtemplate",
    "view_emailtemplate",
]


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="home", model="emailtemplate").exists():
        ContentType.objects.filter(app_label="proposals", model="emailtemplate").update(
            app_label="home"
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="proposals", model="emailtemplate").exists():
        ContentType.objects.filter(app_label="home", model="emailtemplate").update(
            app_label="proposals"
        )


def programme_team_writes_the_templates(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="home", codename__in=GRANTED)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0009_email_log"),
        ("proposals", "0009_email_templates_move_to_home"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailTemplate",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=ENGINE_KINDS,
                                help_text="Which message this replaces.",
                                max_length=20,
                                verbose_name="message",
                            ),
                        ),
                        ("subject", models.CharField(max_length=200, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="body")),
                        (
                            "call",
                            modelcluster.fields.ParentalKey(
                                blank=True,
                                help_text="Leave empty to make this the default for every call.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="call_email_templates",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="call",
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                default=home.models.emails.default_locale_id,
                                help_text="Recipients who use this language get this version.",
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="language",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "email template",
                        "verbose_name_plural": "email templates",
                        "db_table": "proposals_emailtemplate",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("call", "kind", "locale"),
                                name="one_email_template_per_call_kind_locale",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("call__isnull", True)),
                                fields=("kind", "locale"),
                                name="one_default_email_template_per_kind_locale",
                                violation_error_message=(
                                    "There is already a default template of this kind in this "
                                    "language."
                                ),
                            ),
                        ],
                    },
                ),
            ]
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.AlterModelTable(name="emailtemplate", table=None),
        migrations.AlterField(
            model_name="emailtemplate",
            name="kind",
            field=models.CharField(
                choices=KINDS,
                help_text="Which message this replaces.",
                max_length=20,
                verbose_name="message",
            ),
        ),
        migrations.RunPython(programme_team_writes_the_templates, migrations.RunPython.noop),
    ]
