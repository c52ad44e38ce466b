"""The session admin form on an existing session: it finds the session's conference through
the page (programme.forms imports no conference model) and still refuses room clashes."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from conference.factories import ConferencePageFactory, RoomFactory
from tests.conference.programme.test_scheduling import session_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_team_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="programme@example.org", email="programme@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Programme team"))
    client.force_login(user)
    return client


def test_editing_a_session_offers_only_its_own_conferences_rooms(
    programme_team_client, tictec, conference_index
):
    other = ConferencePageFactory(parent=conference_index, slug="tictec-2019", acronym="tictec2019")
    RoomFactory(conference=other, name="Ghent hall", slug="ghent-hall")
    session = tictec.session("Open contracting", start="10:00")

    response = programme_team_client.get(reverse("wagtailadmin_pages:edit", args=(session.pk,)))

    page = BeautifulSoup(response.content, "html.parser")
    assert [option.get_text(strip=True) for option in page.select("#id_room option")] == [
        "---------",
        "Main hall",
        "Studio",
    ]


def test_moving_a_session_onto_another_in_its_room_is_refused_on_edit(
    programme_team_client, tictec
):
    tictec.session("Keynote", start="09:00", room=tictec.main_hall)
    session = tictec.session("Open contracting", start="11:00", room=tictec.main_hall)

    response = programme_team_client.post(
        reverse("wagtailadmin_pages:edit", args=(session.pk,)),
        {**session_form(tictec, "Open contracting", start="09:10"), "action-publish": "1"},
    )

    form = response.context["form"]
    assert form.errors["start_time"] == [
        "“Open contracting” (09:10–09:30) would overlap “Keynote” (09:00–09:20) in Main hall "
        "on Day one (Tuesday 10 June 2025). Choose another time or room."
    ]
    session.refresh_from_db()
    assert session.start_time.isoformat() == "11:00:00"
