"""Writes for the agenda: starring, merging a visitor's stars into their account, and the
private calendar feed's address."""

from django.db import transaction
from django.utils import timezone

from conference.models import AgendaFeedToken, SessionStar
from conference.programme.agenda.selectors import SESSION_STARS, session_star_keys


def set_stars(*, user, session, keys, starred):
    """Star (or unstar) the sessions with these translation keys: in the account when
    signed in, else in the visitor's Django session."""
    if user.is_authenticated:
        if starred:
            SessionStar.objects.bulk_create(
                [SessionStar(user=user, session_key=key) for key in keys],
                ignore_conflicts=True,
            )
        else:
            SessionStar.objects.filter(user=user, session_key__in=keys).delete()
        return
    current = session_star_keys(session)
    if starred:
        current += [key for key in keys if key not in current]
    else:
        current = [key for key in current if key not in keys]
    if current:
        session[SESSION_STARS] = [str(key) for key in current]
    else:
        session.pop(SESSION_STARS, None)


def merge_session_stars(*, user, session):
    """When a visitor signs in, the stars they made signed out join their account's."""
    keys = session_star_keys(session)
    if not keys:
        return 0
    set_stars(user=user, session=None, keys=keys, starred=True)
    session.pop(SESSION_STARS, None)
    return len(keys)


@transaction.atomic
def new_feed_token(*, user):
    """A new private calendar address for ``user``; any earlier one stops working."""
    revoke_feed_tokens(user=user)
    return AgendaFeedToken.objects.create(user=user)


def revoke_feed_tokens(*, user):
    return AgendaFeedToken.objects.active().filter(user=user).update(revoked_at=timezone.now())
