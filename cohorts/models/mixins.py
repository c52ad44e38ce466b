"""Fields and behaviour every opportunity page shares (cohort programme, Action Lab, vacancy).

The call behaviour itself (dates, questions, rubric, the apply flow) comes from the
proposals engine's ``CallPageMixin``, the introduction from ``home.models.BasePage``; this
mixin adds what makes a page an *opportunity*: a summary for the index, who reviews, a
contact, and the eligibility screen.
"""

import datetime
import math

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache

from ..blocks import EligibilityQuestionBlock


class OpportunityState(models.TextChoices):
    UPCOMING = "upcoming", _("Opening soon")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def opportunity_state(page, now=None):
    """Upcoming, open or closed at ``now``, for any page hosting a call (an opportunity or
    a generic call listed beside them)."""
    now = now or timezone.now()
    if not page.has_opened(now):
        return OpportunityState.UPCOMING
    if page.has_closed(now):
        return OpportunityState.CLOSED
    return OpportunityState.OPEN


def closes_in_days(page, now=None):
    """Whole days left before ``page``'s call closes (0 in the last 24 hours and after)."""
    if not page.closes_at:
        return None
    # In UTC: Python subtracts two datetimes sharing a tzinfo by wall-clock time, which
    # is an hour out across a daylight-saving change.
    now = (now or timezone.now()).astimezone(datetime.UTC)
    seconds = (page.closes_at.astimezone(datetime.UTC) - now).total_seconds()
    days = max(0, math.floor(seconds / 86400))
    if days:
        # "Closes in 3 days" becomes "2 days" then: a cached listing is dropped.
        page_cache.valid_until(page.closes_at - datetime.timedelta(days=days))
    return days


class OpportunityMixin(models.Model):
    """Abstract: mix in before ``CallPageMixin`` and ``BasePage``; add ``opportunity_panels``."""

    #: Set by each page type: the value of ``?kind=`` on the index, and its label.
    opportunity_kind = ""
    opportunity_kind_label = ""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences shown on the opportunities page."),
    )
    reviewed_by = models.CharField(
        _("who reviews applications"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the TICTeC Labs team at mySociety and the TICTeC Labs Steering Group."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Where applicants can send questions.")
    )
    eligibility_questions = StreamField(
        [("question", EligibilityQuestionBlock())],
        blank=True,
        verbose_name=_("eligibility questions"),
        help_text=_(
            "Yes/no questions asked before the application form. Someone who gives the "
            "answer that is not eligible is told why before they fill in the rest."
        ),
    )

    opportunity_panels = [
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("reviewed_by"),
                FieldPanel("contact_email"),
            ],
            heading=_("Opportunity"),
        ),
        FieldPanel("eligibility_questions"),
    ]

    opportunity_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("reviewed_by"),
        SynchronizedField("contact_email"),
        TranslatableField("eligibility_questions"),
    ]

    class Meta:
        abstract = True

    # Dates come from the engine's CallPageMixin (opens_at, closes_at, time_zone,
    # has_opened, has_closed); the state is always computed from the clock at request time.
    def state(self, now=None):
        return opportunity_state(self, now)

    def closes_in_days(self, now=None):
        return closes_in_days(self, now)

    @property
    def screens_eligibility(self):
        return len(self.eligibility_questions) > 0
