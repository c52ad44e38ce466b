"""Forms: the eligibility screen, the cohort application's typed fields, cohort editing."""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm

from proposals.forms import SubmissionDetailsForm
from proposals.models import SubmissionStatus

from . import selectors
from .models import CohortApplication

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class EligibilityForm(forms.Form):
    """One required yes/no radio group per eligibility question of the page."""

    def __init__(self, *args, page, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", "eligibility")
        super().__init__(*args, **kwargs)
        self.questions = [block.value for block in page.eligibility_questions]
        for number, question in enumerate(self.questions):
            self.fields[f"q{number}"] = forms.ChoiceField(
                label=question["question"],
                help_text=question["help_text"],
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer yes or no.")},
            )

    def screened_out_messages(self):
        """The kind explanations for every answer that is not eligible (valid form only)."""
        return [
            question["screened_out_message"]
            for number, question in enumerate(self.questions)
            if self.cleaned_data[f"q{number}"] != question["eligible_answer"]
        ]


class CohortApplicationForm(SubmissionDetailsForm):
    """The typed questions of a cohort application; groups come from the page's definition."""

    groups_served = forms.MultipleChoiceField(
        label=_("Which of these groups does your organisation work with or for?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every group that applies."),
    )

    class Meta:
        model = CohortApplication
        fields = ["organisation_name", "groups_served"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = self.call.group_choices if self.call is not None else []
        self.fields["groups_served"].choices = [(choice, choice) for choice in choices]
        self.fields["organisation_name"].label = _("Name of your organisation")


class CohortMembershipForm(WagtailAdminModelForm):
    """One member: chosen only from the applications the editor may place (a posted id
    from anywhere else is "not a valid choice")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "submission" in self.fields:
            user = self.for_user or AnonymousUser()
            self.fields["submission"].queryset = selectors.member_choices(user=user)


class CohortAdminForm(WagtailAdminModelForm):
    """Checks members against the programme: accepted onto it, and the cohort's size."""

    def clean(self):
        cleaned_data = super().clean()
        programme = cleaned_data.get("programme")
        formset = self.formsets.get("memberships")
        if programme is None or formset is None or not formset.is_valid():
            return cleaned_data
        members = [
            form.cleaned_data["submission"]
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("submission")
        ]
        for submission in members:
            if submission.call_id != programme.pk or submission.status != SubmissionStatus.ACCEPTED:
                raise ValidationError(
                    _("%(name)s was not accepted onto %(programme)s.")
                    % {"name": submission, "programme": programme.title}
                )
        programme = programme.specific
        if members and not programme.cohort_size_min <= len(members) <= programme.cohort_size_max:
            raise ValidationError(
                ngettext(
                    "A cohort has %(min)d to %(max)d organisations; this one has %(count)d.",
                    "A cohort has %(min)d to %(max)d organisations; this one has %(count)d.",
                    len(members),
                )
                % {
                    "min": programme.cohort_size_min,
                    "max": programme.cohort_size_max,
                    "count": len(members),
                }
            )
        return cleaned_data
