"""A call's dates mean what staff typed, in the call's time zone, whatever the time zone
of the editor's own account (proposals/call_editor.py)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from proposals.call_editor import CallPageForm, ZonedDateTimeField
from proposals.factories import CallPageFactory, UserFactory
from proposals.registry import call_page_models

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def london_call(home_page):
    page = CallPageFactory(
        parent=home_page,
        title="Open Government Network: call for workshop hosts",
        time_zone="Europe/London",
        opens_at=datetime.datetime(2025, 1, 6, 9, 0, tzinfo=UTC),
        closes_at=datetime.datetime(2025, 2, 14, 17, 0, tzinfo=UTC),
        decisions_by=datetime.datetime(2025, 3, 31, 12, 0, tzinfo=UTC),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def paris_editor(client):
    """An editor whose Wagtail account is set to Paris time (an hour ahead of London)."""
    editor = UserFactory(email="eli@example.org", groups=["Moderators"])
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = "Europe/Paris"
    profile.save()
    client.force_login(editor)
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_data(html):
    """Every value the edit form would post as it stands: what a browser sends on save."""
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in ("submit", "button", "file"):
            continue
        if element.name == "textarea":
            data[name] = element.text
        elif element.name == "select":
            selected = element.find_all("option", selected=True)
            data[name] = (
                [o.get("value", o.text) for o in selected]
                if element.has_attr("multiple")
                else (selected[0].get("value", selected[0].text) if selected else "")
            )
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        else:
            data[name] = element.get("value", "")
    return data


def field_wrapper(html, name):
    """The help text and widget of one field, as the editor sees them."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.find(attrs={"name": name}).find_parent(attrs={"data-field-wrapper": True})


def test_a_deadline_typed_by_an_editor_in_paris_means_that_time_in_london(
    paris_editor, london_call
):
    html = paris_editor.get(edit_url(london_call)).content.decode()
    data = {**form_data(html), "closes_at": "2025-03-01 17:00", "action-publish": "1"}

    response = paris_editor.post(edit_url(london_call), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    london_call.refresh_from_db()
    # 1 March is winter time in London: 17:00 there is 17:00 UTC (not 16:00, Paris's 17:00).
    assert london_call.closes_at == datetime.datetime(2025, 3, 1, 17, 0, tzinfo=UTC)
    assert london_call.closes_at_local.strftime("%H:%M") == "17:00"
    # The dates left alone keep their meaning: saving the form again moved nothing.
    assert london_call.opens_at == datetime.datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    assert london_call.decisions_by == datetime.datetime(2025, 3, 31, 12, 0, tzinfo=UTC)


def test_the_editor_shows_the_stored_dates_in_the_call_time_zone_and_names_it(
    paris_editor, london_call
):
    html = paris_editor.get(edit_url(london_call)).content.decode()

    data = form_data(html)
    assert data["closes_at"] == "2025-02-14 17:00"  # not 18:00, the Paris clock
    # 31 March is summer time in London: 12:00 UTC is 13:00 there.
    assert data["decisions_by"] == "2025-03-31 13:00"
    for name in ("opens_at", "closes_at", "decisions_by"):
        assert "In the call's time zone, Europe/London." in field_wrapper(html, name).get_text()


def test_a_summer_deadline_is_read_in_british_summer_time(paris_editor, london_call):
    html = paris_editor.get(edit_url(london_call)).content.decode()
    data = {**form_data(html), "closes_at": "2025-07-01 17:00", "action-publish": "1"}

    paris_editor.post(edit_url(london_call), data)

    london_call.refresh_from_db()
    assert london_call.closes_at == datetime.datetime(2025, 7, 1, 16, 0, tzinfo=UTC)


def test_dates_are_read_in_the_zone_chosen_beside_them(paris_editor, london_call):
    html = paris_editor.get(edit_url(london_call)).content.decode()
    data = {
        **form_data(html),
        "time_zone": "America/New_York",
        "closes_at": "2025-03-01 17:00",
        "action-publish": "1",
    }

    paris_editor.post(edit_url(london_call), data)

    london_call.refresh_from_db()
    assert london_call.time_zone == "America/New_York"
    assert london_call.closes_at == datetime.datetime(2025, 3, 1, 22, 0, tzinfo=UTC)


def test_the_time_zone_is_a_choice_and_an_unknown_zone_is_refused_next_to_the_field(
    paris_editor, london_call
):
    html = paris_editor.get(edit_url(london_call)).content.decode()
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "time_zone"})
    assert select is not None
    options = [option["value"] for option in select.find_all("option")]
    assert "Europe/London" in options and "Asia/Kolkata" in options
    assert options == sorted(options)
    assert select.find("option", selected=True)["value"] == "Europe/London"

    data = {**form_data(html), "time_zone": "Mars/Olympus", "closes_at": "2025-03-01 17:00"}
    response = paris_editor.post(edit_url(london_call), data)

    assert response.status_code == 200
    error = field_wrapper(response.content.decode(), "time_zone").get_text()
    assert "Select a valid choice. Mars/Olympus is not one of the available choices." in error
    # What was typed beside it is kept for the next try.
    assert form_data(response.content.decode())["closes_at"] == "2025-03-01 17:00"
    london_call.refresh_from_db()
    assert london_call.time_zone == "Europe/London"
    assert london_call.closes_at == datetime.datetime(2025, 2, 14, 17, 0, tzinfo=UTC)


def test_every_page_type_hosting_a_call_edits_its_dates_in_the_call_time_zone():
    hosts = {model._meta.label: model for model in call_page_models()}
    assert {
        "proposals.CallPage",
        "conference.CallForProposalsPage",
        "cohorts.CohortProgrammePage",
        "cohorts.ActionLabPage",
        "cohorts.VacancyPage",
    } <= set(hosts)
    for label, model in hosts.items():
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, CallPageForm), label
        for name in ("opens_at", "closes_at", "decisions_by"):
            assert isinstance(form_class.base_fields[name], ZonedDateTimeField), (label, name)
