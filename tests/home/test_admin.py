"""Editors build these pages in the Wagtail admin without a developer."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_factories import DocumentFactory, ImageFactory

from home.blocks import BodyStreamBlock
from home.factories import ContentPageFactory, EmbedFactory, HomePageFeaturedItemFactory
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def test_content_page_editor_offers_every_block(admin_client, home_page):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk])
    )

    assert response.status_code == 200
    assert list(BodyStreamBlock().child_blocks) == [
        "heading",
        "text",
        "image",
        "quote",
        "table",
        "embed",
        "call_to_action",
        "document",
    ]
    content = response.content.decode()
    for block_name in BodyStreamBlock().child_blocks:
        assert f'"name": "{block_name}"' in content or f"&quot;{block_name}&quot;" in content


def test_home_page_editor_lists_the_featured_items(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, title="TICTeC 2025", slug="tictec-2025")
    HomePageFeaturedItemFactory(home_page=home_page, page=page, label="Conference")
    home_page.save_revision().publish()

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="featured_items-TOTAL_FORMS" value="1"' in content
    assert 'value="Conference"' in content


def test_an_editor_builds_a_page_with_every_block_and_submits_it_for_moderation(
    client, home_page, django_user_model
):

    editor = django_user_model.objects.create_user(
        username="editor@example.org", email="editor@example.org", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    image, document, embed = ImageFactory(), DocumentFactory(), EmbedFactory()
    table = {
        "table_caption": "Priorities",
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "data": [["Priority", "Commitment"], ["1", "Transparency in government contracting"]],
    }
    data = nested_form_data(
        {
            "title": "Opening Up Government: Bristol Workshop",
            "slug": "bristol",
            "introduction": rich_text("<p>Meeting note of the Bristol workshop.</p>"),
            "body": streamfield(
                [
                    ("heading", {"text": "Purpose", "level": "h2"}),
                    ("text", {"text": rich_text("<p>Build the community of reformers.</p>")}),
                    (
                        "image",
                        {"image": {"image": image.pk, "alt_text": "Attendees"}, "caption": ""},
                    ),
                    ("quote", {"quote": "More open.", "attribution": "An attendee"}),
                    ("table", {"table": json.dumps(table)}),
                    ("embed", {"embed": embed.url, "title": "Highlights", "caption": ""}),
                    (
                        "call_to_action",
                        {
                            "heading": "Read the call",
                            "text": "",
                            "page": "",
                            "url": "https://example.org/",
                            "button_label": "Read",
                        },
                    ),
                    ("document", {"document": document.pk, "label": "Meeting note"}),
                ]
            ),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
            "action-submit": "Submit for moderation",
        }
    )

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk]), data
    )

    assert response.status_code == 302, (
        response.context["form"].errors["body"].as_data()[0].block_errors
        if response.context
        else ""
    )
    page = ContentPage.objects.get(slug="bristol")
    assert not page.live
    revision = page.latest_revision.as_object()
    assert [block.block_type for block in revision.body] == [
        "heading",
        "text",
        "image",
        "quote",
        "table",
        "embed",
        "call_to_action",
        "document",
    ]
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"
