"""The conference's call for session proposals, hosted on the proposals engine.

CallForProposalsPage mixes in proposals.CallPageMixin (dates, questions, rubric,
apply form, reviews) and adds the programme's typed fields through the engine's
``submission_details_form_class`` hook: SessionProposal, one per submission.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from conference.models.pages import ConferencePage
from home.models import BasePage
from proposals.models import CallPageMixin
from proposals.models.mixins import call_edit_handler

WORKSHOP = "workshop"


def _names_in_active_language(rows):
    """{translation_key: name} of the conference's format, themes and approach in the
    active language, when that is not the site's default one (the proposal points at the
    English conference's rows); a query per kind of row then, none in English."""
    language = translation.get_language()
    if not rows or language == translation.get_supported_language_variant(settings.LANGUAGE_CODE):
        return {}
    names = {}
    for model in {type(row) for row in rows}:
        keys = [row.translation_key for row in rows if isinstance(row, model)]
        names.update(
            model.objects.filter(
                translation_key__in=keys, locale__language_code=language
            ).values_list("translation_key", "name")
        )
    return names


class SessionProposal(models.Model):
    """The typed part of a session proposal: what the programme needs to build a session."""

    submission = models.OneToOneField(
        "proposals.Submission", on_delete=models.CASCADE, related_name="session_proposal"
    )
    abstract = models.TextField(_("abstract"), blank=True)
    session_format = models.ForeignKey(
        "conference.SessionFormat",
        verbose_name=_("format"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    themes = models.ManyToManyField(
        "conference.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    approach = models.ForeignKey(
        "conference.Approach",
        verbose_name=_("approach"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    speaker_name = models.CharField(
        _("your name as it should appear in the programme"), max_length=200, blank=True
    )
    speaker_organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    # [{"name": ..., "email": ..., "organisation": ...}]
    co_presenters = models.JSONField(_("co-presenters"), default=list, blank=True)
    travel_grant_requested = models.BooleanField(_("travel grant requested"), default=False)
    travel_grant_amount = models.DecimalField(
        _("travel grant amount (GBP)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    may_present_remotely = models.BooleanField(_("may need to present remotely"), default=False)
    session = models.ForeignKey(
        "conference.SessionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft session"),
    )

    class Meta:
        verbose_name = _("session proposal")

    def __str__(self):
        return str(self.submission)

    @property
    def is_workshop(self):
        return bool(self.session_format and self.session_format.duration_minutes > 20)

    def speakers(self):
        """The submitter, then co-presenters: [{"name", "email", "organisation"}]."""
        submission = self.submission
        me = {
            "name": self.speaker_name or submission.applicant_name,
            "email": submission.applicant_email,
            "organisation": self.speaker_organisation,
        }
        return [me] + [p for p in self.co_presenters if p.get("name")]

    def summary_rows(self, *, anonymised=False):
        """[(label, value)] as reviewers, emails and exports show the proposal: its format,
        themes and approach named in the active language (no queries in English when the
        submission was fetched through CallForProposalsPage.get_submission_queryset)."""
        themes = list(self.themes.all())
        names = _names_in_active_language(
            [row for row in (self.session_format, self.approach, *themes) if row is not None]
        )

        def name(row):
            return names.get(row.translation_key, row.name)

        rows = [
            (gettext("Format"), name(self.session_format) if self.session_format else ""),
            (gettext("Themes"), ", ".join(name(t) for t in themes)),
            (
                gettext("Approach"),
                name(self.approach) if self.approach else gettext("Neither, or both"),
            ),
            (gettext("Abstract"), self.abstract),
        ]
        if not anonymised:
            rows.append(
                (
                    gettext("Speakers"),
                    "\n".join(
                        ", ".join(
                            part
                            for part in (s["name"], s.get("organisation", ""), s.get("email", ""))
                            if part
                        )
                        for s in self.speakers()
                    ),
                )
            )
        grant = gettext("No")
        if self.travel_grant_requested:
            grant = gettext("Yes, about £%(amount)s") % {"amount": self.travel_grant_amount or "?"}
        rows += [
            (gettext("Travel grant"), grant),
            (
                gettext("May need to present remotely"),
                gettext("Yes") if self.may_present_remotely else gettext("No"),
            ),
        ]
        return rows


class CallForProposalsPage(CallPageMixin, BasePage):
    content_panels = BasePage.content_panels + CallPageMixin.call_content_panels
    edit_handler = call_edit_handler(content_panels, questions_heading=_("Extra questions"))
    search_fields = BasePage.search_fields + [index.SearchField("call_guidance")]
    translatable_fields = BasePage.translatable_fields + CallPageMixin.call_translatable_fields

    parent_page_types = ["conference.ConferencePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "Call for session proposals: where people propose talks, workshops and panels for "
        "the conference by a deadline, and reviewers score them."
    )

    call_template = "conference/call_for_proposals_page.html"
    submission_title_label = _("Session title")
    submission_title_help_text = _(
        "Short and specific: it becomes the session title in the programme."
    )
    rubric_category_label = _("session format")
    ranking_filterset_class = "conference.call.filters.ProposalRankingFilterSet"

    class Meta:
        verbose_name = _("call for session proposals")
        verbose_name_plural = _("calls for session proposals")

    submission_details_form_class = "conference.call.forms.SessionProposalForm"

    @cached_property
    def conference(self):
        return ConferencePage.objects.filter(pk=self.get_parent().pk).first()

    # --- proposals engine hooks ---------------------------------------------------
    def get_rubric_categories(self):
        formats = (
            [(f.slug, f.name) for f in self.conference.formats.all()] if self.conference else []
        )
        return [(WORKSHOP, _("any workshop or panel")), *formats]

    def get_submission_categories(self, submission):
        proposal = self._proposal(submission)
        if proposal is None or proposal.session_format is None:
            return set()
        categories = {proposal.session_format.slug}
        if proposal.is_workshop:
            categories.add(WORKSHOP)
        return categories

    def get_submission_queryset(self, queryset):
        return queryset.select_related(
            "session_proposal__session_format", "session_proposal__approach"
        ).prefetch_related("session_proposal__themes")

    def get_submission_summary(self, submission, anonymised=False):
        proposal = self._proposal(submission)
        return proposal.summary_rows(anonymised=anonymised) if proposal is not None else []

    def get_admin_actions(self):
        return [("create_sessions", _("Create draft sessions from accepted proposals"))]

    def run_admin_action(self, *, name, submissions, by):
        if name != "create_sessions":
            raise NotImplementedError(name)
        # Named, not imported: the service imports the models.
        create_draft_sessions = import_string("conference.call.services.create_draft_sessions")
        created, skipped = create_draft_sessions(call=self, submissions=submissions, by=by)
        return _(
            "%(created)d draft session(s) created in the programme; %(skipped)d skipped (not accepted, or already done)."
        ) % {
            "created": created,
            "skipped": skipped,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conference_url"] = self.conference.get_url(request) if self.conference else ""
        return context

    @staticmethod
    def _proposal(submission):
        try:
            return submission.session_proposal
        except SessionProposal.DoesNotExist:
            return None
