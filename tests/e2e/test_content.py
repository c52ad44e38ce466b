import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from home.factories import (
    ContentPageFactory,
    EmbedFactory,
    call_to_action_block,
    document_block,
    embed_block,
    heading_block,
    image_block,
    quote_block,
    table_block,
    text_block,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_content_page_with_every_block_is_accessible(home_page, browser_page, assert_accessible):
    image = ImageFactory(title="Leeds workshop")
    document = DocumentFactory(title="Meeting note (PDF)", file_size=48_000)
    embed = EmbedFactory()
    series = ContentPageFactory(
        parent=home_page, title="Opening Up Government workshops", slug="workshops"
    )
    ContentPageFactory(
        parent=series, title="Opening Up Government: Newcastle Workshop", slug="newcastle"
    )
    page = ContentPageFactory(
        parent=series,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds",
        introduction="Meeting note of the Leeds workshop, 24 March 2015.",
        body=[
            heading_block("Details"),
            text_block(
                "<p><strong>Venue:</strong> St George’s Centre, Great George Street, Leeds</p>"
                "<ol><li>Discuss and develop ideas for open government reforms</li></ol>"
            ),
            image_block(image, alt_text="Attendees around tables", caption="The Leeds workshop"),
            quote_block("Does government really want to be more open?", "A Leeds attendee"),
            table_block(
                caption="Leeds: commitments ranked by priority",
                rows=[
                    ["Priority level", "Commitments"],
                    ["1", "Transparency in government contracting"],
                    ["2", "Clean up UK politics"],
                ],
                header_column=True,
            ),
            heading_block("Proposed reforms", "h3"),
            embed_block(embed.url, title="TICTeC 2025 highlights"),
            call_to_action_block(
                heading="Read the other meeting notes", button_label="All workshops", page=series
            ),
            document_block(document, label="Download the meeting note"),
        ],
    )

    browser_page.goto(page.url)

    assert browser_page.locator("h1").all_inner_texts() == ["Opening Up Government: Leeds Workshop"]
    assert browser_page.locator("caption").inner_text() == "Leeds: commitments ranked by priority"
    assert browser_page.locator("th[scope=col]").all_inner_texts() == [
        "Priority level",
        "Commitments",
    ]
    assert browser_page.locator("th[scope=row]").all_inner_texts() == ["1", "2"]
    assert (
        browser_page.locator(".block-figure img").get_attribute("alt") == "Attendees around tables"
    )
    assert (
        browser_page.locator("blockquote").inner_text()
        == "Does government really want to be more open?"
    )
    assert (
        browser_page.locator(".block-embed iframe").get_attribute("title")
        == "TICTeC 2025 highlights"
    )
    assert (
        browser_page.locator(".breadcrumbs")
        .inner_text()
        .split("\n")[-1]
        .strip()
        .endswith("Opening Up Government: Leeds Workshop")
    )
    assert_accessible(browser_page)

    browser_page.get_by_role("link", name="All workshops").click()
    assert browser_page.locator("h1").all_inner_texts() == ["Opening Up Government workshops"]
    assert browser_page.locator(".section-pages h3").all_inner_texts() == [
        "Opening Up Government: Newcastle Workshop",
        "Opening Up Government: Leeds Workshop",
    ]
    assert_accessible(browser_page)
