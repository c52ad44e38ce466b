"""Each person's language, and every email written in it.

A person's preferred language lives on Wagtail's own ``UserProfile.preferred_language``
(the one the admin already uses for staff), so the whole site and the admin agree. It is
set from the language someone signs up in (``remember_signup_language``, on allauth's
``user_signed_up``), or first applies in, and they change it on their account page.

Every email the site sends is rendered inside ``in_language(...)`` with the language of
its recipient (``recipient_language``): their preference, else the language they were
using when they bought, donated or applied, else the site's default.
"""

import contextlib
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import formats, translation
from wagtail.users.models import UserProfile


def supported(language):
    """``language`` as one of settings.LANGUAGES ("fr-be" -> "fr"), or None."""
    if not language:
        return None
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (language, language.split("-")[0]):
        if candidate.lower() in codes:
            return candidate.lower()
    return None


def default_language():
    return supported(settings.LANGUAGE_CODE) or settings.LANGUAGES[0][0]


def preferred_language(user):
    """The language ``user`` asked to be written to in, or None."""
    if user is None or not getattr(user, "pk", None):
        return None
    # Asked each time rather than through user.wagtail_userprofile, whose cache may be
    # older than a change made a moment ago.
    return supported(
        UserProfile.objects.filter(user_id=user.pk)
        .values_list("preferred_language", flat=True)
        .first()
    )


def set_preferred_language(*, user, language, only_if_unset=False):
    """Keep ``language`` as ``user``'s language; with ``only_if_unset``, only when they have
    none yet (a first application does not overrule a choice they made). Returns it."""
    language = supported(language)
    if language is None or user is None or not getattr(user, "pk", None):
        return None
    profile = UserProfile.get_for_user(user)
    if only_if_unset and supported(profile.preferred_language):
        return profile.preferred_language
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return language


def user_for_email(email):
    """The account that has ``email`` (as its address or a confirmed one), or None."""
    if not email:
        return None
    users = get_user_model()._default_manager
    user = users.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        address = (
            EmailAddress.objects.filter(email__iexact=email, verified=True)
            .select_related("user")
            .first()
        )
        user = address.user if address else None
    return user


def recipient_language(*, user=None, email=None, fallback=None):
    """The language to write to someone in: the preference of ``user`` (or of the account
    with ``email``), else ``fallback`` (the language they were using at the time), else
    the site's default."""
    language = preferred_language(user)
    if language is None and user is None and email:
        language = preferred_language(user_for_email(email))
    return language or supported(fallback) or default_language()


def datetime_with_zone(value):
    """A moment in the active language's words and order, with its time zone:
    "Tuesday 10 June 2025, 14:20 CEST", "mardi 10 juin 2025, 14:20 CEST",
    "dinsdag 10 juni 2025 om 14:20 CEST". ``value`` is already in the zone to show (the
    call's or conference's own). See config/formats."""
    if not value:
        return ""
    return f"{formats.date_format(value, 'DATETIME_FORMAT')} {formats.date_format(value, 'T')}"


@contextlib.contextmanager
def in_language(language):
    """Render inside this: gettext, dates and numbers are in ``language``."""
    with translation.override(supported(language) or default_language()):
        yield


def render_email(*, subject_template, body_template, context, language):
    """(subject, body) of an email written from file templates, rendered in ``language``;
    the subject on one line. ``context`` may be a function, called in that language (to
    pick the recipient's translation of a page, say)."""
    with in_language(language):
        context = context() if callable(context) else context
        subject = render_to_string(subject_template, context)
        body = render_to_string(body_template, context)
    return " ".join(subject.split()), body


def signup_language(request):
    """The language someone signs up in: that of the page they came from and go back to
    (``next``, e.g. /fr/tictec-2025-call/), else the one the sign-up page is shown in."""
    next_url = (request.POST.get("next") or request.GET.get("next") or "") if request else ""
    from_path = translation.get_language_from_path(urlsplit(next_url).path) if next_url else None
    return supported(from_path) or supported(translation.get_language())


def remember_signup_language(sender, request, user, **kwargs):
    """allauth's user_signed_up: the language someone signs up in is theirs."""
    set_preferred_language(user=user, language=signup_language(request))


def set_language_cookie(response, language):
    """Remember ``language`` in Django's language cookie, as set_language does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
