"""What a call asks (its questions) and how reviewers score (its rubric criteria).

Both hang off any page with a ParentalKey to ``wagtailcore.Page``, so every page type
that mixes in :class:`~proposals.models.mixins.CallPageMixin` gets them without
declaring models of its own.

Both are translated with their page (wagtail-localize): the words (label, help text,
choices; a criterion's name and guidance) are translated, everything that gives an answer
or a score its meaning is synchronised from the source page. Answers are stored under the
question's ``clean_name`` and a choice under its source-language text, so an application
made in French lands under the same keys and values as one made in English.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..call_editor import QuestionSettingPanel, RubricCategoriesPanel

QUESTION_TYPE_CHOICES = tuple(
    choice for choice in FORM_FIELD_CHOICES if choice[0] not in {"hidden", "datetime"}
) + (("file", _("File upload")),)

DEFAULT_FILE_TYPES = "pdf,docx,odt,png,jpg"
DEFAULT_MAX_FILE_MB = 10

CHOICE_TYPES = ("checkboxes", "dropdown", "multiselect", "radio")
#: The question types each setting applies to. The page editor shows a setting only on
#: these (static/js/question_settings.js); saving clears it on any other type,
#: so a no-JS editor, or a question whose type changed, never keeps a setting that does
#: nothing (a file size on a text question, choices on a date).
SETTING_TYPES = {
    "choices": CHOICE_TYPES,
    "default_value": tuple(
        value for value, _label in QUESTION_TYPE_CHOICES if value not in {"file"}
    ),
    "word_limit": ("multiline",),
    "allowed_file_types": ("file",),
    "max_file_size_mb": ("file",),
}


def split_choices(text):
    """A question's choices, one per line (else separated by commas), exactly as Wagtail's
    form builder splits them, so stored answers keep matching."""
    text = text or ""
    if len(lines := text.strip().splitlines()) > 1:
        return [line.strip().rstrip(",").strip() for line in lines]
    return [item.strip() for item in text.split(",")]


class CallQuestion(TranslatableMixin, AbstractFormField):
    """One question staff add to a call with Wagtail's form builder.

    Answers are stored under ``clean_name``, which Wagtail never changes after the
    first save and wagtail-localize copies to each translation, so renaming or
    translating a question keeps its answers.
    """

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="call_questions")
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=QUESTION_TYPE_CHOICES
    )
    word_limit = models.PositiveIntegerField(
        _("word limit"),
        null=True,
        blank=True,
        help_text=_(
            "“Multi-line text” questions only: the most words an answer may have. "
            "Leave empty for no limit."
        ),
    )
    allowed_file_types = models.CharField(
        _("allowed file types"),
        max_length=120,
        blank=True,
        default=DEFAULT_FILE_TYPES,
        help_text=_(
            "“File upload” questions only: extensions separated by commas, e.g. pdf,docx,png. "
            "Leave empty for pdf, docx, odt, png and jpg."
        ),
    )
    max_file_size_mb = models.PositiveIntegerField(
        _("largest file (MB)"),
        null=True,
        blank=True,
        default=DEFAULT_MAX_FILE_MB,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("“File upload” questions only: from 1 to 50. Leave empty for 10 MB."),
    )

    personal_data = models.BooleanField(
        _("personal data"),
        default=False,
        help_text=_("Hidden from reviewers when the call's review is anonymised."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        # field_type must be set for Wagtail's previews to build the form field.
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        QuestionSettingPanel(
            "choices",
            types=SETTING_TYPES["choices"],
            classname="formbuilder-choices",
            help_text=_(
                "“Checkboxes”, “Drop down”, “Multiple select” and “Radio buttons” only: "
                "one choice per line."
            ),
        ),
        QuestionSettingPanel(
            "default_value", types=SETTING_TYPES["default_value"], classname="formbuilder-default"
        ),
        QuestionSettingPanel("word_limit", types=SETTING_TYPES["word_limit"]),
        QuestionSettingPanel("allowed_file_types", types=SETTING_TYPES["allowed_file_types"]),
        QuestionSettingPanel("max_file_size_mb", types=SETTING_TYPES["max_file_size_mb"]),
        FieldPanel("personal_data"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        # Defaults name choices, which are stored in the source language.
        SynchronizedField("default_value", overridable=False),
        SynchronizedField("word_limit", overridable=False),
        SynchronizedField("allowed_file_types", overridable=False),
        SynchronizedField("max_file_size_mb", overridable=False),
        SynchronizedField("personal_data", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    def clean(self):
        """Clear every setting that does not apply to the question's type (see
        SETTING_TYPES), and ask a choice question for its choices."""
        super().clean()
        for name, types in SETTING_TYPES.items():
            if self.field_type not in types:
                setattr(self, name, None if self._meta.get_field(name).null else "")
        if self.field_type in CHOICE_TYPES and not any(split_choices(self.choices)):
            raise ValidationError(
                {"choices": _("Give the choices applicants pick from, one per line.")}
            )

    @property
    def allowed_extensions(self):
        extensions = [
            ext.strip().lower().lstrip(".")
            for ext in (self.allowed_file_types or "").split(",")
            if ext.strip()
        ]
        return extensions or DEFAULT_FILE_TYPES.split(",")

    @property
    def file_size_limit_mb(self):
        """The largest file this question accepts, in MB (the default when left empty)."""
        return self.max_file_size_mb or DEFAULT_MAX_FILE_MB

    def choice_options(self, *, source_choices=None):
        """[(stored value, label)] of a choice question: the label in this question's
        language, the value the choice in the same place of ``source_choices`` (the
        choices of the same question in the call's source language), so every language
        stores one value."""
        labels = split_choices(self.choices)
        values = split_choices(source_choices) if source_choices is not None else labels
        if len(values) != len(labels):  # translation out of date: ask in the source's words
            return [(value, value) for value in values]
        return list(zip(values, labels, strict=True))

    def snapshot(self):
        """The question as asked, stored with each submission."""
        return {
            "key": self.clean_name,
            "label": self.label,
            "field_type": self.field_type,
            "help_text": self.help_text,
            "choices": self.choices,
            "personal_data": self.personal_data,
        }


class RubricCriterion(TranslatableMixin, Orderable):
    """A criterion reviewers score, e.g. "Alignment with the themes" on 1-5."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="rubric_criteria")
    name = models.CharField(_("name"), max_length=200)
    guidance = models.TextField(_("guidance for reviewers"), blank=True)
    scale_min = models.PositiveSmallIntegerField(
        _("lowest score"),
        default=1,
        help_text=_("The lowest score a reviewer can give, usually 1 (or 0)."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_("The highest score, from 2 to 10; e.g. 5 for a scale of 1 to 5."),
    )
    scale_min_label = models.CharField(
        _("lowest score means"),
        max_length=60,
        blank=True,
        help_text=_("Shown to reviewers beside the lowest score, e.g. “weak”."),
    )
    scale_max_label = models.CharField(
        _("highest score means"),
        max_length=60,
        blank=True,
        help_text=_("Shown to reviewers beside the highest score, e.g. “excellent”."),
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_(
            "How much this criterion counts in a submission's overall score: 2 counts twice "
            "as much as 1, 0.5 half as much; 0 leaves it out of the ranking."
        ),
    )
    applies_to = models.CharField(
        _("applies only to"),
        max_length=255,
        blank=True,
        help_text=_(
            "Leave empty to score every submission on this criterion. To score only some, "
            "name the categories it applies to, separated by commas."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("guidance"),
        FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max"), FieldPanel("weight")]),
        FieldRowPanel([FieldPanel("scale_min_label"), FieldPanel("scale_max_label")]),
        # Shown only on calls whose host has categories (e.g. the TICTeC call's formats).
        RubricCategoriesPanel("applies_to"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("guidance"),
        TranslatableField("scale_min_label"),
        TranslatableField("scale_max_label"),
        SynchronizedField("scale_min", overridable=False),
        SynchronizedField("scale_max", overridable=False),
        SynchronizedField("weight", overridable=False),
        SynchronizedField("applies_to", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.scale_min is not None and self.scale_max is not None:
            if self.scale_min >= self.scale_max:
                raise ValidationError(
                    {"scale_max": _("The highest score must be above the lowest score.")}
                )

    @property
    def categories(self):
        return {item.strip().lower() for item in self.applies_to.split(",") if item.strip()}

    def applies(self, submission_categories):
        """Whether this criterion is scored for a submission in these categories."""
        wanted = self.categories
        if not wanted:
            return True
        return bool(wanted & {c.lower() for c in submission_categories})

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)

    def score_label(self, score):
        """A score as reviewers read it: "1 (weak)", "3", "5 (excellent)"."""
        meaning = {self.scale_min: self.scale_min_label, self.scale_max: self.scale_max_label}
        label = meaning.get(score) or ""
        return f"{score} ({label})" if label else str(score)
