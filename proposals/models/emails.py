"""The email templates staff edit (a call's own on its page's Emails tab), and the log of
exports. The log of every message sent is the site's: home.models.EmailLog."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Engine
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from home.languages import datetime_with_zone
from home.models import EmailKind

from ..call_editor import EmailPreviewPanel

# A template engine with no loaders and no extra tag libraries: staff-written
# templates can use variables and basic tags, not reach files or settings.
template_engine = Engine(
    autoescape=False,
    libraries={},
    builtins=["django.template.defaulttags", "django.template.defaultfilters"],
)

# Every variable a template may use, with a made-up value to try a template on when saved.
SAMPLE_CONTEXT = {
    "applicant_name": "Amani Applicant",
    "title": "Using FOI data to track political donations",
    "call_title": "TICTeC 2025: call for session proposals",
    "call_url": "https://example.org/call/",
    "submission_url": "https://example.org/my-submissions/1/",
    "closes_at": "1 March 2025, 23:59 GMT",
    "decisions_by": "1 April 2025, 12:00 BST",
    "answers": "Summary:\nHow access to information requests exposed donations.\n",
    "reviewer_name": "Rae Reviewer",
    "pending_count": 3,
    "queue_url": "https://example.org/admin/calls/queue/",
}


#: What a template may use, as the Emails tab lists it: (name, what it holds).
PLACEHOLDERS = [
    ("applicant_name", _("The applicant's name, as they gave it when signing up or applying.")),
    ("title", _("The submission's title.")),
    ("call_title", _("This call's title, with what it belongs to (e.g. its conference).")),
    ("call_url", _("The address of this call's page.")),
    ("submission_url", _("Where the applicant reads, edits or withdraws their submission.")),
    ("closes_at", _("When the call closes, with its time zone.")),
    (
        "decisions_by",
        _("The date decisions are due, with its time zone; empty when the call gives none."),
    ),
    ("answers", _("A copy of every answer (receipts only).")),
    ("reviewer_name", _("Reminders to reviewers: the reviewer's name.")),
    ("pending_count", _("Reminders to reviewers: how many reviews they have left.")),
    ("queue_url", _("Reminders to reviewers: the address of their list of reviews.")),
]

#: The messages a call's own page may replace (placements are written by cohorts).
CALL_EMAIL_KINDS = [
    EmailKind.CONFIRMATION,
    EmailKind.ACCEPTED,
    EmailKind.REJECTED,
    EmailKind.WAITLISTED,
    EmailKind.REVIEW_REMINDER,
]


#: Every message the engine writes, which staff may replace (the site's other emails,
#: tickets and donations, are written from file templates).
ENGINE_EMAIL_KINDS = [*CALL_EMAIL_KINDS, EmailKind.GROUP_PLACEMENT]


def sample_context(call=None):
    """SAMPLE_CONTEXT as it would read for ``call``: its title, address, dates and
    questions, with a made-up applicant and answers."""
    context = dict(SAMPLE_CONTEXT)
    if call is None:
        return context
    # As proposals.emails.submission_context names it.
    context["call_title"] = getattr(call, "admin_display_title", None) or call.title
    if call.pk and call.url:
        context["call_url"] = call.full_url or context["call_url"]
    if hasattr(call, "closes_at_local"):
        context["closes_at"] = datetime_with_zone(call.closes_at_local) or ""
        context["decisions_by"] = datetime_with_zone(call.decisions_by_local) or ""
    questions = list(call.call_questions.all()) if hasattr(call, "call_questions") else []
    if questions:
        context["answers"] = "".join(
            f"{question.label}:\n({_('their answer')})\n\n" for question in questions
        )
    return context


def template_problem(source):
    """Why this template text cannot be rendered (its error message), or None."""
    try:
        template_engine.from_string(source).render(Context(SAMPLE_CONTEXT, autoescape=False))
    except Exception as error:  # any failure means staff must fix the text
        return str(error) or error.__class__.__name__
    return None


def default_locale_id():
    """The site's default language, for a template written before languages were kept."""
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=language_code)[0].pk


class EmailTemplate(models.Model):
    """A message staff write once per call, kind and language; a template with no call is
    the default for every call. Each recipient gets the version in their language, else
    the one in the site's default language (English). Subject and body may use
    {{ applicant_name }}, {{ title }}, {{ call_title }}, {{ call_url }},
    {{ submission_url }}, {{ decisions_by }} and, for reminders, {{ reviewer_name }} and
    {{ pending_count }}."""

    # A call's own messages are edited on its page (the Emails tab, saved with the page's
    # revisions), the defaults under Calls › Email templates.
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
        choices=[(kind.value, kind.label) for kind in ENGINE_EMAIL_KINDS],
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

    # The same on a call's Emails tab (the call is the page) and for the defaults.
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("locale")]),
        FieldPanel("subject"),
        FieldPanel("body"),
        EmailPreviewPanel(),
    ]
    PLACEHOLDERS = PLACEHOLDERS
    CALL_KINDS = CALL_EMAIL_KINDS

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

    def render_sample(self, call=None):
        """(subject, body) as this template would read for a made-up submission to
        ``call`` (sample_context), or (None, the error) if it cannot be rendered."""
        context = Context(sample_context(call), autoescape=False)
        try:
            subject = template_engine.from_string(self.subject or "").render(context)
            body = template_engine.from_string(self.body or "").render(context)
        except Exception as error:  # shown to staff beside the template
            return None, str(error) or error.__class__.__name__
        return " ".join(subject.split()), body

    def clean(self):
        """A template that cannot be rendered is refused when saved, not when an email is due."""
        super().clean()
        errors = {}
        for name in ("subject", "body"):
            problem = template_problem(getattr(self, name) or "")
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
