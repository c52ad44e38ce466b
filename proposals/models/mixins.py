"""CallPageMixin: what makes any Wagtail page a call for submissions.

See ``proposals/README.md`` for how another app hosts a call.
"""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache

from ..call_editor import (
    CallPageForm,
    EmailInlinePanel,
    QuestionInlinePanel,
    RubricInlinePanel,
)
from ..roles import MANAGE_CALL

DEFAULT_TIME_ZONE = "Europe/London"


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone, e.g. Europe/London."), params={"value": value}
        )


def call_edit_handler(
    content_panels, *, call_panels=None, call_heading=None, questions_heading=None
):
    """The editor tabs of a page that hosts a call: its content, the call's settings,
    questions, rubric and emails, then Wagtail's promote and settings tabs."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(
                call_panels or CallPageMixin.call_settings_panels,
                heading=call_heading or _("Call"),
            ),
            ObjectList(
                CallPageMixin.call_question_panels, heading=questions_heading or _("Questions")
            ),
            ObjectList(CallPageMixin.call_rubric_panels, heading=_("Rubric")),
            ObjectList(CallPageMixin.call_email_panels, heading=_("Emails")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


class CallPageMixin(models.Model):
    """Mix into a Page subclass *before* ``Page``: ``class MyCall(CallPageMixin, Page)``."""

    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    decisions_by = models.DateTimeField(_("decisions by"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Dates and times are shown to applicants in this time zone."),
    )
    call_guidance = RichTextField(_("guidance for applicants"), blank=True)
    account_required = models.BooleanField(
        _("account required"),
        default=True,
        help_text=_(
            "Applicants sign in, can save drafts and come back. Without it only a one-go form is offered."
        ),
    )
    allow_multiple_submissions = models.BooleanField(
        _("one person may submit several"), default=False
    )
    reviews_per_submission = models.PositiveSmallIntegerField(
        _("reviews per submission"), default=3
    )
    anonymised_review = models.BooleanField(
        _("anonymised review"),
        default=False,
        help_text=_(
            "Reviewers do not see names, email addresses or answers marked as personal data."
        ),
    )
    restricted_to_group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("restricted to group"),
        help_text=_(
            "For confidential calls (e.g. board roles): only this group, and reviewers assigned, see submissions."
        ),
    )

    class Meta:
        abstract = True

    #: Reads and shows the dates in the call's time zone, not the editor's account's.
    base_form_class = CallPageForm

    # --- Hooks a host may override -------------------------------------------------
    #: A proposals.forms.SubmissionDetailsForm subclass for typed per-call fields, or its
    #: dotted path (a page module must not import the forms that import its models).
    submission_details_form_class = None
    #: Label of the title field; None hides it (then override get_submission_title).
    submission_title_label = _("Title")
    submission_title_help_text = ""
    #: True where the title is the applicant's name or organisation: anonymised
    #: reviewers then see a reference instead (proposals.permissions.display_title).
    submission_title_identifies_applicant = False
    #: What rubric "applies only to" keys refer to, e.g. "session format".
    rubric_category_label = _("category")
    #: Template for the call page (guidance + form); hosts may point to their own.
    call_template = "proposals/call_page.html"

    def get_rubric_categories(self):
        """[(key, label)] a rubric criterion may be limited to."""
        return []

    def get_submission_categories(self, submission):
        """The category keys of one submission (e.g. its format's slug)."""
        return set()

    def get_submission_title(self, *, cleaned_data, details=None):
        return cleaned_data.get("title", "")

    def get_submission_summary(self, submission, anonymised=False):
        """Extra (label, value) rows of typed fields shown to reviewers, in emails and
        exports; with ``anonymised`` leave out anything that identifies people."""
        return []

    def summary_rows(self, submission, *, anonymised=False):
        """The host's get_submission_summary rows, as reviewers, emails and exports use them."""
        return self.get_submission_summary(submission, anonymised=anonymised)

    def get_submission_queryset(self, queryset):
        """Add select_related/prefetch_related for the host's typed fields, so reviewer
        and ranking pages stay at a fixed number of queries."""
        return queryset

    #: The ranking's filters: a proposals.filters.RankingFilterSet subclass, or its
    #: dotted path (so a page module need not import it).
    ranking_filterset_class = "proposals.filters.RankingFilterSet"

    def get_ranking_filterset_class(self):
        value = self.ranking_filterset_class
        return import_string(value) if isinstance(value, str) else value

    def get_call_context_title(self):
        """What the call belongs to, named in front of it in the admin and in emails: by
        default the page it sits under (its conference or programme, "TICTeC 2025");
        None at the top of the site."""
        if self.depth is None or self.depth <= 3:
            return None
        parent = (
            Page.objects.filter(path=self.path[: -Page.steplen])
            .values("title", "content_type")
            .first()
        )
        if parent is None:
            return None
        # A listing of calls (the Opportunities index) is not what a call belongs to.
        parent_class = ContentType.objects.get_for_id(parent["content_type"]).model_class()
        if not getattr(parent_class, "names_the_calls_under_it", True):
            return None
        return parent["title"]

    @cached_property
    def admin_display_title(self):
        """The call as staff and applicants see it named anywhere outside its own page:
        "TICTeC 2025: Call for session proposals", not "Call for session proposals"
        (kept as it is when the title already names what it belongs to)."""
        context = self.get_call_context_title()
        if not context or context.casefold() in self.title.casefold():
            return self.title
        return _("%(parent)s: %(call)s") % {"parent": context, "call": self.title}

    def get_admin_actions(self):
        """[(name, label)] extra actions staff can run on selected submissions, shown on
        the ranking (bulk) and on each submission's admin page."""
        return []

    def run_admin_action(self, *, name, submissions, by):
        """Run one of get_admin_actions(); return a message for staff."""
        raise NotImplementedError(name)

    def get_submission_details_form_class(self):
        value = self.submission_details_form_class
        return import_string(value) if isinstance(value, str) else value

    def get_details_instance(self, submission):
        form_class = self.get_submission_details_form_class()
        if form_class is None or submission is None or submission.pk is None:
            return None
        return form_class._meta.model._default_manager.filter(submission=submission).first()

    # --- Panels -----------------------------------------------------------------
    call_settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("decisions_by")]
                ),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("account_required"),
                FieldPanel("allow_multiple_submissions"),
                FieldPanel("reviews_per_submission"),
                # Confidentiality is for who manages calls, not page editors: a user
                # without the permission neither sees these fields nor can post them.
                FieldPanel("anonymised_review", permission=MANAGE_CALL),
                FieldPanel(
                    "restricted_to_group",
                    permission=MANAGE_CALL,
                    # Said here, not on the field, so the hosts' migrations stay as they are.
                    help_text=_(
                        "For confidential calls (e.g. board roles): only staff in this group, "
                        "and the reviewers they assign, can see and review its submissions. "
                        "It does not limit who may apply."
                    ),
                ),
            ],
            heading=_("Applications and review"),
        ),
    ]
    call_content_panels = [FieldPanel("call_guidance")]
    call_question_panels = [QuestionInlinePanel("call_questions", label=_("Questions"))]
    call_rubric_panels = [RubricInlinePanel("rubric_criteria", label=_("Rubric criteria"))]
    call_email_panels = [EmailInlinePanel("call_email_templates", label=_("Emails"))]
    call_translatable_fields = [
        TranslatableField("call_guidance"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("decisions_by"),
        SynchronizedField("time_zone"),
        SynchronizedField("account_required"),
        SynchronizedField("allow_multiple_submissions"),
        SynchronizedField("reviews_per_submission"),
        SynchronizedField("anonymised_review"),
        SynchronizedField("restricted_to_group"),
        # Questions and rubric are translated with the page; see proposals.models.questions.
        TranslatableField("call_questions"),
        TranslatableField("rubric_criteria"),
    ]

    # --- Dates ------------------------------------------------------------------
    @property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    def local(self, value):
        return timezone.localtime(value, self.tz) if value else None

    @property
    def opens_at_local(self):
        return self.local(self.opens_at)

    @property
    def closes_at_local(self):
        return self.local(self.closes_at)

    @property
    def decisions_by_local(self):
        return self.local(self.decisions_by)

    def has_opened(self, now=None):
        now = now or timezone.now()
        if self.opens_at is not None and self.opens_at > now:
            # A page listing the call as "opening soon" is cached until it opens.
            page_cache.valid_until(self.opens_at)
        return self.opens_at is None or self.opens_at <= now

    def has_closed(self, now=None):
        now = now or timezone.now()
        if self.closes_at is not None and now <= self.closes_at:
            # A page listing the call as open is cached until it closes.
            page_cache.valid_until(self.closes_at)
        return self.closes_at is not None and now > self.closes_at

    def is_open(self, now=None):
        return self.has_opened(now) and not self.has_closed(now)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    # --- Questions --------------------------------------------------------------
    def get_questions(self):
        return list(self.call_questions.all())

    def get_criteria(self):
        return list(self.rubric_criteria.all())

    # --- Languages --------------------------------------------------------------
    def call_for_submissions(self):
        """The one call that applications through this page belong to, whatever language
        it is read in: the page itself, or for its French or Dutch version (an alias until
        translated, then a translation) the call in the default language it mirrors. The
        engine keys submissions, reviews and rankings on it."""
        if not hasattr(self, "_call_for_submissions"):
            original = None
            if self.alias_of_id:
                original = type(self).objects.filter(pk=self.alias_of_id).first()
            else:
                original = (
                    type(self)
                    .objects.filter(
                        translation_key=self.translation_key,
                        locale__language_code=get_supported_content_language_variant(
                            settings.LANGUAGE_CODE
                        ),
                        alias_of__isnull=True,
                    )
                    .exclude(pk=self.pk)
                    .first()
                )
            self._call_for_submissions = original or self
        return self._call_for_submissions

    # --- Serving ----------------------------------------------------------------
    def get_template(self, request, *args, **kwargs):
        return self.call_template

    #: The view that serves the call (guidance, form, drafts), named by its dotted path so
    #: the model does not import the views that import it.
    call_view = "proposals.views.serve_call"

    def serve(self, request, *args, **kwargs):
        return import_string(self.call_view)(self, request)
