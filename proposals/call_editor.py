"""The page editor of every call: its form, and the panels its tabs are built from.

The form's dates are typed and shown in the call's time zone.

Wagtail's admin reads and shows date-times in the editor's own account time zone (their
profile's ``current_time_zone``, activated for each admin request). A call's deadline is
the clock time staff typed in the call's time zone, whatever their account says, so this
form converts the call's date fields in that zone (the zone posted with them, else the
page's) and names it beside each field, with a picker that offers quarter hours. The zone
itself is a choice from the list.

The Questions tab shows each question only the settings its type uses
(``QuestionSettingPanel`` and ``static/js/question_settings.js``); the Rubric
tab offers "applies only to" where the host has categories (``RubricCategoriesPanel``).
"""

import zoneinfo

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.widgets import AdminDateTimeInput

from home.mail.panels import EmailPreviewPanel
from home.mail.templates import placeholder
from home.time_zones import TIME_ZONE_CHOICES

from .email_placeholders import CALL_EMAIL_KINDS, PLACEHOLDERS

CALL_DATE_FIELDS = ("opens_at", "closes_at", "decisions_by")


#: Minutes between the times the date picker lists (any minute can still be typed).
PICKER_STEP_MINUTES = 15


class QuarterHourDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker, listing every quarter hour instead of whole hours."""

    def get_config(self):
        return {**super().get_config(), "step": PICKER_STEP_MINUTES}


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
                field.widget = QuarterHourDateTimeInput(attrs=field.widget.attrs)
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


class QuestionSettingPanel(FieldPanel):
    """A question's setting that applies to some types only (``types``): the editor's
    script shows it only while one of them is chosen (the wrapper names them)."""

    def __init__(self, field_name, *args, types=(), **kwargs):
        self.types = tuple(types)
        attrs = {"data-question-setting-types": " ".join(self.types), **kwargs.pop("attrs", {})}
        super().__init__(field_name, *args, attrs=attrs, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["types"] = self.types
        kwargs["attrs"] = {
            name: value
            for name, value in kwargs.get("attrs", {}).items()
            if name != "data-question-setting-types"
        }
        return kwargs


class QuestionInlinePanel(InlinePanel):
    """The Questions tab's list, wired to the script that hides settings a type does not use."""

    def __init__(self, *args, **kwargs):
        attrs = {"data-controller": "question-settings", **kwargs.pop("attrs", {})}
        super().__init__(*args, attrs=attrs, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["attrs"] = {
            name: value
            for name, value in kwargs.get("attrs", {}).items()
            if name != "data-controller"
        }
        return kwargs

    class BoundPanel(InlinePanel.BoundPanel):
        @property
        def media(self):
            return super().media + forms.Media(js=["js/question_settings.js"])


def host_has_rubric_categories(page):
    """Whether the page's call sorts submissions into categories a criterion may be limited
    to: its class overrides ``get_rubric_categories`` of the class that first declares it
    (the call mixin)."""
    declared = [
        klass.__dict__["get_rubric_categories"]
        for klass in type(page).__mro__
        if "get_rubric_categories" in klass.__dict__
    ]
    return len(declared) > 1


class RubricCategoriesPanel(FieldPanel):
    """A criterion's "applies only to": hidden where the call has no categories, and
    naming the categories it has (``RubricInlinePanel`` tells it)."""

    class BoundPanel(FieldPanel.BoundPanel):
        rubric_categories = None  # None: this call has no categories

        def is_shown(self):
            return self.rubric_categories is not None and super().is_shown()

        def set_categories(self, categories):
            self.rubric_categories = categories
            if categories:
                keys = ", ".join(str(key) for key, _label in categories)
                self.help_text = "{} {}".format(
                    self.help_text, _("This call's categories: %(keys)s.") % {"keys": keys}
                )


class RubricInlinePanel(InlinePanel):
    """The Rubric tab's list: tells each criterion's "applies only to" which categories
    the call has (none: the field is not shown)."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None:
                return
            categories = None
            if host_has_rubric_categories(self.instance):
                categories = []
                if self.instance.pk:  # a page being created has no parent to read them from
                    categories = list(self.instance.get_rubric_categories())
            for child in [*self.children, self.empty_child]:
                for panel in child.children:
                    for bound in getattr(panel, "children", [panel]):
                        if isinstance(bound, RubricCategoriesPanel.BoundPanel):
                            bound.set_categories(categories)


class EmailInlinePanel(InlinePanel):
    """A call's Emails tab: what its messages are for and the placeholders they may use
    (``email_placeholders.PLACEHOLDERS``), then the messages, each with its preview.
    Only the kinds a call may replace (``CALL_EMAIL_KINDS``) are offered."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "proposals/admin/panels/email_inline_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None:
                return
            preview_url = (
                reverse("proposals_admin:email_preview", args=[self.instance.pk])
                if self.instance is not None and self.instance.pk
                else ""
            )
            for child in [*self.children, self.empty_child]:
                if "kind" in child.form.fields:
                    child.form.fields["kind"].choices = [
                        ("", "---------"),
                        *((kind.value, kind.label) for kind in CALL_EMAIL_KINDS),
                    ]
                for panel in child.children:
                    for bound in getattr(panel, "children", [panel]):
                        if isinstance(bound, EmailPreviewPanel.BoundPanel):
                            bound.call = self.instance
                            bound.preview_url = preview_url

        @property
        def media(self):
            return super().media + forms.Media(js=["js/email_preview.js"])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["placeholders"] = [
                (placeholder(name), meaning) for name, meaning in PLACEHOLDERS
            ]
            context["placeholder_example"] = placeholder("applicant_name")
            context["placeholder_decisions_by"] = placeholder("decisions_by")
            context["decisions_by_set"] = bool(getattr(self.instance, "decisions_by", None))
            return context
