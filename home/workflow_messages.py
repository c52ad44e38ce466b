"""What the page editor says after a moderator approves a page.

Wagtail's edit view confirms every save, "Approve and Publish" included, with "Page 'X'
has been updated.", which leaves a moderator unsure whether it went live. The
``after_edit_page`` hook (home/wagtail_hooks.py) calls ``say_what_approval_did``, which
takes that message back and says what happened: published, scheduled, or passed on to
the workflow's next step. Django's message storage has no public way to withdraw a
message, so this reads its queue of the current request; nothing else here relies on it.
"""

from django.contrib import messages as django_messages
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

APPROVE = "approve"


def _withdraw(request, text):
    """Drop the message queued in this request whose text is ``text`` (as rendered)."""
    storage = django_messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued is None:
        return False
    rendered = messages.render(text, None)
    kept = [message for message in queued if str(message.message) != rendered]
    storage._queued_messages = kept
    return len(kept) != len(queued)


def approval_message(page):
    """What approving ``page`` did, in a moderator's words."""
    title = page.get_admin_display_title()
    if page.workflow_in_progress:
        task = page.current_workflow_task
        return _("Page '%(page_title)s' has been approved and now awaits “%(task)s”.") % {
            "page_title": title,
            "task": task.name if task else "",
        }
    revision = page.get_latest_revision()
    go_live_at = revision.approved_go_live_at if revision else None
    if go_live_at:
        return _("Page '%(page_title)s' has been approved and will go live on %(date)s.") % {
            "page_title": title,
            "date": date_format(localtime(go_live_at), "DATETIME_FORMAT"),
        }
    return _("Page '%(page_title)s' has been approved and published.") % {"page_title": title}


def say_what_approval_did(request, page):
    if request.method != "POST" or request.POST.get("workflow-action-name") != APPROVE:
        return
    page = Page.objects.get(pk=page.pk)
    updated = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    if _withdraw(request, updated):
        messages.success(request, approval_message(page))
