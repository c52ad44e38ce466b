"""The log of every email the site sends (what, to whom, about what, and how it went),
and the messages staff write instead of the built-in ones.

Messages are queued, rendered and sent by home/mail (one way to send email for the whole
site: calls, tickets, donations); each app says how its kinds are written and what staff
may write in them (``home.mail.registry``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from home.mail import registry, templates
from home.mail.panels import EmailPreviewPanel


class EmailKind(models.TextChoices):
    # The proposals engine (a call's own page may replace these on its Emails tab).
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
        return registry.restrict(self, user)


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


def default_locale_id():
    """The site's default language, for a template written before languages were kept."""
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=language_code)[0].pk


class EmailTemplateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The site's default messages (a call's own are edited on its page), less the
        kinds ``user`` may not read in the log (a donation's thanks, say)."""
        return self.filter(call__isnull=True).exclude(kind__in=registry.hidden_kinds(user))

    def text_for(self, *, kind, page_id=None, language):
        """(subject, body) staff wrote for this kind: for ``page_id`` (a call's own), else
        the default for every page; in ``language``, else in the site's default
        language; None if they wrote none (the message's built-in text is used)."""
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        rows = {
            (row.call_id, row.locale.language_code): row
            for row in self.filter(
                Q(call_id=page_id) | Q(call__isnull=True),
                kind=kind,
                locale__language_code__in={language, default_language},
            ).select_related("locale")
        }
        for key in (
            (page_id, language),
            (page_id, default_language),
            (None, language),
            (None, default_language),
        ):
            if key in rows:
                return rows[key].subject, rows[key].body
        return None


class EmailTemplate(models.Model):
    """A message staff write once per kind and language, instead of the built-in one: the
    default for the whole site, or (``call``) a call's own, edited on its page's Emails
    tab and saved with its revisions. Each recipient gets the version in their language,
    else the one in the site's default language (English). A message offers the
    placeholders registered with its kind (home.mail.registry)."""

    call = ParentalKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="call_email_templates",
        verbose_name=_("call"),
        help_text=_("Leave empty to make this the default for every call."),
    )
    kind = models.CharField(
        _("message"),
        max_length=20,
        choices=EmailKind.choices,
        help_text=_("Which message this replaces."),
    )
    locale = models.ForeignKey(
        Locale,
        on_delete=models.PROTECT,
        default=default_locale_id,
        related_name="+",
        verbose_name=_("language"),
        help_text=_("Recipients who use this language get this version."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))

    objects = EmailTemplateQuerySet.as_manager()

    # The same on a call's Emails tab (the call is the page) and for the defaults.
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("locale")]),
        FieldPanel("subject"),
        FieldPanel("body"),
        EmailPreviewPanel(),
    ]

    class Meta:
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "kind", "locale"], name="one_email_template_per_call_kind_locale"
            ),
            # NULLs are distinct in a unique index: one default per kind and language too.
            models.UniqueConstraint(
                fields=["kind", "locale"],
                condition=models.Q(call__isnull=True),
                name="one_default_email_template_per_kind_locale",
                violation_error_message=_(
                    "There is already a default template of this kind in this language."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.locale.get_display_name()}): {self.subject}"

    def render_sample(self, page=None):
        """(subject, body) as this template would read for made-up values (as they would
        read for ``page``, a call, when given), or (None, the error) if it cannot be
        rendered."""
        try:
            return templates.render(
                subject=self.subject or "",
                body=self.body or "",
                context=registry.sample(self.kind, page),
            )
        except Exception as error:  # shown to staff beside the template
            return None, str(error) or error.__class__.__name__

    def clean(self):
        """A template that cannot be rendered is refused when saved, not when an email is due."""
        super().clean()
        errors = {}
        sample = registry.sample(self.kind)
        for name in ("subject", "body"):
            problem = templates.problem(getattr(self, name) or "", sample)
            if problem:
                errors[name] = ValidationError(
                    _("This template cannot be used: %(problem)s"),
                    code="invalid_template",
                    params={"problem": problem},
                )
        if not errors and self._another_default_exists():
            # The database's constraint says so too, but a form that does not post
            # ``call`` skips it and would fail on saving.
            errors["kind"] = ValidationError(
                _("There is already a default template of this kind in this language."),
                code="unique_default",
            )
        if errors:
            raise ValidationError(errors)

    def _another_default_exists(self):
        if self.call_id is not None or not self.kind or self.locale_id is None:
            return False
        others = EmailTemplate.objects.filter(
            call__isnull=True, kind=self.kind, locale_id=self.locale_id
        )
        return others.exclude(pk=self.pk).exists() if self.pk else others.exists()
