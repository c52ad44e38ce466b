"""Agenda views: the star button's target (its own URL, so pages that show stars can stay
cacheable for anonymous visitors), the "my agenda" page, and the private calendar feed
(both reached through ProgrammePage's routes)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from conference.programme import exports, selectors, views
from conference.programme.agenda import authenticity, services
from conference.programme.agenda import selectors as agenda_selectors
from conference.programme.agenda.personal import agenda_for_request, mark_personal

# More than any programme has sessions: one post cannot grow a visitor's session further.
MAX_KEYS_PER_POST = 500


def _next_url(request, fallback):
    url = request.POST.get("next", "").split("#")[0]
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


@csrf_exempt  # authenticity.protect_star asks for the token, or for proof of the same origin
@require_POST
@never_cache
@authenticity.protect_star
def star(request):
    """Star or unstar sessions (``session``: translation keys; ``starred``: 1 or 0), for the
    signed-in person or in the visitor's session, then go back where the button was."""
    keys = agenda_selectors.parse_keys(request.POST.getlist("session")[:MAX_KEYS_PER_POST])
    starred = request.POST.get("starred") == "1"
    wants_json = "application/json" in request.headers.get("Accept", "")
    next_url = _next_url(request, fallback="/")
    language = translation.get_language_from_path(next_url) or translation.get_language()
    sessions = agenda_selectors.live_sessions_by_key(keys, language_code=language)
    if not sessions:
        if wants_json:
            return JsonResponse({"error": "unknown session"}, status=400)
        with translation.override(language):
            messages.error(request, _("This session is no longer in the programme."))
        return redirect(next_url)
    services.set_stars(
        user=request.user, session=request.session, keys=list(sessions), starred=starred
    )
    if wants_json:
        return JsonResponse({"starred": starred, "sessions": [str(key) for key in sessions]})
    key, session = next(iter(sessions.items()))
    with translation.override(language):
        if starred:
            message = _("“%(title)s” is in your agenda.")
        else:
            message = _("“%(title)s” is no longer in your agenda.")
        messages.success(request, message % {"title": session.title})
    return redirect(f"{next_url}#star-{key}")


def agenda(request, *, programme):
    """My agenda: the sessions this person starred in this programme, and (signed in) the
    address of their private calendar feed."""
    agenda = agenda_for_request(request)
    context = programme.get_context(request)
    context.update(agenda_selectors.agenda_page(programme=programme, agenda=agenda))
    context["programme_url"] = programme.get_url(request)
    context["breadcrumbs"] = [context["conference"], programme]
    if agenda.signed_in:
        token = agenda_selectors.active_feed_token(user=request.user)
        if token is not None:
            feed_url = programme.get_full_url(request) + programme.reverse_subpage(
                "agenda_feed", args=(token.token,)
            )
            context["feed_url"] = feed_url
            context["webcal_url"] = "webcal://" + feed_url.split("://", 1)[1]
    response = TemplateResponse(request, "conference/programme_page_agenda.html", context)
    if agenda.personal:
        mark_personal(response)
    return response


def feed_address(request, *, programme):
    """Create a new private calendar address (revoking the old one) or stop it."""
    agenda_url = programme.get_url(request) + programme.reverse_subpage("agenda")
    if not request.user.is_authenticated:
        return redirect_to_login(agenda_url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.POST.get("action") == "revoke":
        services.revoke_feed_tokens(user=request.user)
        messages.success(
            request,
            _("Your calendar address no longer works: calendars subscribed to it stop updating."),
        )
    else:
        services.new_feed_token(user=request.user)
        messages.success(
            request,
            _("Your private calendar address is ready. Any address you had before stops working."),
        )
    return redirect(f"{agenda_url}#calendar")


def feed(request, *, programme, token):
    """The person's starred sessions as an iCalendar feed, with their current times: a
    calendar app subscribed to it follows a session that moves. 404 for an unknown or
    revoked address; never stored by a shared cache."""
    user_id = agenda_selectors.feed_owner_id(token=token)
    if user_id is None:
        raise Http404
    conference = selectors.conference_for(programme)
    taxonomies = selectors.Taxonomies.for_conference(conference)
    sessions = agenda_selectors.feed_sessions(programme=programme, user_id=user_id)
    selectors.attach_details(sessions, taxonomies, locale_id=programme.locale_id)
    content = exports.calendar_for_sessions(
        conference=conference,
        sessions=sessions,
        url_for=views.absolute_url_for(request, programme),
        host=views.uid_host(request, programme),
        name=_("My agenda: %(conference)s") % {"conference": conference.title},
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{conference.acronym}-agenda.ics"'
    response["X-Robots-Tag"] = "noindex"
    return mark_personal(response)
