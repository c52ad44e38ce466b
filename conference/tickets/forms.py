from django import forms
from django.utils.translation import gettext_lazy as _

from conference.models import Registration


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "accessibility_needs", "dietary_needs"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "dietary_needs": forms.Textarea(attrs={"rows": 3}),
        }


class PresenterRegistrationForm(forms.ModelForm):
    """A speaker's details; their address is the one they proved, so it is not asked."""

    class Meta:
        model = Registration
        fields = ["name", "organisation", "accessibility_needs", "dietary_needs"]
        widgets = RegistrationForm.Meta.widgets


class PresenterLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address you gave in your session proposal."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
