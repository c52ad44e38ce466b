"""The opportunity pages and the index that lists them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, synchronised, translated
from home.routing import ServedByView
from proposals.models import CallPageMixin
from proposals.models.mixins import call_edit_handler, validate_time_zone

from ..blocks import CriterionBlock, TopicBlock
from .mixins import OpportunityMixin

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


def opportunity_edit_handler(content_panels):
    """Tabs every opportunity shares: its content, the call, questions, rubric, promote."""
    return call_edit_handler(
        content_panels,
        call_panels=OpportunityMixin.opportunity_panels[1:] + CallPageMixin.call_settings_panels,
        call_heading=_("Applications"),
    )


class OpportunityPage(OpportunityMixin, CallPageMixin, BasePage):
    """Not a model of its own: the common base of the three opportunity page types."""

    parent_page_types = ["cohorts.OpportunityIndexPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [index.SearchField("summary")]
    translatable_fields = [
        *BasePage.translatable_fields,
        *OpportunityMixin.opportunity_translatable_fields,
        *CallPageMixin.call_translatable_fields,
    ]

    #: The eligibility screen first where there is one, then the engine's call flow.
    call_view = "cohorts.views.serve_opportunity"

    class Meta:
        abstract = True


class OpportunityIndexPage(ServedByView, BasePage):
    """Lists opportunities: open now (closing soonest first), opening soon, and closed."""

    parent_page_types = ["home.HomePage"]
    # A generic call (proposals.CallPage) is listed too, e.g. a working group's application.
    subpage_types = [
        "cohorts.CohortProgrammePage",
        "cohorts.ActionLabPage",
        "cohorts.VacancyPage",
        "proposals.CallPage",
    ]
    max_count_per_parent = 1
    page_description = _(
        "Opportunities: lists the cohort programmes, Action Labs, board vacancies and other "
        "calls people can apply to, open now, opening soon and closed. One per language."
    )
    # It lists the calls under it; they do not belong to it: a cohort round is named by
    # its own title ("FOI campaign support cohort, spring 2027"), not "Opportunities: ...".
    names_the_calls_under_it = False

    class Meta:
        verbose_name = _("opportunities index")

    page_view = "cohorts.views.opportunity_index"

    # From the page cache (home/page_cache.py) for anonymous visitors, also filtered by
    # kind: what is open, opening and closed is worked out from the clock, and each
    # opportunity tells the cache when that changes (CallPageMixin.has_opened/has_closed,
    # closes_in_days), so the index is dropped at that moment.
    cache_public = True
    cache_query_parameters = ("kind",)


class CohortProgrammePage(OpportunityPage):
    """A support programme organisations apply to and are then grouped into cohorts."""

    opportunity_kind = "cohort"
    opportunity_kind_label = _("Support cohort")
    call_template = "cohorts/cohort_programme_page.html"
    # The organisation's name is a typed field (CohortApplication), and it is the title.
    submission_title_label = None
    submission_title_identifies_applicant = True

    who_its_for = RichTextField(_("who it is for"), features=RICH_TEXT_FEATURES)
    eligibility_definition_heading = models.CharField(
        _("eligibility definition heading"),
        max_length=200,
        blank=True,
        help_text=_("E.g. What is a marginalised community?"),
    )
    eligibility_definition_intro = models.TextField(
        _("eligibility definition introduction"), blank=True
    )
    eligibility_definition = StreamField(
        [("criterion", CriterionBlock())],
        blank=True,
        verbose_name=_("eligibility definition"),
        help_text=_(
            "The groups the programme is for, one per item. Applicants choose from these "
            "when they say whom they work with."
        ),
    )
    what_you_get = RichTextField(_("what applicants get"), features=RICH_TEXT_FEATURES)
    what_we_ask = RichTextField(_("what is asked of them"), features=RICH_TEXT_FEATURES)
    capacity = models.PositiveSmallIntegerField(
        _("number of organisations"), default=10, validators=[MinValueValidator(1)]
    )
    cohort_size_min = models.PositiveSmallIntegerField(
        _("smallest cohort"), default=2, validators=[MinValueValidator(1)]
    )
    cohort_size_max = models.PositiveSmallIntegerField(
        _("largest cohort"), default=5, validators=[MinValueValidator(1)]
    )
    programme_starts = models.DateField(_("programme starts"))
    programme_ends = models.DateField(_("programme ends"))

    content_panels = BasePage.content_panels_with(
        *OpportunityMixin.opportunity_panels[:1], after_introduction=False
    ) + [
        FieldPanel("who_its_for"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_definition_heading"),
                FieldPanel("eligibility_definition_intro"),
                FieldPanel("eligibility_definition"),
            ],
            heading=_("Eligibility definition"),
        ),
        FieldPanel("what_you_get"),
        FieldPanel("what_we_ask"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("capacity"),
                        FieldPanel("cohort_size_min"),
                        FieldPanel("cohort_size_max"),
                    ]
                ),
                FieldRowPanel([FieldPanel("programme_starts"), FieldPanel("programme_ends")]),
            ],
            heading=_("Programme"),
        ),
        *CallPageMixin.call_content_panels,
    ]
    edit_handler = opportunity_edit_handler(content_panels)

    translatable_fields = [
        *OpportunityPage.translatable_fields,
        *translated(
            "who_its_for",
            "eligibility_definition_heading",
            "eligibility_definition_intro",
            "eligibility_definition",
            "what_you_get",
            "what_we_ask",
        ),
        *synchronised(
            "capacity", "cohort_size_min", "cohort_size_max", "programme_starts", "programme_ends"
        ),
    ]

    page_description = _(
        "Cohort programme: an FOI campaign support cohort that organisations apply to join, "
        "then work in small groups for several months."
    )

    class Meta:
        verbose_name = _("cohort programme")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.cohort_size_min
            and self.cohort_size_max
            and self.cohort_size_min > self.cohort_size_max
        ):
            errors["cohort_size_max"] = _("The largest cohort cannot be smaller than the smallest.")
        if (
            self.programme_starts
            and self.programme_ends
            and self.programme_ends < self.programme_starts
        ):
            errors["programme_ends"] = _("The programme must end after it starts.")
        if errors:
            raise ValidationError(errors)

    submission_details_form_class = "cohorts.forms.CohortApplicationForm"

    def get_submission_title(self, *, cleaned_data, details=None):
        return cleaned_data.get("organisation_name", "")

    def get_submission_queryset(self, queryset):
        return queryset.select_related("cohort_application")

    def get_submission_summary(self, submission, anonymised=False):
        """The organisation (left out when anonymised: it names the applicant) and the
        groups it works with."""
        details = getattr(submission, "cohort_application", None)
        if details is None:
            return []
        rows = [] if anonymised else [(_("Organisation"), details.organisation_name)]
        return [*rows, (_("Groups served"), "; ".join(details.groups_served))]

    @property
    def group_choices(self):
        """The groups an applicant may say they work with: the eligibility definition."""
        return [block.value["text"] for block in self.eligibility_definition]


class ActionLabPage(OpportunityPage):
    """A working group of a few people who meet to answer one question."""

    opportunity_kind = "action-lab"
    opportunity_kind_label = _("Action Lab")
    call_template = "cohorts/action_lab_page.html"
    submission_title_label = _("Your name")
    submission_title_identifies_applicant = True

    question = models.CharField(_("the question it answers"), max_length=255)
    mandate = RichTextField(_("the Action Lab's mandate"), blank=True, features=RICH_TEXT_FEATURES)
    challenges = StreamField([("topic", TopicBlock())], blank=True, verbose_name=_("challenges"))
    possible_solutions = StreamField(
        [("topic", TopicBlock())], blank=True, verbose_name=_("possible solutions")
    )
    places = models.PositiveSmallIntegerField(
        _("places"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Up to how many members the Action Lab takes."),
    )
    applicant_criteria = StreamField(
        [("criterion", CriterionBlock())],
        blank=True,
        verbose_name=_("we are looking for applicants who"),
    )
    minimum_meetings = models.PositiveSmallIntegerField(
        _("meetings members attend (at least)"), default=2, validators=[MinValueValidator(1)]
    )
    meeting_length_minutes = models.PositiveSmallIntegerField(
        _("length of each meeting (minutes)"), default=60, validators=[MinValueValidator(15)]
    )
    meetings_when = models.CharField(
        _("when meetings will be"),
        max_length=255,
        blank=True,
        help_text=_("E.g. likely in January and February 2022, dates agreed with members."),
    )
    meeting_hours_start = models.TimeField(_("meetings between (from)"), default="09:00")
    meeting_hours_end = models.TimeField(_("meetings between (until)"), default="18:00")
    meeting_time_zone = models.CharField(
        _("time zone of meeting hours"),
        max_length=64,
        default="Europe/London",
        validators=[validate_time_zone],
    )
    confidentiality_required = models.BooleanField(
        _("members commit to confidentiality"), default=True
    )

    content_panels = BasePage.content_panels_with(
        *OpportunityMixin.opportunity_panels[:1], after_introduction=False
    ) + [
        FieldPanel("question"),
        FieldPanel("mandate"),
        FieldPanel("challenges"),
        FieldPanel("possible_solutions"),
        MultiFieldPanel(
            [
                FieldPanel("places"),
                FieldPanel("applicant_criteria"),
                FieldRowPanel(
                    [FieldPanel("minimum_meetings"), FieldPanel("meeting_length_minutes")]
                ),
                FieldPanel("meetings_when"),
                FieldRowPanel(
                    [
                        FieldPanel("meeting_hours_start"),
                        FieldPanel("meeting_hours_end"),
                        FieldPanel("meeting_time_zone"),
                    ]
                ),
                FieldPanel("confidentiality_required"),
            ],
            heading=_("Members"),
        ),
        *CallPageMixin.call_content_panels,
    ]
    edit_handler = opportunity_edit_handler(content_panels)

    translatable_fields = [
        *OpportunityPage.translatable_fields,
        *translated(
            "question",
            "mandate",
            "challenges",
            "possible_solutions",
            "applicant_criteria",
            "meetings_when",
        ),
        *synchronised(
            "places",
            "minimum_meetings",
            "meeting_length_minutes",
            "meeting_hours_start",
            "meeting_hours_end",
            "meeting_time_zone",
            "confidentiality_required",
        ),
    ]

    page_description = _(
        "Action Lab: a small working group that people apply to join, meeting a few times "
        "to answer one question."
    )

    class Meta:
        verbose_name = _("Action Lab")

    def clean(self):
        super().clean()
        if self.meeting_hours_start and self.meeting_hours_end:
            if self.meeting_hours_end <= self.meeting_hours_start:
                raise ValidationError(
                    {"meeting_hours_end": _("Meetings must end after they start.")}
                )


class Board(models.TextChoices):
    CHARITY = "charity", _("The charity's board of Trustees")
    COMPANY = "company", _("The commercial company's board of Directors")


class BoardRole(models.TextChoices):
    TRUSTEE = "trustee", _("Trustee")
    CHAIR = "chair", _("Chair")
    NON_EXECUTIVE_DIRECTOR = "ned", _("Non-Executive Director")


ROLES_BY_BOARD = {
    Board.CHARITY: {BoardRole.TRUSTEE, BoardRole.CHAIR},
    Board.COMPANY: {BoardRole.NON_EXECUTIVE_DIRECTOR, BoardRole.CHAIR},
}


class VacancyPage(OpportunityPage):
    """A board role. Applications are confidential: see ``restricted_to_group``."""

    opportunity_kind = "vacancy"
    opportunity_kind_label = _("Board vacancy")
    call_template = "cohorts/vacancy_page.html"
    submission_title_label = _("Your name")
    submission_title_identifies_applicant = True

    board = models.CharField(_("board"), max_length=16, choices=Board.choices)
    board_name = models.CharField(
        _("name of the board's organisation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. UK Citizens Online Democracy (our charity board)."),
    )
    role = models.CharField(_("role"), max_length=16, choices=BoardRole.choices)
    term_years = models.PositiveSmallIntegerField(
        _("length of a term (years)"), default=3, validators=[MinValueValidator(1)]
    )
    max_consecutive_terms = models.PositiveSmallIntegerField(
        _("most terms in a row"), default=2, validators=[MinValueValidator(1)]
    )
    role_description = RichTextField(_("the role"), features=RICH_TEXT_FEATURES)
    experience_sought = RichTextField(_("experience sought"), features=RICH_TEXT_FEATURES)
    diversity_statement = RichTextField(_("diversity statement"), features=RICH_TEXT_FEATURES)
    external_application_url = models.URLField(
        _("external application link"),
        blank=True,
        help_text=_(
            "Only if people apply elsewhere. Leave blank to use this page's own "
            "application form (add CV and cover letter upload questions)."
        ),
    )

    content_panels = BasePage.content_panels_with(
        *OpportunityMixin.opportunity_panels[:1], after_introduction=False
    ) + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("board"), FieldPanel("role")]),
                FieldPanel("board_name"),
                FieldRowPanel([FieldPanel("term_years"), FieldPanel("max_consecutive_terms")]),
            ],
            heading=_("Role"),
        ),
        FieldPanel("role_description"),
        FieldPanel("experience_sought"),
        FieldPanel("diversity_statement"),
        FieldPanel("external_application_url"),
        *CallPageMixin.call_content_panels,
    ]
    edit_handler = opportunity_edit_handler(content_panels)

    translatable_fields = [
        *OpportunityPage.translatable_fields,
        TranslatableField("board_name"),
        TranslatableField("role_description"),
        TranslatableField("experience_sought"),
        TranslatableField("diversity_statement"),
        SynchronizedField("board"),
        SynchronizedField("role"),
        SynchronizedField("term_years"),
        SynchronizedField("max_consecutive_terms"),
        SynchronizedField("external_application_url"),
    ]

    page_description = _(
        "Board vacancy: a Trustee, Chair or Non-Executive Director role that people apply "
        "for in confidence."
    )

    class Meta:
        verbose_name = _("board vacancy")
        verbose_name_plural = _("board vacancies")

    def clean(self):
        super().clean()
        if self.board and self.role and self.role not in ROLES_BY_BOARD.get(self.board, set()):
            raise ValidationError({"role": _("This role does not sit on the board chosen.")})

    @property
    def applies_externally(self):
        return bool(self.external_application_url)
