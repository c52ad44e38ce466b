from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Donation, DonationPage

OTHER = "other"


class DonationForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often would you like to give?"),
        choices=Donation.Frequency.choices,
        initial=Donation.Frequency.ONE_OFF,
        widget=forms.RadioSelect,
    )
    amount_choice = forms.ChoiceField(label=_("Amount"), widget=forms.RadioSelect)
    other_amount = forms.DecimalField(
        label=_("Your amount"),
        required=False,
        max_digits=8,
        decimal_places=2,
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        help_text=_("Optional. We use it to thank you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send your thank-you and receipt here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, page: DonationPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        symbol = page.currency_symbol
        amounts = list(page.suggested_amounts.all())
        self.fields["amount_choice"].choices = [
            (
                str(item.amount),
                f"{symbol}{item.amount:,.2f}".replace(".00", "")
                + (f" – {item.description}" if item.description else ""),
            )
            for item in amounts
        ] + [(OTHER, _("Another amount"))]
        self.fields["amount_choice"].initial = str(amounts[0].amount) if amounts else OTHER
        self.fields["other_amount"].help_text = _("Minimum %(amount)s.") % {
            "amount": f"{symbol}{page.minimum_amount:,.2f}"
        }
        if not page.allow_monthly:
            self.fields["frequency"].choices = [
                (Donation.Frequency.ONE_OFF, Donation.Frequency.ONE_OFF.label)
            ]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("amount_choice")
        if choice == OTHER:
            amount = cleaned.get("other_amount")
            if amount is None:
                if "other_amount" not in self.errors:
                    self.add_error("other_amount", _("Enter the amount you would like to give."))
                return cleaned
        elif choice:
            amount = Decimal(choice)
        else:
            return cleaned
        if amount < self.page.minimum_amount:
            self.add_error(
                "other_amount",
                _("The smallest gift we can take online is %(amount)s.")
                % {"amount": f"{self.page.currency_symbol}{self.page.minimum_amount:,.2f}"},
            )
        cleaned["amount"] = amount
        return cleaned
