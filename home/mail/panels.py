"""The preview under a message staff write (home.models.EmailTemplate): the message as
its recipient would read it, filled in with made-up values (as they would read for the
call whose Emails tab it is on). Imports no model: the model's panels use it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class EmailPreviewPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Preview"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/mail/panels/email_preview.html"
        # Set by the panel that holds it (a call's Emails tab): the page being edited, and
        # where "Preview as typed" asks for a preview without saving.
        call = None
        preview_url = ""

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            template = self.instance
            written = template is not None and bool(template.subject or template.body)
            subject, body = template.render_sample(self.call) if written else (None, None)
            context.update(
                {
                    "written": written,
                    "subject": subject,
                    "body": body,
                    "preview_url": self.preview_url,
                }
            )
            return context
