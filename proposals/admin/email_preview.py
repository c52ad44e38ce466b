"""The Emails tab's "Preview as typed": the subject and message being written on a call's
page, filled in with a made-up submission to that call, without saving the page
(static/js/email_preview.js asks for it; saving the page previews it without script)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views import View
from wagtail.models import Page

from home.models import EmailKind, EmailTemplate

from ..models import CallPageMixin


class EmailPreviewView(View):
    http_method_names = ["post"]

    def post(self, request, call_id):
        page = get_object_or_404(Page, pk=call_id).specific
        if not isinstance(page, CallPageMixin):
            raise Http404
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        template = EmailTemplate(
            # Every message of a call offers the same placeholders.
            kind=request.POST.get("kind") or EmailKind.CONFIRMATION,
            subject=request.POST.get("subject", ""),
            body=request.POST.get("body", ""),
        )
        written = bool(template.subject or template.body)
        subject, body = template.render_sample(page) if written else (None, None)
        return TemplateResponse(
            request,
            "home/mail/panels/email_preview_result.html",
            {"written": written, "subject": subject, "body": body},
        )
