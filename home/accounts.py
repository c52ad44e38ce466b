"""The site's changes to allauth (settings.ACCOUNT_ADAPTER and ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.utils.http import urlencode


class AccountAdapter(DefaultAccountAdapter):
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
