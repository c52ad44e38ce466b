"""What sign-up asks besides an email address and password (settings.ACCOUNT_SIGNUP_FORM_CLASS).

allauth builds its sign-up form on this class when it loads its own forms, so this module
imports nothing from allauth (home.accounts does, and would be imported half-way)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """What allauth's sign-up form asks besides the email address and password: the
    person's name, so emails greet them by it rather than by their address.

    One field, as people write their name (not split into first and last), kept whole in
    ``User.first_name``, so ``get_full_name()`` gives it back as typed."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("How we address you in emails, e.g. “Amani Okafor”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["name"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def signup(self, request, user):
        user.first_name = self.cleaned_data["name"]
        user.last_name = ""
        user.save(update_fields=["first_name", "last_name"])
