"""A person's agenda: the sessions they starred, and the private calendar feed that
follows them.

Stars key on the session's ``translation_key``, so the French page of a session is the
same starred session as the English one. Anonymous visitors' stars live in their
browser (with JavaScript) or in their Django session (without); see conference.programme.agenda.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SessionStar(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="session_stars",
    )
    session_key = models.UUIDField(
        _("session"), help_text=_("The session's translation key: the same in every language.")
    )
    created_at = models.DateTimeField(_("starred at"), default=timezone.now)

    class Meta:
        verbose_name = _("starred session")
        verbose_name_plural = _("starred sessions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "session_key"], name="one_star_per_session")
        ]

    def __str__(self):
        return str(self.session_key)


def new_feed_token():
    return secrets.token_urlsafe(32)


class AgendaFeedTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class AgendaFeedToken(models.Model):
    """The secret in a person's calendar feed address. Revoking it makes that address
    answer 404; a new address gets a new token."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="agenda_feed_tokens",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = AgendaFeedTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Calendar feed created %(date)s") % {"date": self.created_at.date().isoformat()}
