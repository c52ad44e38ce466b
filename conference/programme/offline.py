"""The programme on a phone without the venue's Wi-Fi: the service worker's script.

The script is static/js/offline.js. It is served here, at /sw.js, because a service worker
controls only the pages under its own address (whitenoise's /static/ would leave out
/en/, /fr/ and /nl/), with what it needs from the server put in front of it: which pages
to keep, the site's own assets, the notice in every language, and the sign-out address
(signing out forgets the kept pages).
"""

import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from conference.programme import selectors

SCRIPT = "js/offline.js"
ASSET_FOLDERS = ("css/", "js/", "images/")


def _script():
    with open(finders.find(SCRIPT), encoding="utf-8") as script:
        return script.read()


def _notices():
    notices = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            notices[code] = gettext(
                "Offline copy from %(time)s. You are offline, so it may have changed since."
            )
    return notices


def service_worker(request):
    config = {
        "pages": selectors.offline_page_paths(request=request),
        "assets": [f"{settings.STATIC_URL}{folder}" for folder in ASSET_FOLDERS],
        "messages": _notices(),
        "language": settings.LANGUAGE_CODE,
        "signOut": reverse("account_logout"),
    }
    response = HttpResponse(
        f"const OFFLINE = {json.dumps(config, ensure_ascii=False)};\n{_script()}",
        content_type="text/javascript; charset=utf-8",
    )
    # Browsers check for a new version of the worker on every visit.
    response["Cache-Control"] = "no-cache"
    return response
