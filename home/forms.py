from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and what it holds are deleted for good."),
        error_messages={"required": _("Tick the box to confirm you want to delete your account.")},
    )


class LanguageForm(forms.Form):
    """The language we write to someone in; each choice in its own words."""

    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("We write to you in this language, and these account pages use it."),
        choices=[
            (code, get_language_info(code)["name_local"].capitalize())
            for code, _name in settings.LANGUAGES
        ],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the languages listed.")},
    )
