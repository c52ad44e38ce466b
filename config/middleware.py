from django.conf import settings
from django.utils import translation

from home import languages


class ContentSecurityPolicyMiddleware:
    """Send the site's Content-Security-Policy on every response that has none.

    The Wagtail admin relies on inline scripts, so it is left to its own defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(("/admin/", "/django-admin/")):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class RememberLanguageMiddleware:
    """Keep the language of the page being read in Django's language cookie, so the pages
    whose address has no language in it (signing in or up, confirming an email address,
    My submissions) go on in the language the visitor chose: a French reader who follows
    "Create an account" from /fr/... gets the French form, not their browser's language.

    First in MIDDLEWARE, above the page cache, so that pages served from the cache set it
    too and the cookie never keeps a page out of the cache. Only set when it would change
    (or when a first visit is in a language other than the default)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language is None or response.status_code >= 400:
            return response
        current = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if current == language or (current is None and language == settings.LANGUAGE_CODE):
            return response
        languages.set_language_cookie(response, language)
        return response
