"""django-anymail's delivery-status webhook, served for the configured provider only.

Anymail's own urls.py mounts every provider's webhook; a provider we do not use would
still accept posts (or answer 500 for want of its settings). Here only
``/anymail/<settings.ANYMAIL_ESP>/tracking/`` is handed to anymail, and only once
ANYMAIL_WEBHOOK_SECRET is set, so every event is authenticated (HTTP basic auth; wrong or
missing credentials are answered 400). Other addresses are answered 400 too: a 404 here
would be redirected to a language-prefixed page by LocaleMiddleware.
"""

import logging

from anymail import urls as anymail_urls
from anymail.utils import get_anymail_setting
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

TRACKING_SUFFIX = "_tracking_webhook"
TRACKING_VIEWS = {
    pattern.name.removesuffix(TRACKING_SUFFIX): pattern.callback
    for pattern in anymail_urls.urlpatterns
    if pattern.name and pattern.name.endswith(TRACKING_SUFFIX)
}


def webhook_secret():
    return get_anymail_setting("webhook_secret", default=None)


@csrf_exempt
def tracking_webhook(request, esp):
    if esp != getattr(settings, "ANYMAIL_ESP", "") or esp not in TRACKING_VIEWS:
        return HttpResponseBadRequest("No delivery webhook for this provider.")
    if not webhook_secret():
        logger.warning("Refused a %s delivery event: ANYMAIL_WEBHOOK_SECRET is not set.", esp)
        return HttpResponseBadRequest("This delivery webhook is not configured.")
    return TRACKING_VIEWS[esp](request)
