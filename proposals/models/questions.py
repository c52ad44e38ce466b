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

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

QUESTION_TYPE_CHOICES = tuple(
    choice for choice in FORM_FIELD_CHOICES if choice[0] not in {"hidden", "datetime"}
) + (("file", _("File upload")),)

DEFAULT_FILE_TYPES = "pdf,docx,odt,png,jpg"
DEFAULT_MAX_FILE_MB = 10


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
        _("word limit"), null=True, blank=True, help_text=_("Long text only.")
    )
    allowed_file_types = models.CharField(
        _("allowed file types"),
        max_length=120,
        blank=True,
        default=DEFAULT_FILE_TYPES,
        help_text=_("File uploads only: extensions separated by commas, e.g. pdf,docx,png."),
    )
    max_file_size_mb = models.PositiveIntegerField(
        _("largest file (MB)"),
        default=DEFAULT_MAX_FILE_MB,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )

    personal_data = models.BooleanField(
        _("personal data"),
        default=False,
        help_text=_("Hidden from reviewers when the call's review is anonymised."),
    )

    panels = AbstractFormField.panels + [
        FieldPanel("word_limit"),
        FieldPanel("personal_data"),
        FieldRowPanel([FieldPanel("allowed_file_types"), FieldPanel("max_file_size_mb")]),
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

    @property
    def allowed_extensions(self):
        return [
            ext.strip().lower().lstrip(".")
            for ext in self.allowed_file_types.split(",")
            if ext.strip()
        ]

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
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    applies_to = models.CharField(
        _("applies only to"),
        max_length=255,
        blank=True,
        help_text=_(
            "Leave blank to apply to every submission. Otherwise the categories it applies to "
            "(e.g. session formats), separated by commas, as listed under the call's rubric."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("guidance"),
        FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max"), FieldPanel("weight")]),
        FieldPanel("applies_to"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("guidance"),
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
