"""Moderation in the real Wagtail admin: an editor builds a content page with every block
and submits it; a moderator approves it; the page is live and accessible."""

import re

import pytest
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ContentPage

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-and-unusual-passphrase"
VIDEO_URL = "https://www.youtube.com/watch?v=tictec-2025-opening"
TITLE = "Opening Up Government: Leeds Workshop"


def roles_and_workflow(root_page):
    """Editors, Moderators and the "Moderators approval" workflow, as Wagtail's migrations
    create them. An earlier browser test's flush removes migrated data, so build it here
    when it is missing (get_or_create: a no-op on a freshly migrated database)."""
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    access_admin = Permission.objects.get(codename="access_admin")
    roles = {
        "Editors": ["add_page", "change_page"],
        "Moderators": ["add_page", "change_page", "publish_page"],
    }
    for name, page_permissions in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
            for action in ["add", "change", "choose"]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    ),
                )
    workflow, _created = Workflow.objects.get_or_create(name="Moderators approval")
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set([Group.objects.get(name="Moderators")])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})
    return collection


def staff_member(email, group):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def media_library(collection):
    """An image and a document editors can choose, and the video provider's answer,
    cached as Wagtail caches it, so the test needs no network."""
    wagtail_factories.ImageFactory(
        title="Workshop participants at Leeds Central Library", collection=collection
    )
    wagtail_factories.DocumentFactory(title="Leeds workshop notes", collection=collection)
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL, 800, None),
        url=VIDEO_URL,
        max_width=800,
        type="video",
        html='<iframe title="TICTeC 2025 opening session" srcdoc="<p>TICTeC 2025</p>"></iframe>',
        title="TICTeC 2025 opening session",
        provider_name="YouTube",
        width=640,
        height=360,
    )


def sign_in(page, email, next_url="/admin/"):
    page.goto(next_url)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.goto("/accounts/logout/")
    page.get_by_role("main").get_by_role("button", name="Sign out").click()


def add_block(page, label):
    body = page.get_by_role("region", name="Body")
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    return body.get_by_role("region", name=re.compile("^" + re.escape(label))).first


def build_page_with_every_block(page):
    page.get_by_role("textbox", name="Title*").fill(TITLE)
    # The introduction is rich text (Draftail): click into its editor and type.
    page.locator("[data-field-wrapper]:has(#id_introduction) [role='textbox']").click()
    page.keyboard.type("Notes from the Leeds workshop.")

    add_block(page, "Heading").get_by_role("textbox", name="Heading*").fill("Venue, date and time")
    add_block(page, "Text").get_by_role("textbox").click()
    page.keyboard.type("Leeds Central Library, 13 March 2019.")

    image = add_block(page, "Image")
    image.get_by_role("button", name="Choose an image").click()
    page.get_by_role("dialog").get_by_role(
        "link", name="Workshop participants at Leeds Central Library"
    ).click()
    image.get_by_role("textbox", name="Alt text").fill("Participants around a table")
    image.get_by_role("textbox", name="Caption").fill("The Leeds workshop")

    add_block(page, "Quote").get_by_role("textbox", name="Quote*").fill(
        "Open government is about people being able to change decisions made for them."
    )

    table = add_block(page, "Table")
    table.get_by_role("combobox", name="Table headers").select_option(
        label="Display the first row as a header"
    )
    table.get_by_role("textbox", name="Table caption").fill("Priorities voted by participants")
    cells = table.locator("td")
    for number, text in enumerate(
        ["Priority", "Votes", "Lead", "Open contracting", "14", "Involve"]
    ):
        cells.nth(number).dblclick()
        page.keyboard.type(text)
        page.keyboard.press("Enter")

    embed = add_block(page, "Embed")
    embed.get_by_role("textbox", name="Video or media URL*").fill(VIDEO_URL)
    embed.get_by_role("textbox", name="Title*").fill("TICTeC 2025 opening session")

    call_to_action = add_block(page, "Call to action")
    call_to_action.get_by_role("textbox", name="Heading*").fill("Submit a session proposal")
    call_to_action.get_by_role("textbox", name="or to a web address").fill(
        "https://tictec.mysociety.org/"
    )
    call_to_action.get_by_role("textbox", name="Button label*").fill("Read the call")

    document = add_block(page, "Document")
    document.get_by_role("button", name="Choose a document").click()
    page.get_by_role("dialog").get_by_role("link", name="Leeds workshop notes").click()
    expect(document.get_by_text("Leeds workshop notes")).to_be_visible()


def test_an_editor_submits_a_page_and_a_moderator_publishes_it(
    home_page, browser_page, assert_accessible
):
    home_page.save_revision().publish()
    media_library(roles_and_workflow(Page.get_first_root_node()))
    staff_member("eddie@example.org", "Editors")
    staff_member("mo@example.org", "Moderators")
    page = browser_page

    # The editor signs in through the site's sign-in page and lands in the admin.
    sign_in(page, "eddie@example.org")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/add/home/contentpage/{home_page.pk}/")
    build_page_with_every_block(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{home_page.pk}/$"))

    created = ContentPage.objects.get(title=TITLE)
    assert created.live is False
    assert created.current_workflow_state.status == "in_progress"
    assert [block.block_type for block in created.get_latest_revision_as_object().body] == [
        "heading", "text", "image", "quote", "table", "embed", "call_to_action", "document"
    ]  # fmt: skip
    sign_out(page)

    # The moderator finds it awaiting review and approves it.
    sign_in(page, "mo@example.org")
    review = page.get_by_role("region", name="Awaiting your review")
    review.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{home_page.pk}/$"))

    created.refresh_from_db()
    assert created.live is True
    assert [state.status for state in created.workflow_states.all()] == ["approved"]
    sign_out(page)

    # Anyone can now read it, with every block rendered accessibly.
    page.goto(created.url)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(main.get_by_role("heading", name="Venue, date and time", level=2)).to_be_visible()
    expect(main.get_by_text("Leeds Central Library, 13 March 2019.")).to_be_visible()
    expect(main.get_by_role("img", name="Participants around a table")).to_be_attached()
    expect(main.locator("blockquote")).to_contain_text("Open government is about people")
    expect(main.get_by_role("table", name="Priorities voted by participants")).to_be_visible()
    expect(main.get_by_role("columnheader", name="Priority")).to_be_visible()
    expect(main.locator("iframe[title='TICTeC 2025 opening session']")).to_be_attached()
    expect(main.get_by_role("link", name="Read the call")).to_have_attribute(
        "href", "https://tictec.mysociety.org/"
    )
    expect(main.get_by_role("link", name=re.compile("Leeds workshop notes"))).to_be_visible()
    assert_accessible(page)
