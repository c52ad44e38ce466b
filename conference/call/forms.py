"""The typed part of the TICTeC apply form (title and extra questions come from the engine)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from conference.models import Approach, SessionFormat, SessionProposal, Theme
from conference.programme import selectors
from proposals.forms import SubmissionDetailsForm, WordLimitValidator

ABSTRACT_WORDS = 300
CO_PRESENTER_ROWS = 3


class SessionProposalForm(SubmissionDetailsForm):
    class Meta:
        model = SessionProposal
        fields = [
            "speaker_name",
            "speaker_organisation",
            "abstract",
            "session_format",
            "themes",
            "approach",
            "travel_grant_requested",
            "travel_grant_amount",
            "may_present_remotely",
        ]
        widgets = {
            "abstract": forms.Textarea(attrs={"rows": 8}),
            "themes": forms.CheckboxSelectMultiple,
            "session_format": forms.RadioSelect,
            "approach": forms.RadioSelect,
        }
        help_texts = {
            "abstract": _(
                "What will people learn or do? Focus on specific impacts or usage rather than untested tools. "
                "At most %(words)d words."
            )
            % {"words": ABSTRACT_WORDS},
            "themes": _("Proposals may cover several themes."),
            "approach": _("Defensive, constructive, or leave empty if neither fits."),
            "travel_grant_amount": _("An estimate in pounds sterling of what you would need."),
            "may_present_remotely": _(
                "We favour in-person speakers, but have a few slots for remote presenters."
            ),
        }

    def __init__(self, *args, call=None, draft=False, **kwargs):
        super().__init__(*args, call=call, draft=False, **kwargs)
        conference = call.conference if call is not None else None
        self.fields["session_format"].queryset = SessionFormat.objects.filter(
            conference=conference, kind=SessionFormat.Kind.SESSION
        )
        self.fields["session_format"].empty_label = None
        self.fields["themes"].queryset = Theme.objects.filter(conference=conference)
        self.fields["approach"].queryset = Approach.objects.filter(conference=conference)
        self.fields["approach"].empty_label = _("Neither, or both")
        self.fields["abstract"].validators.append(WordLimitValidator(ABSTRACT_WORDS))
        # The rows are the English conference's (answers are stored against them); a
        # French or Dutch applicant reads their names in their language.
        for name in ("session_format", "themes", "approach"):
            field = self.fields[name]
            names = selectors.names_in_active_language(rows=field.queryset)
            field.label_from_instance = lambda row, names=names: names.get(
                row.translation_key, row.name
            )
        for name in ("speaker_name", "abstract", "session_format", "themes"):
            self.fields[name].required = True
        existing = list(self.instance.co_presenters) if self.instance and self.instance.pk else []
        for i in range(1, CO_PRESENTER_ROWS + 1):
            row = existing[i - 1] if len(existing) >= i else {}
            self.fields[f"co_presenter_{i}_name"] = forms.CharField(
                label=_("Co-presenter %(n)d: name") % {"n": i},
                max_length=200,
                required=False,
                initial=row.get("name", ""),
            )
            self.fields[f"co_presenter_{i}_email"] = forms.EmailField(
                label=_("Co-presenter %(n)d: email") % {"n": i},
                required=False,
                initial=row.get("email", ""),
            )
            self.fields[f"co_presenter_{i}_organisation"] = forms.CharField(
                label=_("Co-presenter %(n)d: organisation") % {"n": i},
                max_length=200,
                required=False,
                initial=row.get("organisation", ""),
            )
        if draft:
            for field in self.fields.values():
                field.required = False
        self.draft = draft

    def clean(self):
        cleaned = super().clean()
        if self.draft:
            return cleaned
        if cleaned.get("travel_grant_requested") and cleaned.get("travel_grant_amount") is None:
            self.add_error("travel_grant_amount", _("Tell us roughly how much you would need."))
        for i in range(1, CO_PRESENTER_ROWS + 1):
            name = cleaned.get(f"co_presenter_{i}_name")
            email = cleaned.get(f"co_presenter_{i}_email")
            if email and not name:
                self.add_error(f"co_presenter_{i}_name", _("Give the co-presenter's name."))
        return cleaned

    def save_for(self, submission):
        instance = self.save(commit=False)
        instance.submission = submission
        instance.co_presenters = [
            {
                "name": self.cleaned_data.get(f"co_presenter_{i}_name", ""),
                "email": self.cleaned_data.get(f"co_presenter_{i}_email", ""),
                "organisation": self.cleaned_data.get(f"co_presenter_{i}_organisation", ""),
            }
            for i in range(1, CO_PRESENTER_ROWS + 1)
            if self.cleaned_data.get(f"co_presenter_{i}_name")
        ]
        if not instance.travel_grant_requested:
            instance.travel_grant_amount = None
        instance.save()
        self.save_m2m()
        return instance
