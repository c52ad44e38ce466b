from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    """One run of the retention policy (home/tasks.py): scheduled, then done.

    The newest row not yet started is the next run; a run whose row has been superseded by
    a newer one does nothing, so the self-scheduling chain never doubles. Done rows say what
    was erased and when (counts only: no personal data).
    """

    scheduled_for = models.DateTimeField(_("scheduled for"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    cutoff = models.DateTimeField(_("erased what was last changed before"), null=True, blank=True)
    # {section: number of records erased} or {"skipped": why}
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)

    class Meta:
        verbose_name = _("retention run")
        ordering = ["-scheduled_for", "-pk"]

    def __str__(self):
        return f"{self.scheduled_for:%Y-%m-%d %H:%M}"
