"""The page-editor form of every call: its dates are typed and shown in the call's time zone.

Wagtail's admin reads and shows date-times in the editor's own account time zone (their
profile's ``current_time_zone``, activated for each admin request). A call's deadline is
the clock time staff typed in the call's time zone, whatever their account says, so this
form converts the call's date fields in that zone (the zone posted with them, else the
page's) and names it beside each field. The zone itself is a choice from the list.
"""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.time_zones import TIME_ZONE_CHOICES

CALL_DATE_FIELDS = ("opens_at", "closes_at", "decisions_by")


class ZonedDateTimeField(forms.DateTimeField):
    """Reads and shows date-times in ``zone`` instead of the active (account) time zone."""

    zone = None

    def _in_zone(self, method, value):
        if self.zone is None:
            return method(value)
        with timezone.override(self.zone):
            return method(value)

    def to_python(self, value):
        return self._in_zone(super().to_python, value)

    def prepare_value(self, value):
        return self._in_zone(super().prepare_value, value)


def _zone_or_none(name):
    if name not in zoneinfo.available_timezones():
        return None
    return zoneinfo.ZoneInfo(name)


class CallPageForm(WagtailAdminPageForm):
    class Meta(WagtailAdminPageForm.Meta):
        field_classes = {name: ZonedDateTimeField for name in CALL_DATE_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._keep_withheld_fields()
        if "time_zone" in self.fields:
            field = self.fields["time_zone"]
            self.fields["time_zone"] = forms.ChoiceField(
                choices=TIME_ZONE_CHOICES,
                label=field.label,
                help_text=_("The dates above are typed, and shown to applicants, in this zone."),
                required=True,
                initial=field.initial,
                disabled=field.disabled,
            )
        zone = self.call_time_zone()
        for name in CALL_DATE_FIELDS:
            field = self.fields.get(name)
            if isinstance(field, ZonedDateTimeField):
                field.zone = zone
                field.help_text = _("In the call's time zone, %(zone)s.") % {"zone": zone.key}

    def _keep_withheld_fields(self):
        """A field withheld from this user (FieldPanel ``permission``: who may restrict a
        call or anonymise its review) keeps the page's stored value, even when the form
        starts from an older revision (reverting) that had another."""
        withheld = [
            self.instance._meta.get_field(name).attname
            for name in (self._meta.field_permissions or {})
            if name not in self.fields
        ]
        if not withheld or self.instance.pk is None:
            return
        stored = type(self.instance).objects.filter(pk=self.instance.pk).values(*withheld).first()
        for attname, value in (stored or {}).items():
            setattr(self.instance, attname, value)

    def call_time_zone(self):
        """The zone the dates are typed in: the one posted beside them if it is a real
        zone, otherwise the page's own."""
        if self.is_bound and "time_zone" in self.fields:
            posted = _zone_or_none(self.data.get(self.add_prefix("time_zone"), ""))
            if posted is not None:
                return posted
        return self.instance.tz
