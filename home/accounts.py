"""The site's changes to allauth (settings.ACCOUNT_ADAPTER and ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.utils import translation
from django.utils.http import urlencode

from home.languages import in_language, recipient_language


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's emails (confirm your address, reset your password...) in the
        recipient's language: their account's, else the one they are using now."""
        user = context.get("user")
        recipient = email if isinstance(email, str) else None
        language = recipient_language(
            user=user if getattr(user, "pk", None) else None,
            email=recipient,
            fallback=translation.get_language(),
        )
        with in_language(language):
            return super().render_mail(template_prefix, email, context, headers=headers)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The emailed link carries the page the person started from (a call they want to
        apply to), so confirming returns them there, even in another browser where they
        still have to sign in."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request is not None else None
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    """The new password, twice. The current one is asked by allauth's reauthentication step
    in front of this form (config/urls.py), so the person types it once, not twice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["oldpassword"]
