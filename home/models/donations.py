import uuid
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.payments.money import CURRENCY_CHOICES, currency_symbol, to_minor_units
from home.routing import hand_to

from .base import BasePage


class DonationPage(RoutablePageMixin, BasePage):
    """A “Donate now” appeal: suggested amounts or any amount, given once or monthly."""

    appeal = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES, default="GBP")
    minimum_amount = models.DecimalField(
        max_digits=8, decimal_places=2, default=Decimal("2.00"), validators=[MinValueValidator(1)]
    )
    allow_monthly = models.BooleanField(
        default=True, help_text=_("Offer a monthly gift as well as a one-off one.")
    )
    thank_you_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once the payment is confirmed, and in the thank-you email."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("appeal"),
        MultiFieldPanel(
            [
                InlinePanel("suggested_amounts", label=_("Suggested amount"), max_num=6),
                FieldPanel("currency"),
                FieldPanel("minimum_amount"),
                FieldPanel("allow_monthly"),
            ],
            heading=_("Amounts"),
        ),
        FieldPanel("thank_you_message"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("appeal")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("appeal"),
        TranslatableField("thank_you_message"),
        TranslatableField("suggested_amounts"),
        SynchronizedField("currency"),
        SynchronizedField("minimum_amount"),
        SynchronizedField("allow_monthly"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "Donation page: the “Donate now” appeal, taking one-off and monthly gifts by card. "
        "One per language."
    )

    class Meta:
        verbose_name = _("donation page")

    @property
    def currency_symbol(self):
        return currency_symbol(self.currency)

    @path("")
    def donate(self, request):
        return hand_to("home.donations.views.donate", request, page=self)

    @path("thank-you/<uuid:reference>/")
    def thank_you(self, request, reference):
        return hand_to("home.donations.views.thank_you", request, page=self, reference=reference)


class DonationAmount(TranslatableMixin, Orderable):
    page = ParentalKey(DonationPage, on_delete=models.CASCADE, related_name="suggested_amounts")
    amount = models.DecimalField(max_digits=8, decimal_places=2, validators=[MinValueValidator(1)])
    description = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("What this amount does, e.g. “helps keep the idea factory churning”."),
    )

    panels = [FieldPanel("amount"), FieldPanel("description")]
    translatable_fields = [SynchronizedField("amount"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("suggested amount")

    def __str__(self):
        return f"{self.amount}"


class DonationQuerySet(models.QuerySet):
    def paid(self):
        return self.filter(status=Donation.Status.PAID)


class Donation(models.Model):
    """One gift started through Checkout; paid only once Stripe's webhook says so."""

    class Frequency(models.TextChoices):
        ONE_OFF = "one_off", _("One-off")
        MONTHLY = "monthly", _("Monthly")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        PAID = "paid", _("Paid")
        EXPIRED = "expired", _("Not completed")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    page = models.ForeignKey(
        DonationPage, on_delete=models.SET_NULL, null=True, related_name="donations"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent_id = models.CharField(max_length=255, blank=True)
    stripe_subscription_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)

    objects = DonationQuerySet.as_manager()

    class Meta:
        verbose_name = _("donation")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["stripe_session_id"],
                condition=~models.Q(stripe_session_id=""),
                name="donation_unique_stripe_session",
            )
        ]

    def __str__(self):
        return f"{self.get_frequency_display()} {self.currency} {self.amount} ({self.email})"

    @property
    def amount_minor(self) -> int:
        return to_minor_units(self.amount)

    @property
    def currency_symbol(self):
        return currency_symbol(self.currency)
