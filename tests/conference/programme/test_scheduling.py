"""The programme team places sessions in the admin: room clashes refused, speaker
double-bookings warned, choices limited to the session's own conference."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from conference.factories import ConferencePageFactory, ThemeFactory
from conference.models import SessionPage
from conference.programme import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_team_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="programme@example.org",
        email="programme@example.org",
        password="x",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Programme team"))
    client.force_login(user)
    return client


def session_form(tictec, title, *, start, room=None, session_format=None, speakers=(), **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "abstract": rich_text("<p>How data from access to information requests is used.</p>"),
            "session_format": (session_format or tictec.talk).pk,
            "approach": tictec.defensive.pk,
            "attendance": "in_person",
            "day": tictec.day_one.pk,
            "start_time": start,
            "room": (room or tictec.main_hall).pk,
            "duration_minutes": "",
            "slides_url": "",
            "video_url": "",
            "notes": rich_text(""),
            "speaker_links": inline_formset(
                [
                    {"speaker": speaker.pk, "ORDER": str(order)}
                    for order, speaker in enumerate(speakers)
                ]
            ),
            "comments": inline_formset([]),
            **extra,
        }
    )
    data["themes"] = [tictec.climate.pk]  # a multiple choice: a list, not nested form data
    return data


def add_url(tictec):
    return reverse(
        "wagtailadmin_pages:add", args=("conference", "sessionpage", tictec.programme.pk)
    )


def test_programme_team_adds_and_schedules_a_session(programme_team_client, tictec):
    response = programme_team_client.post(
        add_url(tictec),
        {**session_form(tictec, "Open contracting data", start="11:00"), "action-publish": "1"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    session = SessionPage.objects.get(slug="open-contracting-data")
    assert session.live
    assert (session.day, session.start_time, session.room) == (
        tictec.day_one,
        datetime.time(11, 0),
        tictec.main_hall,
    )
    assert list(session.themes.all()) == [tictec.climate]
    programme = BeautifulSoup(
        programme_team_client.get(tictec.programme.url).content, "html.parser"
    )
    assert [link.get_text() for link in programme.select(".programme-session__title")] == [
        "Open contracting data"
    ]


def test_a_room_clash_is_refused_with_both_sessions_named(programme_team_client, tictec):
    tictec.session("Monitoring fossil-fuel narratives", start="13:30")

    response = programme_team_client.post(
        add_url(tictec),
        {
            **session_form(tictec, "Fact-checking climate theories", start="13:40"),
            "action-publish": "1",
        },
    )

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = [
        " ".join(error.get_text(" ", strip=True).split()) for error in page.select(".error-message")
    ]
    assert (
        "“Fact-checking climate theories” (13:40–14:00) would overlap “Monitoring fossil-fuel "
        "narratives” (13:30–13:50) in Main hall on Day one (Tuesday 10 June 2025). Choose another "
        "time or room."
    ) in errors
    assert not SessionPage.objects.filter(slug="fact-checking-climate-theories").exists()
    # What the person typed is kept.
    assert page.select_one("#id_start_time")["value"] == "13:40"


def test_back_to_back_sessions_and_other_rooms_do_not_clash(tictec):
    tictec.session("First", start="13:30")
    back_to_back = SessionPage(
        title="Second",
        session_format=tictec.talk,
        day=tictec.day_one,
        start_time=datetime.time(13, 50),
        room=tictec.main_hall,
    )
    other_room = SessionPage(
        title="Elsewhere",
        session_format=tictec.talk,
        day=tictec.day_one,
        start_time=datetime.time(13, 30),
        room=tictec.studio,
    )
    other_day = SessionPage(
        title="Tomorrow",
        session_format=tictec.talk,
        day=tictec.day_two,
        start_time=datetime.time(13, 30),
        room=tictec.main_hall,
    )

    assert [services.find_room_clash(session=s) for s in (back_to_back, other_room, other_day)] == [
        None,
        None,
        None,
    ]


def test_a_break_takes_every_room(tictec):
    coffee = tictec.session(
        "Coffee break", start="10:30", session_format=tictec.coffee, slug="coffee"
    )
    in_the_studio = SessionPage(
        title="Studio talk",
        session_format=tictec.talk,
        day=tictec.day_one,
        start_time=datetime.time(10, 45),
        room=tictec.studio,
    )

    assert services.find_room_clash(session=in_the_studio) == coffee
    assert services.describe_room_clash(session=in_the_studio, other=coffee) == (
        "“Studio talk” (10:45–11:05) would overlap “Coffee break” (10:30–11:00) in every room "
        "on Day one (Tuesday 10 June 2025). Choose another time or room."
    )


def test_place_session_refuses_a_clash_and_warns_about_a_double_booked_speaker(
    tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace")
    tictec.session(
        "Panel on donations",
        start="11:00",
        room=tictec.studio,
        speakers=[ada],
        session_format=tictec.workshop,
    )
    tictec.session("Main hall talk", start="11:00")
    session = tictec.session(
        "Unplaced talk", start=None, day=None, room=None, speakers=[ada], slug="unplaced"
    )

    with pytest.raises(ValidationError) as refused:
        services.place_session(
            session=session,
            day=tictec.day_one,
            start_time=datetime.time(11, 10),
            room=tictec.main_hall,
        )
    warnings = services.place_session(
        session=session,
        day=tictec.day_one,
        start_time=datetime.time(11, 20),
        room=tictec.main_hall,
        publish=True,
    )

    assert refused.value.messages == [
        "“Unplaced talk” (11:10–11:30) would overlap “Main hall talk” (11:00–11:20) in Main hall "
        "on Day one (Tuesday 10 June 2025). Choose another time or room."
    ]
    assert warnings == [
        "Ada Lovelace is also speaking at “Panel on donations” (11:00–11:35), which overlaps "
        "“Unplaced talk” (11:20–11:40)."
    ]
    session.refresh_from_db()
    assert session.start_time == datetime.time(11, 20)


def test_admin_warns_but_saves_when_a_speaker_is_double_booked(
    programme_team_client, tictec, speaker_factory
):
    ada = speaker_factory("Ada Lovelace")
    tictec.session("Panel on donations", start="11:00", room=tictec.studio, speakers=[ada])

    response = programme_team_client.post(
        add_url(tictec),
        {
            **session_form(tictec, "Declared interests", start="11:10", speakers=[ada]),
            "action-publish": "1",
        },
        follow=True,
    )

    assert SessionPage.objects.filter(slug="declared-interests", live=True).exists()
    messages = [str(message) for message in response.context["messages"]]
    assert (
        "Ada Lovelace is also speaking at “Panel on donations” (11:00–11:20), which overlaps "
        "“Declared interests” (11:10–11:30)."
    ) in messages


def test_session_choices_are_limited_to_the_conference(
    programme_team_client, tictec, conference_index
):
    other = ConferencePageFactory(parent=conference_index, slug="tictec-2019", acronym="tictec2019")
    ThemeFactory(conference=other, name="Measuring impact", slug="impact")

    page = BeautifulSoup(programme_team_client.get(add_url(tictec)).content, "html.parser")

    theme_labels = [
        label.get_text(strip=True)
        for label in page.select("[name=themes] + label, label:has(> [name=themes])")
    ]
    assert "Measuring impact" not in " ".join(theme_labels)
    assert [option.get_text(strip=True) for option in page.select("#id_room option")] == [
        "---------",
        "Main hall",
        "Studio",
    ]


def test_programme_team_lists_and_filters_sessions_in_the_admin(programme_team_client, tictec):
    tictec.session("Monitoring fossil-fuel narratives", start="13:30")
    tictec.session("Open contracting data", start="13:30", room=tictec.studio)
    tictec.session("Not yet placed", start=None, day=None, room=None, slug="unplaced")

    everything = programme_team_client.get("/admin/sessions/")
    in_studio = programme_team_client.get("/admin/sessions/", {"room": tictec.studio.pk})
    unscheduled = programme_team_client.get("/admin/sessions/", {"scheduled": "false"})

    def titles(response):
        page = BeautifulSoup(response.content, "html.parser")
        return sorted(
            " ".join(a.get_text(" ", strip=True).split())
            for a in page.select("[data-listing-page-title] a.title-wrapper, .title-wrapper a")
        )

    assert everything.status_code == 200
    assert titles(everything) == [
        "Monitoring fossil-fuel narratives",
        "Not yet placed",
        "Open contracting data",
    ]
    assert titles(in_studio) == ["Open contracting data"]
    assert titles(unscheduled) == ["Not yet placed"]
