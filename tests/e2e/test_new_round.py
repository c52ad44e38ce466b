"""Staff open a new round alone (issue #10): an editor builds "FOI campaign support cohort,
spring 2027" in the Wagtail admin — questions showing only the settings their type uses, a
rubric whose scale ends are named, the round's own receipt on its Emails tab with the
placeholders listed and a preview — and submits it; a moderator approves and publishes it
and is told so; the published page is accessible."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from cohorts.factories import OpportunityIndexPageFactory
from cohorts.models import CohortProgrammePage
from home.models import EmailKind, EmailTemplate
from tests.e2e.test_moderation import roles_and_workflow, sign_in, sign_out, staff_member

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "FOI campaign support cohort, spring 2027"


def rich_text(page, name, text):
    page.locator(f"[data-field-wrapper]:has(#id_{name}) [role='textbox']").click()
    page.keyboard.type(text)


def question(page, index):
    return page.locator(f"#inline_child_call_questions-{index}")


def setting(question_panel, name, index):
    """The wrapper of one of a question's settings (what the editor's script hides)."""
    return question_panel.locator(
        f"[data-question-setting-types]:has([name='call_questions-{index}-{name}'])"
    )


def test_an_editor_builds_a_round_and_a_moderator_publishes_it(
    home_page, browser_page, assert_accessible
):
    home_page.save_revision().publish()
    roles_and_workflow(Page.get_first_root_node())
    Locale.objects.get_or_create(language_code="en")
    for name in ("Programme team", "Reviewers"):
        Group.objects.get_or_create(name=name)
    index = OpportunityIndexPageFactory(parent=home_page, slug="opportunities")
    index.save_revision().publish()
    staff_member("eddie@example.org", "Editors")
    staff_member("mo@example.org", "Moderators")
    page = browser_page

    sign_in(page, "eddie@example.org")
    page.goto(f"/admin/pages/add/cohorts/cohortprogrammepage/{index.pk}/")

    # --- Content -------------------------------------------------------------------
    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary*").fill(
        "Support for organisations running FOI campaigns with marginalised groups."
    )
    rich_text(page, "who_its_for", "UK organisations working with marginalised groups.")
    rich_text(page, "what_you_get", "Training and mentoring from January to July.")
    rich_text(page, "what_we_ask", "Two sessions a month.")
    page.get_by_role("textbox", name="Programme starts*").fill("2027-03-01")
    page.get_by_role("textbox", name="Programme ends*").fill("2027-07-31")

    # --- Applications: the date picker lists quarter hours --------------------------
    page.get_by_role("tab", name="Applications").click()
    closes = page.get_by_role("textbox", name="Closes at")
    closes.click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker.locator(".xdsoft_time[data-hour='17'][data-minute='30']")).to_have_count(1)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    closes.evaluate("field => field.blur()")
    expect(picker).to_have_count(0)
    for name, value in (("Closes at", "2027-02-26 17:30"), ("Opens at", "2027-01-11 09:15")):
        field = page.get_by_role("textbox", name=name)
        field.fill(value)
        # The picker opens a moment after the field takes focus: wait for it, then close it.
        expect(picker).to_have_count(1)
        page.keyboard.press("Escape")
        field.evaluate("field => field.blur()")
        expect(picker).to_have_count(0)
    # An editor does not decide who sees submissions: the group is for the Programme team.
    expect(page.get_by_text("Restricted to group")).to_have_count(0)

    # --- Questions: each type shows only its own settings --------------------------
    page.get_by_role("tab", name="Questions").click()
    page.get_by_role("button", name=re.compile("^Add questions?$", re.I)).last.click()
    first = question(page, 0)
    first.get_by_role("textbox", name="Label*").fill("Tell us about your campaign")
    first.get_by_role("combobox", name="Field type*").select_option(label="Multi-line text")
    expect(setting(first, "word_limit", 0)).to_be_visible()
    expect(setting(first, "word_limit", 0)).to_contain_text("“Multi-line text” questions only")
    for hidden in ("max_file_size_mb", "allowed_file_types", "choices"):
        expect(setting(first, hidden, 0)).to_be_hidden()
    first.get_by_role("spinbutton", name="Word limit").fill("300")

    page.get_by_role("button", name=re.compile("^Add questions?$", re.I)).last.click()
    second = question(page, 1)
    second.get_by_role("textbox", name="Label*").fill("Your latest annual report")
    second.get_by_role("combobox", name="Field type*").select_option(label="File upload")
    expect(setting(second, "max_file_size_mb", 1)).to_be_visible()
    expect(setting(second, "allowed_file_types", 1)).to_be_visible()
    expect(setting(second, "word_limit", 1)).to_be_hidden()
    expect(setting(second, "choices", 1)).to_be_hidden()

    page.get_by_role("button", name=re.compile("^Add questions?$", re.I)).last.click()
    third = question(page, 2)
    third.get_by_role("textbox", name="Label*").fill("How did you hear about us?")
    third.get_by_role("combobox", name="Field type*").select_option(label="Radio buttons")
    expect(setting(third, "choices", 2)).to_be_visible()
    expect(setting(third, "max_file_size_mb", 2)).to_be_hidden()
    third.get_by_role("textbox", name="Choices").fill("Newsletter\nA partner\nSocial media")

    # --- Rubric: explained, ends named, no categories on a cohort round -------------
    page.get_by_role("tab", name="Rubric").click()
    page.get_by_role("button", name=re.compile("^Add rubric criteri", re.I)).last.click()
    criterion = page.locator("#inline_child_rubric_criteria-0")
    criterion.get_by_role("textbox", name="Name*").fill("Fit with the cohort's aims")
    expect(criterion).to_contain_text("counts twice as much as 1")
    criterion.get_by_role("textbox", name="Lowest score means").fill("weak")
    criterion.get_by_role("textbox", name="Highest score means").fill("excellent")
    expect(criterion.get_by_text("Applies only to")).to_have_count(0)

    # --- Emails: the round's own receipt, with the placeholders listed --------------
    page.get_by_role("tab", name="Emails").click()
    emails_tab = page.get_by_role("tabpanel", name="Emails")
    expect(emails_tab.locator(".proposals-placeholders")).to_contain_text("{{ applicant_name }}")
    expect(emails_tab.locator(".proposals-placeholders")).to_contain_text("{{ submission_url }}")
    page.get_by_role("button", name=re.compile("^Add emails?$", re.I)).last.click()
    email = page.locator("#inline_child_call_email_templates-0")
    email.get_by_role("combobox", name="Message*").select_option(label="Submission received")
    email.get_by_role("textbox", name="Subject*").fill(
        "We have your application, {{ applicant_name }}"
    )
    email.get_by_role("textbox", name="Body*").fill(
        "Dear {{ applicant_name }},\n\nThank you for applying to {{ call_title }}.\n"
        "You can read it here: {{ submission_url }}\n"
    )

    # Saved as a draft, the receipt is previewed with a made-up submission.
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("created")
    page.get_by_role("tab", name="Emails").click()
    preview = page.locator("#inline_child_call_email_templates-0 .proposals-email-preview")
    expect(preview).to_contain_text("Subject: We have your application, Amani Applicant")
    # The call named as the sent email names it (with what it belongs to, if anything).
    expect(preview).to_contain_text(
        re.compile("Thank you for applying to (.+: )?" + re.escape(TITLE) + r"\.")
    )

    # Changed, it is previewed as typed, before saving again.
    email = page.locator("#inline_child_call_email_templates-0")
    email.get_by_role("textbox", name="Subject*").fill("Received: {{ applicant_name }}")
    email.get_by_role("button", name="Preview as typed").click()
    expect(preview).to_contain_text("Subject: Received: Amani Applicant")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    created = CohortProgrammePage.objects.get(title=TITLE)
    assert created.live is False
    sign_out(page)

    # --- The moderator approves it and is told it is published ----------------------
    sign_in(page, "mo@example.org")
    page.goto(f"/admin/pages/{created.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(
        f"Page '{TITLE}' has been approved and published."
    )
    expect(page.locator(".messages")).not_to_contain_text("has been updated")
    sign_out(page)

    created.refresh_from_db()
    assert created.live
    questions = list(created.call_questions.all())
    assert [(q.field_type, q.word_limit, q.max_file_size_mb) for q in questions] == [
        ("multiline", 300, None),
        ("file", None, 10),
        ("radio", None, None),
    ]
    assert created.closes_at_local.strftime("%Y-%m-%d %H:%M") == "2027-02-26 17:30"
    rubric = created.rubric_criteria.get()
    assert (rubric.scale_min_label, rubric.scale_max_label, rubric.applies_to) == (
        "weak",
        "excellent",
        "",
    )
    receipt = EmailTemplate.objects.get(call=created)
    assert (receipt.kind, receipt.subject) == (
        EmailKind.CONFIRMATION,
        "Received: {{ applicant_name }}",
    )

    # --- The round is public and accessible -----------------------------------------
    page.goto(created.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)
