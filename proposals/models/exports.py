"""The record of every export of personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ExportLog(models.Model):
    """Exports hold personal data, so each one is recorded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    call = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    what = models.CharField(max_length=60)
    file_format = models.CharField(max_length=10)
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.what} ({self.file_format}) {self.created_at:%Y-%m-%d %H:%M}"
