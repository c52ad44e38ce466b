"""Programme views: the pages' routes (RoutablePageMixin) and ``serve`` hand requests to
them by dotted path (home.routing.hand_to)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from conference.programme import exports, selectors
from conference.programme.agenda.personal import agenda_for_request, mark_personal
from home.routing import render_page


def programme(request, *, programme):
    agenda = agenda_for_request(request)
    context = programme.get_context(request)
    context.update(
        selectors.programme(
            programme=programme,
            query=request.GET,
            # Anonymous visitors' stars are in their browser: the page is the same for all.
            starred=agenda.keys if agenda.personal else None,
        )
    )
    context["agenda"] = agenda
    # Session links are built from the programme's URL: one reverse, not one per session.
    context["programme_url"] = programme.get_url(request)
    # Where each star button brings the person back to (the same for every card).
    context["star_next"] = request.get_full_path()
    context["breadcrumbs"] = [context["conference"]]
    response = TemplateResponse(request, programme.get_template(request), context)
    return mark_personal(response) if agenda.personal else response


def my_agenda(request):
    """The header's “My agenda” link, the same on every page (so pages stay cacheable):
    to the agenda of the conference on now or next, in the language of the page the link
    was on (``?language=``, else the visitor's)."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    programme = selectors.current_programme(language_code=language)
    if programme is None:
        raise Http404
    return redirect(programme.get_url(request) + programme.reverse_subpage("agenda"))


def session_detail(request, *, session):
    agenda = agenda_for_request(request)
    session.is_starred = session.translation_key in agenda.keys
    context = selectors.session_detail(session=session)
    response = render_page(
        request,
        session,
        **context,
        programme_url=context["programme"].get_url(request),
        breadcrumbs=[context["conference"], context["programme"]],
        agenda=agenda,
    )
    return mark_personal(response) if agenda.personal else response


def conference_index(request, *, page):
    return render_page(request, page, **selectors.conference_index(index_page=page))


def speaker_index(request, *, page):
    return render_page(
        request,
        page,
        speakers=selectors.speaker_index(index_page=page),
        page_url=page.get_url(request),
    )


def speaker(request, *, page):
    return render_page(
        request,
        page,
        sessions=selectors.speaker_sessions(speaker=page),
        breadcrumbs=[page.get_parent()],
    )


def _export_data(request, programme):
    conference, taxonomies = selectors.conference_and_taxonomies(programme)
    sessions = list(selectors.programme_sessions(programme=programme))
    selectors.attach_details(sessions, taxonomies, locale_id=programme.locale_id)
    return conference, taxonomies, sessions


def absolute_url_for(request, programme):
    """Session URLs built from the programme's URL: no query per session."""
    base = programme.get_full_url(request)
    return lambda session: f"{base}{session.slug}/"


def uid_host(request, page):
    """The site's own host name (as in its page URLs), so UIDs do not depend on the
    address a client happened to use."""
    return urlsplit(page.get_full_url(request)).hostname or request.get_host().split(":")[0]


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def programme_ics(request, *, programme):
    conference, _taxonomies, sessions = _export_data(request, programme)
    content = exports.calendar_for_sessions(
        conference=conference,
        sessions=sessions,
        url_for=absolute_url_for(request, programme),
        host=uid_host(request, programme),
        name=conference.title,
    )
    return _download(content, "text/calendar; charset=utf-8", f"{conference.acronym}.ics")


def _frab(request, programme):
    conference, taxonomies, sessions = _export_data(request, programme)
    return conference, exports.frab_schedule(
        conference=conference,
        taxonomies=taxonomies,
        sessions=sessions,
        url_for=absolute_url_for(request, programme),
        programme_url=programme.get_full_url(request),
        language=translation.get_language(),
    )


def programme_frab_xml(request, *, programme):
    _conference, schedule = _frab(request, programme)
    return HttpResponse(exports.frab_xml(schedule), content_type="application/xml; charset=utf-8")


def programme_frab_json(request, *, programme):
    _conference, schedule = _frab(request, programme)
    return HttpResponse(exports.frab_json(schedule), content_type="application/json; charset=utf-8")


def session_ics(request, *, session):
    conference, taxonomies = selectors.conference_and_taxonomies(session)
    selectors.attach_details([session], taxonomies, locale_id=session.locale_id)
    content = exports.calendar_for_sessions(
        conference=conference,
        sessions=[session],
        url_for=lambda item: item.get_full_url(request),
        host=uid_host(request, session),
        name=session.title,
    )
    return _download(content, "text/calendar; charset=utf-8", f"{session.slug}.ics")


def now_and_next(request, *, programme):
    context = programme.get_context(request)
    context.update(selectors.now_and_next(programme=programme))
    context["programme_url"] = programme.get_url(request)
    response = TemplateResponse(request, "conference/programme_page_now.html", context)
    # It depends on the clock: no cache may keep it for more than a minute.
    patch_cache_control(response, max_age=60)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response
