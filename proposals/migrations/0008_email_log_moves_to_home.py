"""The email log becomes the site's (home.EmailLog, home/migrations/0009): the model
leaves this app's state; its table is kept and taken over (and renamed) by home."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0007_basepage_introduction"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel("EmailLog")])
    ]
