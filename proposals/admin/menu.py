"""The admin's "Calls" menu: one group of the engine's screens, each shown to whoever
may use it (a reviewer sees "My reviews" only). The emails' default texts and their log
are the site's, in the Emails menu (home/mail/admin.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from .calls import calls_viewset
from .reviews import queue_viewset
from .submissions import submission_viewset


class CallsViewSetGroup(ViewSetGroup):
    menu_label = _("Calls")
    menu_icon = "form"
    menu_order = 250
    # A call's ranking is reached from the calls overview (it belongs to one call), so it
    # is registered beside this group rather than in its menu.
    items = (
        queue_viewset,
        calls_viewset,
        submission_viewset,
    )


calls_menu = CallsViewSetGroup()
