"""An email provider that is down for a while, then delivers: for the load test only.

Selected by tests/load/settings.py and nothing else. Two files, both named in the
environment, make it work, so it refuses to run anywhere they were not set up:

- ``LOADTEST_OUTAGE_FILE``: JSON ``{"down_from": <epoch s>, "down_until": <epoch s>}``;
  between the two, every send raises :class:`anymail.exceptions.AnymailAPIError`,
  as an email service provider answering 503 would through django-anymail;
- ``LOADTEST_OUTBOX``: every attempt is appended to it as one JSON line (recipients,
  subject, time, delivered or refused), which the load test counts.
"""

import fcntl
import json
import os
import time

from anymail.exceptions import AnymailAPIError
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend


def outage_window(path):
    """(down_from, down_until) in epoch seconds; (0, 0) when no outage is planned."""
    try:
        with open(path, encoding="utf-8") as handle:
            window = json.load(handle)
    except FileNotFoundError:
        return 0.0, 0.0
    return float(window["down_from"]), float(window["down_until"])


class EmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        try:
            self.outbox = os.environ["LOADTEST_OUTBOX"]
            self.outage = os.environ["LOADTEST_OUTAGE_FILE"]
        except KeyError as missing:
            raise ImproperlyConfigured(
                f"The load test's flaky email backend needs {missing} in the environment."
            ) from None

    def send_messages(self, email_messages):
        now = time.time()
        down_from, down_until = outage_window(self.outage)
        delivered = not (down_from <= now < down_until)
        self._record(email_messages, at=now, delivered=delivered)
        if delivered:
            return len(email_messages)
        if self.fail_silently:
            return 0
        # No status_code: anymail describes one from the HTTP response, and there is none.
        raise AnymailAPIError(
            f"Flaky provider: 503 Service Unavailable for another {down_until - now:.0f}s",
            esp_name="Flaky provider",
        )

    def _record(self, email_messages, *, at, delivered):
        lines = "".join(
            json.dumps(
                {
                    "to": message.recipients(),
                    "subject": message.subject,
                    "at": at,
                    "delivered": delivered,
                },
                ensure_ascii=False,
            )
            + "\n"
            for message in email_messages
        )
        with open(self.outbox, "a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(lines)
            handle.flush()
