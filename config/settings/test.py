from .base import *

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/civictech-test-media"))  # noqa: S108
PRIVATE_MEDIA_ROOT = MEDIA_ROOT / "private"
# Tests render every request (they change content with factories, not by publishing);
# tests/home/test_page_cache.py turns the page cache on.
PAGE_CACHE_ENABLED = False
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
# Serve static files from the finders, without needing collectstatic first.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
