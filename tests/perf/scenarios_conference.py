"""Programme benchmark: a conference of 150 sessions and 250 speakers. Issue 12's targets:
the programme from the page cache at most twice the static floor of the same bytes;
rendered, 35 ms median or less at one sync worker, with a fixed number of queries."""

from functools import cache

from tests.perf.scenarios import scenario

SESSIONS = 150
SPEAKERS = 250


@cache
def _programme(home_id):
    from conference.factories import ConferenceIndexPageFactory, build_conference
    from conference.models import SessionPage
    from home.models import HomePage

    index = ConferenceIndexPageFactory(parent=HomePage.objects.get(pk=home_id), slug="bench-tictec")
    conference, programme, speaker_index = build_conference(
        parent=index, sessions=SESSIONS, speakers=SPEAKERS, rooms=5
    )
    session = SessionPage.objects.child_of(programme).order_by("path")[SESSIONS // 2]
    return programme.url, session.url, speaker_index.url


@scenario("conference-programme", f"Programme page, {SESSIONS} sessions, {SPEAKERS} speakers")
def programme_page(site):
    return _programme(site.home.pk)[0]


@scenario("conference-session", "Session page in that programme")
def session_page(site):
    return _programme(site.home.pk)[1]


@scenario("conference-speakers", f"Speaker index, {SPEAKERS} speakers")
def speaker_index(site):
    return _programme(site.home.pk)[2]


@scenario("conference-frab-xml", f"frab schedule.xml export, {SESSIONS} sessions")
def frab_xml(site):
    return _programme(site.home.pk)[0] + "schedule/xml/"


@scenario("conference-frab-json", f"frab schedule.json export, {SESSIONS} sessions")
def frab_json(site):
    return _programme(site.home.pk)[0] + "schedule/json/"


@scenario("conference-ics", f"iCalendar export of the programme, {SESSIONS} sessions")
def programme_ics(site):
    return _programme(site.home.pk)[0] + "schedule/ics/"
