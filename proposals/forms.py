"""Forms: the application form built from a call's questions, the review form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.contrib.forms.forms import FormBuilder

from home.uploads import max_upload_size

from .models import Recommendation
from .uploads import check_upload, display_name, too_large_error

WORD_RE = re.compile(r"\S+")
# A word limit also bounds characters (limit x 30, never under 300), so one 2 MB
# "word" does not pass a 200-word limit.
CHARACTERS_PER_WORD = 30
MIN_CHARACTERS = 300


def count_words(text):
    return len(WORD_RE.findall(text or ""))


class WordLimitValidator:
    def __init__(self, limit):
        self.limit = limit
        self.max_characters = max(limit * CHARACTERS_PER_WORD, MIN_CHARACTERS)

    def __call__(self, value):
        words = count_words(value)
        if words > self.limit:
            raise ValidationError(
                ngettext(
                    "Use at most %(limit)d word (you used %(words)d).",
                    "Use at most %(limit)d words (you used %(words)d).",
                    self.limit,
                )
                % {"limit": self.limit, "words": words},
                code="word_limit",
            )
        characters = len(value or "")
        if characters > self.max_characters:
            raise ValidationError(
                _("This answer is too long: use at most %(max)s characters (you used %(count)s).")
                % {
                    "max": number_format(self.max_characters, force_grouping=True),
                    "count": number_format(characters, force_grouping=True),
                },
                code="character_limit",
            )


class SubmissionFileField(forms.FileField):
    """A file upload checked by size, name and content against the allowed types
    (see proposals.uploads).

    An answer already stored for this question (a draft, or an earlier attempt that
    failed validation elsewhere) satisfies ``required``.
    """

    def __init__(self, *, allowed_extensions, max_size_mb, **kwargs):
        self.allowed_extensions = allowed_extensions
        self.max_size = max_size_mb * 1024 * 1024
        self.stored_file = None
        self.refused = False  # too large: the upload handler stopped reading it
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(f".{ext}" for ext in allowed_extensions)

    def clean(self, data, initial=None):
        if self.refused:
            raise too_large_error(max_size=min(self.max_size, max_upload_size()))
        if not data and self.stored_file is not None:
            return self.stored_file
        return super().clean(data, initial)

    def validate(self, value):
        super().validate(value)
        if not value or value is self.stored_file:
            return
        extension, value.detected_content_type = check_upload(
            value, allowed_extensions=self.allowed_extensions, max_size=self.max_size
        )
        value.name = display_name(value.name, extension=extension)


class CallFormBuilder(FormBuilder):
    """Wagtail's form builder plus word limits and checked file uploads.

    ``sources`` ({clean_name: question}) are the questions of the call in its source
    language when the form is a translation's: a choice is then shown in the
    translation's words and stored in the source's, the same value whatever the language.
    """

    def __init__(self, fields, *, sources=None):
        super().__init__(fields)
        self.sources = sources or {}

    def get_formatted_field_choices(self, field):
        source = self.sources.get(field.clean_name)
        return field.choice_options(source_choices=source.choices if source else None)

    def create_multiline_field(self, field, options):
        field_obj = super().create_multiline_field(field, options)
        if field.word_limit:
            field_obj.validators.append(WordLimitValidator(field.word_limit))
            field_obj.widget.attrs["data-word-limit"] = field.word_limit
            limit_note = ngettext(
                "At most %(limit)d word.", "At most %(limit)d words.", field.word_limit
            ) % {"limit": field.word_limit}
            field_obj.help_text = f"{field_obj.help_text} {limit_note}".strip()
        return field_obj

    def create_file_field(self, field, options):
        options.pop("initial", None)
        return SubmissionFileField(
            allowed_extensions=field.allowed_extensions,
            max_size_mb=field.file_size_limit_mb,
            **options,
        )

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"})
        return forms.DateField(**options)


class ApplicationForm(forms.Form):
    """The questions of one call, plus the title if the call asks for one.

    ``draft=True`` relaxes ``required`` so a draft can be saved at any point; every
    other check (formats, word limits, file types) still applies.
    """

    def __init__(
        self,
        *args,
        call,
        submission=None,
        draft=False,
        anonymous=False,
        refused_uploads=None,
        **kwargs,
    ):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.call = call
        self.submission = submission
        self.questions = call.get_questions()
        if call.submission_title_label:
            self.fields["title"] = forms.CharField(
                label=call.submission_title_label,
                help_text=call.submission_title_help_text,
                max_length=255,
            )
        if anonymous:
            self.fields["applicant_name"] = forms.CharField(label=_("Your name"), max_length=200)
            self.fields["applicant_email"] = forms.EmailField(label=_("Your email address"))
        original = call.call_for_submissions()
        sources = (
            {q.clean_name: q for q in original.get_questions()} if original.pk != call.pk else {}
        )
        builder = CallFormBuilder(self.questions, sources=sources)
        self.fields.update(builder.formfields)
        self.file_keys = [q.clean_name for q in self.questions if q.field_type == "file"]
        if refused_uploads:
            self._mark_refused_uploads(refused_uploads, submission)
        if submission is not None and submission.pk:
            stored = {f.question_key: f for f in submission.files.all()}
            for key in self.file_keys:
                self.fields[key].stored_file = stored.get(key)
            if not self.is_bound:
                self.initial.update(submission.answers)
                self.initial["title"] = submission.title
        if draft:
            for field in self.fields.values():
                field.required = False

    def _mark_refused_uploads(self, refused_uploads, submission):
        """The request stopped at a too-large file (home.uploads): say so on its field,
        and since nothing after it arrived, keep showing (and keep) the stored answers
        to the questions below it rather than blanks."""
        for key in refused_uploads:
            if key in self.file_keys:
                self.fields[key].refused = True
        if submission is None or not submission.pk or not hasattr(self.data, "setlist"):
            return
        self.data = self.data.copy()
        for key, value in submission.answers.items():
            if key in self.fields and key not in self.data and value is not None:
                values = value if isinstance(value, list) else [value]
                self.data.setlist(key, [str(v) for v in values])

    def answers(self):
        """JSON-safe answers to the questions (files are stored separately)."""
        answers = {}
        for question in self.questions:
            key = question.clean_name
            if question.field_type == "file" or key not in self.cleaned_data:
                continue
            value = self.cleaned_data[key]
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            elif value is not None and not isinstance(value, (str, bool, int, float, list)):
                value = str(value)
            answers[key] = value
        return answers

    def uploaded_files(self):
        """{question key: UploadedFile} for new, valid uploads (also on an invalid form)."""
        cleaned = getattr(self, "cleaned_data", {})
        uploads = {}
        for key in self.file_keys:
            value = cleaned.get(key)
            if value is not None and hasattr(value, "detected_content_type"):
                uploads[key] = value
        return uploads

    def partial_answers(self):
        """The answers that passed validation, for keeping a draft when others failed."""
        cleaned = dict(getattr(self, "cleaned_data", {}))
        valid = {}
        for question in self.questions:
            key = question.clean_name
            if key in cleaned and question.field_type != "file":
                value = cleaned[key]
                valid[key] = value.isoformat() if hasattr(value, "isoformat") else value
        return valid


def _choice_labels(field):
    labels = {}
    for key, label in field.choices:
        if isinstance(label, (list, tuple)):  # an option group
            labels.update({str(k): str(v) for k, v in label})
        else:
            labels[str(key)] = str(label)
    return labels


def sent_rows(*bound_forms):
    """[(label, text)] of what was typed into bound forms, whether it validated or not:
    shown back to the person when it could not be saved, so nothing is lost."""
    rows = []
    for form in bound_forms:
        if form is None or not form.is_bound:
            continue
        for bound in form:
            field = bound.field
            if isinstance(field, forms.FileField):
                uploaded = form.files.get(bound.html_name)
                value = getattr(uploaded, "name", "")
            elif isinstance(field, forms.BooleanField):
                value = _("Yes") if bound.data else ""
            elif hasattr(field, "choices"):
                labels = _choice_labels(field)
                chosen = bound.data if isinstance(bound.data, (list, tuple)) else [bound.data]
                value = ", ".join(labels.get(str(v), str(v)) for v in chosen if v not in (None, ""))
            else:
                value = bound.data
            if value not in (None, ""):
                rows.append((bound.label, value))
    return rows


class SubmissionDetailsForm(forms.ModelForm):
    """Base for a host's typed per-call fields (``CallPageMixin.submission_details_form_class``).

    Its model has ``submission = models.OneToOneField("proposals.Submission", ...)``;
    leave ``submission`` out of ``fields``. The engine saves it with the submission.
    """

    def __init__(self, *args, call=None, draft=False, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", "details")
        super().__init__(*args, **kwargs)
        self.call = call
        if draft:
            for field in self.fields.values():
                field.required = False

    def save_for(self, submission):
        instance = self.save(commit=False)
        instance.submission = submission
        instance.save()
        self.save_m2m()
        return instance


NOT_APPLICABLE = "na"


class ReviewForm(forms.Form):
    """Scores per applicable criterion (or "not applicable"), comment, recommendation."""

    comment = forms.CharField(
        label=_("Comment for the programme team"), widget=forms.Textarea, required=False
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=[("", "---------"), *Recommendation.choices]
    )

    def __init__(self, *args, criteria, review=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            # The ends carry what they mean ("1 (weak)", "5 (excellent)") where staff said.
            choices = [(str(n), criterion.score_label(n)) for n in criterion.scale] + [
                (NOT_APPLICABLE, _("Not applicable"))
            ]
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                help_text=criterion.guidance,
                choices=choices,
                widget=forms.RadioSelect,
            )
        if review is not None and not self.is_bound:
            self.initial["comment"] = review.comment
            self.initial["recommendation"] = review.recommendation
            for criterion in criteria:
                if str(criterion.pk) in review.scores:
                    value = review.scores[str(criterion.pk)]
                    self.initial[f"criterion_{criterion.pk}"] = (
                        NOT_APPLICABLE if value is None else str(value)
                    )

    def criterion_fields(self):
        return [(criterion, self[f"criterion_{criterion.pk}"]) for criterion in self.criteria]

    def scores(self):
        scores = {}
        for criterion in self.criteria:
            value = self.cleaned_data[f"criterion_{criterion.pk}"]
            scores[str(criterion.pk)] = None if value == NOT_APPLICABLE else int(value)
        return scores


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Why you cannot review this fairly"), max_length=255)


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
