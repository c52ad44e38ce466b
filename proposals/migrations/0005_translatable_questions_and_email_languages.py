"""Questions and rubric criteria are translated with their call page (TranslatableMixin);
email templates have a version per language; a submission keeps the language it was made
in and the email log the language of each message.

Existing questions and criteria take their page's locale. The same question on
translations of one page (the same clean_name; for criteria, the same place in the
rubric) gets one translation_key, so wagtail-localize treats them as one question.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import home.models.emails


def give_existing_rows_a_locale(apps, schema_editor):
    for model_name, match in (("CallQuestion", "clean_name"), ("RubricCriterion", None)):
        model = apps.get_model("proposals", model_name)
        keys = {}
        used = set()
        rows = model.objects.select_related("page").order_by("page_id", "sort_order", "pk")
        place = {}
        for row in rows:
            position = place.get(row.page_id, 0)
            place[row.page_id] = position + 1
            same = getattr(row, match) if match else position
            key = keys.setdefault((row.page.translation_key, same), uuid.uuid4())
            if (key, row.page.locale_id) in used:  # two alike on one page: keep them apart
                key = uuid.uuid4()
            used.add((key, row.page.locale_id))
            model.objects.filter(pk=row.pk).update(translation_key=key, locale=row.page.locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0004_review_lock_and_history"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # Questions and rubric criteria: translatable.
        migrations.AddField(
            model_name="callquestion",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="callquestion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="rubriccriterion",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="rubriccriterion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_existing_rows_a_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="callquestion",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="callquestion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="rubriccriterion",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="rubriccriterion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="callquestion",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="rubriccriterion",
            unique_together={("translation_key", "locale")},
        ),
        # Email templates: a version per language (existing ones are the default language's).
        migrations.RemoveConstraint(
            model_name="emailtemplate",
            name="one_email_template_per_call_kind",
        ),
        migrations.AddField(
            model_name="emailtemplate",
            name="locale",
            field=models.ForeignKey(
                default=home.models.emails.default_locale_id,
                help_text="Recipients who use this language get this version.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="language",
            ),
        ),
        migrations.AddConstraint(
            model_name="emailtemplate",
            constraint=models.UniqueConstraint(
                fields=("call", "kind", "locale"), name="one_email_template_per_call_kind_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="emailtemplate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("call__isnull", True)),
                fields=("kind", "locale"),
                name="one_default_email_template_per_kind_locale",
                violation_error_message=(
                    "There is already a default template of this kind in this language."
                ),
            ),
        ),
        # The language each applicant applied in, and each message is written in.
        migrations.AddField(
            model_name="submission",
            name="language",
            field=models.CharField(blank=True, max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="emaillog",
            name="language",
            field=models.CharField(blank=True, max_length=10, verbose_name="language"),
        ),
    ]
