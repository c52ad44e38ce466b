"""Spreadsheet safety for every CSV/XLSX export on the site.

Text typed by the public (a title, a name, an answer, an email subject) can start
with a character a spreadsheet treats as a formula: ``=HYPERLINK("http://evil")``
opened in Excel or LibreOffice becomes a live link or worse. Every export writes
its cells through :func:`safe_cell`, which prefixes such text with ``'`` so it is
shown as typed and never evaluated (the OWASP "CSV injection" advice).

Wagtail listing exports use :class:`SafeSpreadsheetExportMixin`; hand-written
exports call :func:`safe_row`. The mixin also writes what staff read in the listing,
not the database's codes: a status as its label ("Submitted", in the reader's language),
a moment in the site's time zone (``TIME_ZONE``), not in UTC.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from wagtail.admin.views.generic import IndexView

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with text that a spreadsheet would read as a formula made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For a Wagtail view with ``list_export``: every CSV and XLSX cell goes through
    :func:`safe_cell` after Wagtail's own preprocessing (numbers and dates are left
    alone; only text is touched). Put it before the Wagtail view class in the bases."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field in row:
            if _has_choices(item, field):
                row[field] = getattr(item, f"get_{field}_display")()
        return row

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.make_naive(value)  # in the site's time zone
            if export_format == self.FORMAT_CSV:
                value = value.strftime("%Y-%m-%d %H:%M")
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))


def _has_choices(item, field):
    try:
        return bool(item._meta.get_field(field).choices)
    except (AttributeError, FieldDoesNotExist):  # a method, a property, a related path
        return False


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The default ``index_view_class`` for a viewset with ``list_export`` and no index
    view of its own."""
