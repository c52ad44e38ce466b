"""Tickets and registration: ticket types per conference, registrations, the tickets page.

A registration holds a place from the moment checkout starts (status pending, with
`hold_expires_at`); it is confirmed only by Stripe's webhook. Places are counted and taken
under a lock on the ticket type row (conference/tickets/services.py).
"""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from home.models import BasePage
from home.payments.money import CURRENCY_CHOICES, currency_symbol
from home.routing import hand_to

# How long a place stays held after checkout starts. Stripe's shortest Checkout session
# lasts 30 minutes from its creation (a little after our clock reads "now", hence 35);
# the grace period covers a payment made in the session's last second.
CHECKOUT_SESSION_LIFETIME = datetime.timedelta(minutes=35)
HOLD_GRACE = datetime.timedelta(minutes=5)

# A speaker claims the presenter place by signing in or through a link emailed to them;
# the link works once, for this long.
PRESENTER_LINK_MAX_AGE = datetime.timedelta(hours=24)


class TicketsPage(RoutablePageMixin, BasePage):
    """A conference's tickets: the ticket types on sale, the registration form, the receipt."""

    after_registration = RichTextField(
        _("after registration"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Practical information shown on the confirmed registration page and in the "
            "receipt emailed to the attendee."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("after_registration")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("after_registration")]

    parent_page_types = ["conference.ConferencePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "Tickets: the conference's ticket types on sale, the registration form and "
        "payment. One per conference."
    )

    class Meta:
        verbose_name = _("tickets page")

    @cached_property
    def conference(self):
        return self.get_parent().specific

    @path("")
    def ticket_list(self, request):
        return hand_to("conference.tickets.views.ticket_list", request, page=self)

    @path("register/<int:ticket_type_id>/")
    def register(self, request, ticket_type_id):
        return hand_to(
            "conference.tickets.views.register", request, page=self, ticket_type_id=ticket_type_id
        )

    @path("registration/<uuid:reference>/")
    def registration(self, request, reference):
        return hand_to(
            "conference.tickets.views.registration_status", request, page=self, reference=reference
        )


class TicketTypeQuerySet(models.QuerySet):
    def for_conference(self, conference):
        # Translations of a conference share its ticket types (those of the source page).
        return self.filter(conference__translation_key=conference.translation_key)

    def with_places_taken(self, *, now=None):
        now = now or timezone.now()
        return self.annotate(
            places_taken=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED)
                | Q(
                    registrations__status=Registration.Status.PENDING,
                    registrations__hold_expires_at__gt=now,
                ),
            )
        )


class TicketType(models.Model):
    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    conference = models.ForeignKey(
        "conference.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="ticket_types",
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=255, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=12, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    price = models.DecimalField(
        _("standard price"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        default=Decimal("0.00"),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, default="GBP"
    )
    early_bird_price = models.DecimalField(
        _("early-bird price"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    early_bird_ends_at = models.DateTimeField(
        _("early bird ends"),
        null=True,
        blank=True,
        help_text=_("The early-bird price applies before this moment, the standard price after."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    on_sale_from = models.DateTimeField(_("on sale from"), null=True, blank=True)
    off_sale_at = models.DateTimeField(_("off sale at"), null=True, blank=True)
    free_for_presenters = models.BooleanField(
        _("presenter ticket"),
        default=False,
        help_text=_(
            "Only speakers of an accepted session can choose it, and they pay nothing. "
            "Anyone of them who already paid for a ticket is refunded."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TicketTypeQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("attendance"), FieldPanel("capacity")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("early_bird_price"), FieldPanel("early_bird_ends_at")]),
                FieldPanel("free_for_presenters"),
            ],
            heading=_("Price"),
        ),
        FieldRowPanel([FieldPanel("on_sale_from"), FieldPanel("off_sale_at")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("ticket type")
        ordering = ["conference", "sort_order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.conference.title})"

    def clean(self):
        super().clean()
        errors = {}
        if self.early_bird_price is not None and not self.early_bird_ends_at:
            errors["early_bird_ends_at"] = _("Say when the early-bird price ends.")
        if self.early_bird_price is not None and self.early_bird_price >= self.price:
            errors["early_bird_price"] = _("The early-bird price must be below the standard price.")
        if self.on_sale_from and self.off_sale_at and self.off_sale_at <= self.on_sale_from:
            errors["off_sale_at"] = _("Sales must end after they start.")
        if self.free_for_presenters and self.price:
            errors["price"] = _("A presenter ticket is free: set the price to 0.")
        if errors:
            raise ValidationError(errors)

    @property
    def currency_symbol(self):
        return currency_symbol(self.currency)

    def is_early_bird(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.early_bird_price is not None
            and self.early_bird_ends_at is not None
            and now < self.early_bird_ends_at
        )

    def price_at(self, now=None) -> Decimal:
        """What one place costs at this moment: early bird before its end, standard after."""
        if self.free_for_presenters:
            return Decimal("0.00")
        return self.early_bird_price if self.is_early_bird(now) else self.price

    def is_on_sale(self, now=None) -> bool:
        now = now or timezone.now()
        if self.on_sale_from and now < self.on_sale_from:
            return False
        return not (self.off_sale_at and now >= self.off_sale_at)

    def places_left(self, places_taken: int) -> int | None:
        return None if self.capacity is None else max(self.capacity - places_taken, 0)


class RegistrationQuerySet(models.QuerySet):
    def holding_places(self, *, now=None):
        """Confirmed registrations and checkouts still open: what counts against capacity."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(status=Registration.Status.PENDING, hold_expires_at__gt=now)
        )

    def lapsed_holds(self, *, now=None):
        now = now or timezone.now()
        return self.filter(status=Registration.Status.PENDING, hold_expires_at__lte=now)

    def for_conference(self, conference):
        return self.filter(ticket_type__conference__translation_key=conference.translation_key)


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        CONFIRMED = "confirmed", _("Confirmed")
        EXPIRED = "expired", _("Checkout not completed")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Cancelled and refunded")

    class Pricing(models.TextChoices):
        EARLY_BIRD = "early_bird", _("Early bird")
        STANDARD = "standard", _("Standard")
        PRESENTER = "presenter", _("Presenter (fee waived)")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ticket_type = models.ForeignKey(
        TicketType,
        verbose_name=_("ticket type"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        help_text=_("Anything we should arrange so you can take part fully."),
    )
    dietary_needs = models.TextField(
        _("dietary needs"), blank=True, help_text=_("Allergies, intolerances or preferences.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    pricing = models.CharField(_("price band"), max_length=12, choices=Pricing.choices)
    amount = models.DecimalField(_("amount"), max_digits=8, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    hold_expires_at = models.DateTimeField(_("place held until"), null=True, blank=True)
    stripe_session_id = models.CharField(max_length=255, blank=True)
    stripe_payment_intent_id = models.CharField(max_length=255, blank=True)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ticket_type", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["stripe_session_id"],
                condition=~Q(stripe_session_id=""),
                name="registration_unique_stripe_session",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.ticket_type.name}"

    @property
    def currency_symbol(self):
        return currency_symbol(self.currency)

    @property
    def is_paid(self) -> bool:
        return bool(self.amount and self.stripe_payment_intent_id)

    @property
    def conference(self):
        return self.ticket_type.conference
