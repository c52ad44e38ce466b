"""A call's dates mean what staff typed, in the call's time zone, whatever the time zone
of the editor's own account (proposals/call_editor.py)."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cohorts.factories import CohortProgrammePageFactory, OpportunityIndexPageFactory
from conference.call.factories import CallForProposalsPageFactory
from conference.factories import ConferencePageFactory
from home.models import EmailKind, EmailTemplate
from proposals.call_editor import CallPageForm, ZonedDateTimeField
from proposals.emails import get_template
from proposals.factories import (
    CallPageFactory,
    CallQuestionFactory,
    RubricCriterionFactory,
    UserFactory,
)
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


# --- A new round, built by staff alone ------------------------------------------------


@pytest.fixture
def cohort_round(home_page):
    index = OpportunityIndexPageFactory(parent=home_page, slug="opportunities")
    page = CohortProgrammePageFactory(
        parent=index, title="FOI campaign support cohort, spring 2027", decisions_by=None
    )
    CallQuestionFactory(page=page, label="Organisation", field_type="singleline")
    CallQuestionFactory(page=page, label="Evidence", field_type="file")
    RubricCriterionFactory(
        page=page, name="Fit with the cohort", scale_min_label="weak", scale_max_label="excellent"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def generic_round(home_page):
    """A plain call (no StreamFields, so a test can post its edit form as it stands)."""
    page = CallPageFactory(
        parent=home_page, title="Open Government Network: working group", decisions_by=None
    )
    CallQuestionFactory(page=page, label="Organisation", field_type="singleline")
    CallQuestionFactory(page=page, label="Evidence", field_type="file")
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="ada@example.org", is_superuser=True, is_staff=True))
    return client


def inline_child(html, prefix):
    return BeautifulSoup(html, "html.parser").find(id=f"inline_child_{prefix}")


def test_each_question_setting_names_the_types_it_applies_to_for_the_editor_script(
    admin_client, cohort_round
):
    html = admin_client.get(edit_url(cohort_round)).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    questions = soup.find(attrs={"data-controller": "question-settings"})
    assert questions is not None and questions.find(id="inline_child_call_questions-0")
    text_question = inline_child(html, "call_questions-0")
    types = {
        wrapper.find(attrs={"name": True})["name"].rsplit("-", 1)[1]: wrapper[
            "data-question-setting-types"
        ].split()
        for wrapper in text_question.find_all(attrs={"data-question-setting-types": True})
    }
    assert types["word_limit"] == ["multiline"]
    assert types["max_file_size_mb"] == types["allowed_file_types"] == ["file"]
    assert types["choices"] == ["checkboxes", "dropdown", "multiselect", "radio"]
    assert "file" not in types["default_value"]
    assert "/static/js/question_settings.js" in html
    # Without the script each setting says which type it is for, in the type's own words.
    word_limit = text_question.find(attrs={"name": "call_questions-0-word_limit"})
    assert "“Multi-line text” questions only" in word_limit.find_parent(
        attrs={"data-field-wrapper": True}
    ).get_text(" ")


def test_settings_a_question_type_does_not_use_are_cleared_when_the_page_is_saved(
    admin_client, generic_round
):
    html = admin_client.get(edit_url(generic_round)).content.decode()
    data = {
        **form_data(html),
        "call_questions-0-word_limit": "300",
        "call_questions-0-max_file_size_mb": "20",
        "call_questions-0-choices": "Yes\nNo",
        "action-publish": "1",
    }

    response = admin_client.post(edit_url(generic_round), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = generic_round.call_questions.get(label="Organisation")
    assert (organisation.word_limit, organisation.max_file_size_mb, organisation.choices) == (
        None,
        None,
        "",
    )
    evidence = generic_round.call_questions.get(label="Evidence")
    assert evidence.max_file_size_mb == 10


def test_the_rubric_has_help_and_scale_labels_and_no_categories_on_a_cohort_round(
    admin_client, cohort_round
):
    html = admin_client.get(edit_url(cohort_round)).content.decode()
    criterion = inline_child(html, "rubric_criteria-0")

    def help_of(name):
        field = criterion.find(attrs={"name": f"rubric_criteria-0-{name}"})
        return field.find_parent(attrs={"data-field-wrapper": True}).get_text(" ")

    assert "counts twice as much as 1" in help_of("weight")
    assert "usually 1" in help_of("scale_min")
    assert "from 2 to 10" in help_of("scale_max")
    assert criterion.find(attrs={"name": "rubric_criteria-0-scale_min_label"})["value"] == "weak"
    assert (
        criterion.find(attrs={"name": "rubric_criteria-0-scale_max_label"})["value"] == "excellent"
    )
    # A cohort round sorts submissions into no categories: nothing to limit a criterion to.
    assert criterion.find(attrs={"name": "rubric_criteria-0-applies_to"}) is None
    assert "session format" not in html


def test_a_call_with_categories_offers_applies_only_to_and_lists_them(admin_client, home_page):
    conference = ConferencePageFactory(parent=home_page)
    call = CallForProposalsPageFactory(parent=conference)
    RubricCriterionFactory(page=call, name="Quality of audience participation")
    call.save_revision().publish()
    keys = [key for key, _label in call.get_rubric_categories()]

    html = admin_client.get(edit_url(call)).content.decode()

    field = inline_child(html, "rubric_criteria-0").find(
        attrs={"name": "rubric_criteria-0-applies_to"}
    )
    help_text = field.find_parent(attrs={"data-field-wrapper": True}).get_text(" ")
    assert f"This call's categories: {', '.join(keys)}." in help_text


def test_the_date_picker_lists_quarter_hours(admin_client, cohort_round):
    html = admin_client.get(edit_url(cohort_round)).content.decode()

    for name in ("opens_at", "closes_at", "decisions_by"):
        script = field_wrapper(html, name).find("script").string
        config = json.loads(re.search(r'initDateTimeChooser\("[^"]+", (\{.*\})\);', script)[1])
        assert config["step"] == 15, name


def test_restricted_to_group_says_it_limits_which_staff_see_the_submissions(
    admin_client, cohort_round
):
    html = admin_client.get(edit_url(cohort_round)).content.decode()

    text = field_wrapper(html, "restricted_to_group").get_text(" ")
    assert "only staff in this group, and the reviewers they assign, can see and review" in text
    assert "It does not limit who may apply." in text


def test_the_emails_tab_lists_the_placeholders_and_says_no_decision_date_is_set(
    admin_client, cohort_round
):
    html = admin_client.get(edit_url(cohort_round)).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    tab = soup.find(id="tab-emails")
    placeholders = [dt.get_text() for dt in tab.select(".proposals-placeholders dt")]
    assert placeholders[:3] == [
        "{{ applicant_name }}",
        "{{ title }}",
        "{{ call_title }}",
    ]
    assert "{{ submission_url }}" in placeholders
    assert "This call gives no “decisions by” date" in tab.get_text(" ")
    assert tab.find(attrs={"name": "call_email_templates-TOTAL_FORMS"})["value"] == "0"
    # "Add" offers the messages a call may replace (placements are written by cohorts).
    kind = tab.find("template").find(
        "select", attrs={"name": "call_email_templates-__prefix__-kind"}
    )
    assert [o["value"] for o in kind.find_all("option") if o["value"]] == [
        "confirmation",
        "accepted",
        "rejected",
        "waitlisted",
        "review_reminder",
    ]


def post_email(client, page, **fields):
    html = client.get(edit_url(page)).content.decode()
    data = {**form_data(html), "call_email_templates-TOTAL_FORMS": "1", "action-publish": "1"}
    english = Locale.objects.get(language_code="en").pk
    defaults = {"kind": "confirmation", "locale": str(english), "subject": "", "body": ""}
    for name, value in {**defaults, **fields}.items():
        data[f"call_email_templates-0-{name}"] = value
    data["call_email_templates-0-id"] = ""
    data["call_email_templates-0-DELETE"] = ""
    return client.post(edit_url(page), data)


def test_a_round_carries_its_own_receipt_previewed_with_a_sample_submission(
    admin_client, generic_round
):
    response = post_email(
        admin_client,
        generic_round,
        subject="Thank you, {{ applicant_name }}",
        body="Dear {{ applicant_name }},\nWe have your application to {{ call_title }}.\n"
        "{% if decisions_by %}Decisions by {{ decisions_by }}.{% else %}We will write soon."
        "{% endif %}\n{{ answers }}",
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    template = EmailTemplate.objects.get()
    assert (template.call_id, template.kind) == (generic_round.pk, EmailKind.CONFIRMATION)

    html = admin_client.get(edit_url(generic_round)).content.decode()
    preview = inline_child(html, "call_email_templates-0").select_one(".proposals-email-preview")
    assert preview.select_one(".proposals-email-preview__subject").get_text(" ", strip=True) == (
        "Subject: Thank you, Amani Applicant"
    )
    assert preview.select_one(".proposals-email-preview__body").get_text() == (
        "Dear Amani Applicant,\n"
        "We have your application to Open Government Network: working group.\n"
        "We will write soon.\n"
        "Organisation:\n(their answer)\n\nEvidence:\n(their answer)\n\n"
    )


def test_an_email_that_cannot_be_rendered_is_refused_next_to_its_field(admin_client, generic_round):
    response = post_email(
        admin_client, generic_round, subject="Hello", body="Dear {% applicant_name %}"
    )

    assert response.status_code == 200
    body = inline_child(response.content.decode(), "call_email_templates-0").find(
        attrs={"name": "call_email_templates-0-body"}
    )
    error = body.find_parent(attrs={"data-field-wrapper": True}).get_text(" ")
    assert "This template cannot be used:" in error
    assert EmailTemplate.objects.count() == 0


def test_two_versions_of_one_message_in_one_language_are_refused_on_the_second(
    admin_client, generic_round
):
    html = admin_client.get(edit_url(generic_round)).content.decode()
    english = str(Locale.objects.get(language_code="en").pk)
    data = {**form_data(html), "call_email_templates-TOTAL_FORMS": "2", "action-publish": "1"}
    for index in (0, 1):
        data.update(
            {
                f"call_email_templates-{index}-id": "",
                f"call_email_templates-{index}-DELETE": "",
                f"call_email_templates-{index}-kind": "accepted",
                f"call_email_templates-{index}-locale": english,
                f"call_email_templates-{index}-subject": "Accepted",
                f"call_email_templates-{index}-body": "Welcome",
            }
        )

    response = admin_client.post(edit_url(generic_round), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the duplicate data for call, kind and locale" in html
    second = inline_child(html, "call_email_templates-1").get_text(" ")
    assert "Please correct the duplicate values below." in second
    assert EmailTemplate.objects.count() == 0


def test_the_email_written_on_the_page_is_the_one_its_applicants_get(admin_client, generic_round):
    post_email(admin_client, generic_round, subject="Received: {{ title }}", body="Hi")

    assert get_template(call_id=generic_round.pk, kind=EmailKind.CONFIRMATION, language="en") == (
        "Received: {{ title }}",
        "Hi",
    )
