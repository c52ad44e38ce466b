"""Settings safe for production: DEBUG off, secrets and deployment details from the environment.

dev.py and test.py only relax these; production.py tightens transport security.
"""

import operator
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "conference",
    "proposals",
    "cohorts",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "anymail",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache: the language of /fr/... and /nl/... pages is kept in the
    # language cookie for the pages without one in their address (config/middleware.py).
    "config.middleware.RememberLanguageMiddleware",
    # Public pages for anonymous visitors from the cache (home/page_cache.py), before any
    # session or query; the headers of every middleware below are stored with the page.
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite out of the box (WAL, immediate transactions so concurrent writers
# queue instead of failing); DATABASE_URL selects PostgreSQL.
SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: a real cache so allauth's rate limits count. Local memory by default;
# CACHE_URL (redis://...) shares it between app servers.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the page cache beside the rate limits (Django's default is 300).
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# The page cache (home/page_cache.py): public pages for anonymous visitors, purged on
# publish. PAGE_CACHE=off renders every request (make bench measures both).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# Seconds a page stays in the server's cache (publishing purges it sooner).
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", 60 * 60))
# Seconds a browser or CDN may reuse a page before asking again (it then gets a 304 when
# nothing changed), and may show a stale copy while it asks.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", 60))
PAGE_CACHE_STALE_WHILE_REVALIDATE = 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # Object-level rules for submissions and reviews (proposals/permissions.py).
    "proposals.permissions.ObjectPermissionBackend",
]

# Accounts: email is the login; an address must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = os.environ.get("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")
# Changing, adding or removing an email address and changing the password ask for the
# password again when it was last confirmed more than ACCOUNT_REAUTHENTICATION_TIMEOUT ago.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_ADAPTER = "home.accounts.AccountAdapter"
ACCOUNT_FORMS = {"change_password": "home.accounts.ChangePasswordForm"}
# Sign-up asks for a name too (emails greet people by it).
ACCOUNT_SIGNUP_FORM_CLASS = "home.signup.SignupForm"
# Following the emailed link signs the person in (in the browser they signed up in) and
# returns them to the page they started from (the `next` kept through sign-up).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Every sign-in goes through allauth, so its rate limits and verification apply everywhere:
# the Wagtail admin's, and Wagtail's own login for private pages (/<lang>/_util/login/).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# How many reverse proxies in front of the site append to X-Forwarded-For (the load
# balancer counts as one). 0 trusts nothing and counts REMOTE_ADDR. Used by allauth's and
# the submission form's rate limits (proposals/ratelimit.py).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset, rate-limited, serves staff too
ACCOUNT_USER_DISPLAY = operator.attrgetter("email")
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{os.environ.get('SITE_NAME', 'mySociety')}] "
# allauth's defaults, stated so they can be read and tuned: failed sign-ins are limited
# per address (5 in 5 minutes) and per IP; they count in CACHES["default"].
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/180s/key",
}

# Internationalisation: English source, French and Dutch translations.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("nl", _("Dutch"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A translation is a draft until it is published, through the same moderation workflow as
# English pages; until then the page shows what it showed before (its alias of the English
# page, see home/localization.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's words and order ("mardi 10 juin 2025"): config/formats/.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Several app servers share media through S3-compatible object storage.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Private uploads (submission files) never sit in the public media storage's URL space.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Typed form data (not files) is capped at Django's 2.5 MB; no file is read past
# MAX_UPLOAD_SIZE (home.uploads stops reading the request there). A call question's
# own limit (at most 50 MB) is checked by its form field.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_SIZE_MB", "50")) * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "home.uploads.MaxUploadSizeHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Email: Django's mail API everywhere. Console by default; ANYMAIL_ESP + its key
# selects an email service provider through django-anymail.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TICTeC <hello@example.org>")
# A failed email is tried again after this many seconds, then twice as long each time.
EMAIL_FIRST_RETRY_SECONDS = int(os.environ.get("EMAIL_FIRST_RETRY_SECONDS", "300"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL_ESP = os.environ.get("ANYMAIL_ESP", "").strip().lower()
if ANYMAIL_ESP:
    EMAIL_BACKEND = f"anymail.backends.{ANYMAIL_ESP}.EmailBackend"
    ANYMAIL = {
        key[len("ANYMAIL_") :]: value
        for key, value in os.environ.items()
        if key.startswith("ANYMAIL_") and key != "ANYMAIL_ESP"
    }
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background work: the database queue in production (run `manage.py db_worker`);
# TASKS_BACKEND=immediate runs tasks in the request.
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "database")]
    }
}

# Personal data (UK GDPR): submissions last changed more than this many days ago are
# anonymised (drafts deleted) by the retention task, which the database queue runs daily
# (home/tasks.py; `manage.py apply_retention --dry-run` lists what it would erase).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "730"))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "mySociety")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": os.environ.get("WAGTAILSEARCH_BACKEND", "wagtail.search.backends.database"),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin, like the site, fetches nothing from another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

# Stripe: the site runs without keys and says that online payment is unavailable.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
# Which module fulfils a Checkout session, by the session's metadata "kind" (home/payments).
STRIPE_CHECKOUT_HANDLERS = {
    "donation": "home.donations.services",
    "registration": "conference.tickets.services",
}

# Content-Security-Policy: no inline script, nothing from another host.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
    "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; "
    "frame-ancestors 'none'; form-action 'self' https://checkout.stripe.com; "
    "base-uri 'self'; object-src 'none'"
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task run is noise; failures are still logged.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
