"""Whether a star was sent from one of this site's pages.

The programme an anonymous visitor sees is the same page for everyone, so it can come
from the page cache; a page from a shared cache cannot carry a per-person CSRF token. An
anonymous star without a token is accepted instead when the browser itself says the form
was on this site: Fetch Metadata (``Sec-Fetch-Site: same-origin``), or, from a browser too
old to send it, an ``Origin`` header naming this site. Anything else (another site's form,
no header at all) is refused. Signed-in people, and any request that sends a token, go
through Django's CSRF check as usual.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_protect

CSRF_FIELD = "csrfmiddlewaretoken"


def sent_from_this_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or (
        origin in settings.CSRF_TRUSTED_ORIGINS
    )


def sends_csrf_token(request):
    return CSRF_FIELD in request.POST or settings.CSRF_HEADER_NAME in request.META


def protect_star(view):
    """Wrap a csrf_exempt view: the CSRF token when signed in or when one is sent, else
    proof of the same origin. Returns the view's response, or Django's 403."""
    with_token = csrf_protect(view)

    def check(request, *args, **kwargs):
        if request.user.is_authenticated or sends_csrf_token(request):
            return with_token(request, *args, **kwargs)
        if not sent_from_this_site(request):
            failure_view = import_string(settings.CSRF_FAILURE_VIEW)
            return failure_view(request, reason="Star not sent from this site")
        return view(request, *args, **kwargs)

    return check
