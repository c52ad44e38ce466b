"""Stars made while signed out join the account when the person signs in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from conference.programme.agenda import services


@receiver(user_logged_in, dispatch_uid="conference-agenda-merge-session-stars")
def merge_session_stars(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        services.merge_session_stars(user=user, session=session)
