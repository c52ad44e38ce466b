"""The submission form's rate limit: per account, or per client address when signed out.

Counted in the default cache (CACHE_URL shares it between app servers), so 200 applicants
behind one office proxy each get their own allowance while one person hammering the form
is refused. The client address is allauth's: REMOTE_ADDR, or X-Forwarded-For read only
through the ALLAUTH_TRUSTED_PROXY_COUNT proxies we run (TRUSTED_PROXY_COUNT in the
environment), so a forged header cannot buy a fresh allowance.
"""

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone


def submission_posts_per_minute():
    """POSTs to a call's form allowed per account (or address) per minute
    (setting PROPOSALS_SUBMIT_RATE)."""
    return getattr(settings, "PROPOSALS_SUBMIT_RATE", 30)


def client_key(request):
    """Whose attempts these are: the signed-in account, else the real client address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    try:
        return f"ip:{get_adapter(request).get_client_ip(request)}"
    except PermissionDenied:  # no usable address at all: such requests share one allowance
        return "ip:unknown"


def hit(request, *, scope, limit):
    """Count one hit; False once ``limit`` is exceeded within the current minute."""
    key = f"proposals-rl:{scope}:{client_key(request)}:{timezone.now():%Y%m%d%H%M}"
    if cache.add(key, 1, timeout=70):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first hit again
        cache.add(key, 1, timeout=70)
        count = 1
    return count <= limit
