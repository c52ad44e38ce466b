"""One email log for the whole site: proposals.EmailLog becomes home.EmailLog.

Its table (proposals_emaillog) is taken over and renamed, nothing is copied. A message is
now about any object (``about``: a submission, a registration, a donation) and belongs to
a page (``page``: the call, the conference, the donation page); the submission a message
was about becomes its ``about``, and that submission's call its ``page``. It keeps its
``context`` so that a retry can write it again. The permissions keep their ids (their
content type moves with the model), so groups keep what they were given; the Programme
team, who read the log, are given "Can view email log entry".
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

KINDS = [
    ("confirmation", "Submission received"),
    ("accepted", "Outcome: accepted"),
    ("rejected", "Outcome: not accepted"),
    ("waitlisted", "Outcome: waiting list"),
    ("review_reminder", "Reminder to reviewers"),
    ("group_placement", "Placement in a group or cohort"),
    ("ticket_receipt", "Ticket receipt"),
    ("ticket_cancelled", "Ticket cancelled"),
    ("presenter_link", "Presenter's ticket link"),
    ("donation_thanks", "Thanks for a donation"),
]


def move_content_type(apps, schema_editor):
    """proposals | emaillog becomes home | emaillog, with its permissions."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="home", model="emaillog").exists():
        ContentType.objects.filter(app_label="proposals", model="emaillog").update(app_label="home")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="proposals", model="emaillog").exists():
        ContentType.objects.filter(app_label="home", model="emaillog").update(app_label="proposals")


def about_the_submission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    EmailLog = apps.get_model("home", "EmailLog")
    Submission = apps.get_model("proposals", "Submission")
    if not EmailLog.objects.filter(submission__isnull=False).exists():
        return
    submission_type, _created = ContentType.objects.get_or_create(
        app_label="proposals", model="submission"
    )
    EmailLog.objects.filter(submission__isnull=False).update(
        about_type=submission_type,
        about_id=models.F("submission_id"),
        page_id=Subquery(Submission.objects.filter(pk=OuterRef("submission_id")).values("call_id")),
    )


def submission_again(apps, schema_editor):
    EmailLog = apps.get_model("home", "EmailLog")
    EmailLog.objects.filter(
        about_type__app_label="proposals", about_type__model="submission"
    ).update(submission_id=models.F("about_id"))


def programme_team_reads_the_log(apps, schema_editor):
    # Permissions for a model new to an app are normally created after all migrations.
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme team").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="home", codename="view_emaillog")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0008_body_table_language"),
        ("proposals", "0008_email_log_moves_to_home"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailLog",
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
                            models.CharField(choices=KINDS[:6], max_length=20, verbose_name="kind"),
                        ),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        (
                            "language",
                            models.CharField(blank=True, max_length=10, verbose_name="language"),
                        ),
                        ("subject", models.CharField(max_length=255, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="body")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                    ("delivered", "Delivered"),
                                    ("bounced", "Bounced"),
                                    ("rejected", "Rejected by provider"),
                                    ("complained", "Marked as spam"),
                                    ("opened", "Opened"),
                                ],
                                default="queued",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "message_id",
                            models.CharField(
                                blank=True,
                                db_index=True,
                                max_length=255,
                                verbose_name="provider message id",
                            ),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="created"
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "recipient_user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "submission",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="proposals.submission",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "email log entry",
                        "verbose_name_plural": "email log",
                        "ordering": ["-created_at"],
                        "db_table": "proposals_emaillog",
                    },
                ),
            ]
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.AlterModelTable(name="emaillog", table=None),
        migrations.AlterField(
            model_name="emaillog",
            name="kind",
            field=models.CharField(choices=KINDS, max_length=20, verbose_name="message"),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="about_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.page",
                verbose_name="about",
            ),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="context",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(about_the_submission, submission_again),
        migrations.RemoveField(model_name="emaillog", name="submission"),
        migrations.AddIndex(
            model_name="emaillog",
            index=models.Index(fields=["about_type", "about_id"], name="email_log_about"),
        ),
        migrations.RunPython(programme_team_reads_the_log, migrations.RunPython.noop),
    ]
