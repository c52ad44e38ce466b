"""The email templates become the site's (home.EmailTemplate, home/migrations/0010): the
model leaves this app's state; its table is kept and taken over (and renamed) by home."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0008_email_log_moves_to_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel("EmailTemplate")]
        )
    ]
