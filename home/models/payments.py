from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessedStripeEvent(models.Model):
    """A Stripe webhook event already handled; its unique id makes every delivery count once.

    The row is written in the same transaction as the fulfilment it records, so a replay,
    a retry or two deliveries at the same moment change nothing the second time.
    """

    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=100)
    outcome = models.CharField(max_length=40, blank=True)
    processed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("processed Stripe event")
        ordering = ["-processed_at"]

    def __str__(self):
        return f"{self.event_type} {self.event_id}"
