"""The production settings, unchanged, except that email goes to the flaky provider.

Only the load test selects this module (DJANGO_SETTINGS_MODULE=tests.load.settings);
the site never does, so the flaky backend can never send (or lose) real email.
"""

from config.settings.production import *  # noqa: F403

EMAIL_BACKEND = "tests.load.flaky_backend.EmailBackend"
# Retry the outage's failures after 30 s (not 5 minutes) so a run takes minutes.
EMAIL_FIRST_RETRY_SECONDS = 30
