"""Per-conference taxonomies, edited inline on the ConferencePage by staff.

Each row belongs to one conference (ParentalKey) and is translatable: when a conference
is translated with wagtail-localize, its themes, formats, rooms... are translated with it
(same ``translation_key``, new locale). ``slug`` is synchronised across translations so
filter links and exports keep working in every language.
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ConferenceTaxonomy(TranslatableMixin, Orderable):
    """Common shape of a conference's taxonomy rows: a name and a stable slug."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=True,
        help_text=_("Used in filter links and exports; keep it stable once published."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("slug")])]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class DescribedTaxonomy(ConferenceTaxonomy):
    """A taxonomy row with a description readers see (themes, approaches)."""

    description = models.TextField(_("description"), blank=True)

    panels = ConferenceTaxonomy.panels + [FieldPanel("description")]
    translatable_fields = ConferenceTaxonomy.translatable_fields + [
        TranslatableField("description")
    ]

    class Meta(ConferenceTaxonomy.Meta):
        abstract = True


class Theme(DescribedTaxonomy):
    conference = ParentalKey(
        "conference.ConferencePage", on_delete=models.CASCADE, related_name="themes"
    )

    class Meta(DescribedTaxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("conference", "slug")]


class Approach(DescribedTaxonomy):
    conference = ParentalKey(
        "conference.ConferencePage", on_delete=models.CASCADE, related_name="approaches"
    )

    class Meta(DescribedTaxonomy.Meta):
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")
        unique_together = [("translation_key", "locale"), ("conference", "slug")]


class SessionFormat(ConferenceTaxonomy):
    class Kind(models.TextChoices):
        SESSION = "session", _("Session (one room)")
        KEYNOTE = "keynote", _("Keynote (all rooms)")
        PLENARY = "plenary", _("Plenary (all rooms)")
        BREAK = "break", _("Break (all rooms)")

    conference = ParentalKey(
        "conference.ConferencePage", on_delete=models.CASCADE, related_name="formats"
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), help_text=_("Default length of a session in this format.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SESSION)

    panels = ConferenceTaxonomy.panels + [
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("kind")])
    ]
    translatable_fields = ConferenceTaxonomy.translatable_fields + [
        SynchronizedField("duration_minutes"),
        SynchronizedField("kind"),
    ]

    class Meta(ConferenceTaxonomy.Meta):
        verbose_name = _("session format")
        verbose_name_plural = _("session formats")
        unique_together = [("translation_key", "locale"), ("conference", "slug")]

    @property
    def spans_all_rooms(self):
        return self.kind != self.Kind.SESSION

    @property
    def duration(self):
        return datetime.timedelta(minutes=self.duration_minutes)


class Room(ConferenceTaxonomy):
    conference = ParentalKey(
        "conference.ConferencePage", on_delete=models.CASCADE, related_name="rooms"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    accessibility_notes = models.CharField(_("accessibility notes"), max_length=255, blank=True)

    panels = ConferenceTaxonomy.panels + [
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("accessibility_notes")])
    ]
    translatable_fields = ConferenceTaxonomy.translatable_fields + [
        SynchronizedField("capacity"),
        TranslatableField("accessibility_notes"),
    ]

    class Meta(ConferenceTaxonomy.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        unique_together = [("translation_key", "locale"), ("conference", "slug")]


class ConferenceDay(TranslatableMixin, Orderable):
    conference = ParentalKey(
        "conference.ConferencePage", on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("For example “Day one”.")
    )
    starts_at = models.TimeField(_("doors open"), default=datetime.time(9, 0))
    ends_at = models.TimeField(_("day ends"), default=datetime.time(18, 0))

    panels = [
        FieldRowPanel(
            [
                FieldPanel("date"),
                FieldPanel("label"),
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
            ]
        )
    ]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("label"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date"]
        unique_together = [("translation_key", "locale"), ("conference", "date")]

    def __str__(self):
        when = date_format(self.date, "l j F Y")
        return f"{self.label} ({when})" if self.label else when
