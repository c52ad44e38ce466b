"""The log of every email the site sends: what, to whom, about what, and how it went.

Messages are queued, rendered and sent by home/mail (one way to send email for the whole
site: calls, tickets, donations); each app says how its kinds are written
(``home.mail.register``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.mail.registry import restrict


class EmailKind(models.TextChoices):
    # The proposals engine (a call's own page may replace these: proposals.EmailTemplate).
    CONFIRMATION = "confirmation", _("Submission received")
    ACCEPTED = "accepted", _("Outcome: accepted")
    REJECTED = "rejected", _("Outcome: not accepted")
    WAITLISTED = "waitlisted", _("Outcome: waiting list")
    REVIEW_REMINDER = "review_reminder", _("Reminder to reviewers")
    GROUP_PLACEMENT = "group_placement", _("Placement in a group or cohort")
    # Tickets and donations.
    TICKET_RECEIPT = "ticket_receipt", _("Ticket receipt")
    TICKET_CANCELLED = "ticket_cancelled", _("Ticket cancelled")
    PRESENTER_LINK = "presenter_link", _("Presenter's ticket link")
    DONATION_THANKS = "donation_thanks", _("Thanks for a donation")


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    DELIVERED = "delivered", _("Delivered")
    BOUNCED = "bounced", _("Bounced")
    REJECTED = "rejected", _("Rejected by provider")
    COMPLAINED = "complained", _("Marked as spam")
    OPENED = "opened", _("Opened")


class EmailLogQuerySet(models.QuerySet):
    def about(self, obj):
        """The messages about ``obj`` (a submission, a registration, a donation)."""
        return self.filter(about_type=ContentType.objects.get_for_model(obj), about_id=obj.pk)

    def visible_to(self, user):
        """What ``user`` may read in the log: nothing without ``home.view_emaillog``; of
        the rest, what every app's rule lets them see (``home.mail.register``: a kind may
        need its own permission, a confidential call's messages stay in its group)."""
        if not user.has_perm("home.view_emaillog"):
            return self.none()
        return restrict(self, user)


class EmailLog(models.Model):
    kind = models.CharField(_("message"), max_length=20, choices=EmailKind.choices)
    # What the message is about (a submission, a registration, a donation), and the page
    # it belongs to (the call, the conference, the donation page): what the log is
    # filtered by, and what decides who may read it.
    about_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about"),
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to = models.EmailField(_("to"))
    # The recipient's language when it was queued: it is rendered (and retried) in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    # What rendering it needs beyond ``about`` (JSON): kept so that a retry can write it again.
    context = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    message_id = models.CharField(
        _("provider message id"), max_length=255, blank=True, db_index=True
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EmailLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("email log entry")
        verbose_name_plural = _("email log")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["about_type", "about_id"], name="email_log_about")]

    def __str__(self):
        return f"{self.to}: {self.subject}"
