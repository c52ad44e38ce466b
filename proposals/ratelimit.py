"""A small per-IP rate limit for the submission endpoint, counted in the cache."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def submission_posts_per_minute():
    """POSTs to a call's form allowed per IP per minute (setting PROPOSALS_SUBMIT_RATE)."""
    return getattr(settings, "PROPOSALS_SUBMIT_RATE", 30)


def client_ip(request):
    # Behind a proxy, set the proxy to overwrite REMOTE_ADDR (never trust X-Forwarded-For blindly).
    return request.META.get("REMOTE_ADDR", "")


def hit(request, *, scope, limit):
    """Count one hit; False once ``limit`` is exceeded within the current minute."""
    key = f"proposals-rl:{scope}:{client_ip(request)}:{timezone.now():%Y%m%d%H%M}"
    added = cache.add(key, 1, timeout=70)
    count = 1 if added else cache.incr(key)
    return count <= limit
