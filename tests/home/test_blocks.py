import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail_factories import DocumentFactory, ImageFactory

from home.blocks import (
    BodyStreamBlock,
    CallToActionBlock,
    FigureBlock,
    HeadingBlock,
    QuoteBlock,
    TableStructBlock,
)
from home.factories import (
    EmbedFactory,
    call_to_action_block,
    document_block,
    embed_block,
    image_block,
    quote_block,
    table_block,
)


def render(raw_block):
    """Render one block from its raw StreamField data, as a page body would."""
    stream_block = BodyStreamBlock()
    value = stream_block.to_python([raw_block])
    return value[0].render()


def squash(html):
    return " ".join(html.split())


def test_table_has_a_caption_and_scoped_header_cells():
    html = squash(
        render(
            table_block(
                caption="Priority ranking by table, Leeds",
                rows=[["Priority", "Table 1", "Table 2"], ["1", "Contracting", "Co-production"]],
                header_column=True,
            )
        )
    )

    assert "<caption>Priority ranking by table, Leeds</caption>" in html
    assert '<th scope="col" > Priority</th>'.replace(" >", ">").replace("> ", ">") in html.replace(
        " >", ">"
    ).replace("> ", ">")
    assert html.replace(" >", ">").count('<th scope="col">') == 3
    assert html.replace(" >", ">").count('<th scope="row">') == 1
    assert html.replace(" >", ">").count("<td>") == 2
    assert 'role="region" tabindex="0" aria-label="Priority ranking by table, Leeds"' in html


def test_table_requires_a_caption_and_headers():
    block = TableStructBlock()
    value = block.to_python(
        table_block(caption="", rows=[["Priority", "Table 1"], ["1", "Contracting"]])["value"]
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "caption" in str(error.value.block_errors["table"])

    no_headers = block.to_python(
        table_block(caption="Priorities", rows=[["1", "Contracting"]], header_row=False)["value"]
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(no_headers)


@pytest.mark.django_db
def test_image_requires_alt_text_unless_marked_decorative():
    image = ImageFactory(title="Workshop in Leeds")
    block = FigureBlock()

    missing_alt = block.to_python(image_block(image, alt_text="")["value"])
    with pytest.raises(ValidationError):
        block.clean(missing_alt)

    described = block.clean(
        block.to_python(image_block(image, alt_text="Attendees around a table")["value"])
    )
    html = block.render(described)
    assert 'alt="Attendees around a table"' in html
    assert "<figure" in html

    decorative = block.clean(
        block.to_python(image_block(image, alt_text="", decorative=True)["value"])
    )
    assert 'alt=""' in block.render(decorative)


def test_heading_renders_the_chosen_level():
    assert render({"type": "heading", "value": {"text": "Purpose", "level": "h3"}}).strip() == (
        '<h3 class="block-heading">Purpose</h3>'
    )
    assert HeadingBlock().meta.template == "blocks/heading_block.html"


def test_quote_renders_with_its_attribution():
    html = squash(render(quote_block("People, not technology.", "Anthony Gooch, OECD")))
    assert "<blockquote><p>People, not technology.</p></blockquote>" in html
    assert "<figcaption>— Anthony Gooch, OECD</figcaption>" in html
    assert QuoteBlock().meta.preview_value["attribution"]


@pytest.mark.django_db
def test_call_to_action_links_to_a_page_or_a_url_not_both(home_page):
    block = CallToActionBlock()
    neither = block.to_python(call_to_action_block(heading="Apply", button_label="Apply")["value"])
    with pytest.raises(StructBlockValidationError):
        block.clean(neither)
    both = block.to_python(
        call_to_action_block(
            heading="Apply", button_label="Apply", page=home_page, url="https://example.org/"
        )["value"]
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(both)

    html = squash(
        render(
            call_to_action_block(
                heading="Submit a session proposal",
                text="The call closes on 14 February.",
                url="https://tictec.mysociety.org/",
                button_label="Read the call",
            )
        )
    )
    assert '<a class="button" href="https://tictec.mysociety.org/">Read the call</a>' in html
    assert "Submit a session proposal</h2>" in html


@pytest.mark.django_db
def test_document_link_shows_its_type_and_size():
    document = DocumentFactory(title="Guidebook", file_size=1_536)

    html = squash(render(document_block(document, label="Download the guidebook")))

    assert f'<a href="{document.url}" download>Download the guidebook</a>' in html
    assert f'<span class="meta">({document.file_extension.upper()}, 1.5 KB)</span>' in html


@pytest.mark.django_db
def test_embed_renders_the_provider_html_with_a_link_to_the_original():
    url = EmbedFactory().url

    html = squash(render(embed_block(url, title="TICTeC 2025 highlights")))

    assert '<iframe title="TICTeC 2025 highlights" src="/embed-test/"></iframe>' in html
    assert f'<a href="{url}">Open “TICTeC 2025 highlights” on its own site</a>' in html
