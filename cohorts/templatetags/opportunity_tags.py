"""Dates on opportunity pages: always in the opportunity's own time zone, never cached."""

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts.models.mixins import closes_in_days

register = template.Library()

LOCAL_FORMAT = "l j F Y, H:i T"


@register.simple_tag
def local_time(value, page):
    """A <time> element showing ``value`` in ``page``'s time zone, with its abbreviation."""
    if value is None:
        return ""
    local = timezone.localtime(value, page.tz)
    return format_html(
        '<time datetime="{}">{}</time>', local.isoformat(), formats.date_format(local, LOCAL_FORMAT)
    )


@register.simple_tag
def closes_in(page, now=None):
    """ "Closes in 3 days", "Closes within a day", or "Closed" at ``now``."""
    if not page.closes_at:
        return _("No closing date")
    if page.has_closed(now):
        return _("Closed")
    days = closes_in_days(page, now)
    if days == 0:
        return _("Closes within a day")
    return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}
