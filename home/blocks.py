"""StreamField blocks shared by every app's pages.

Each block is a StructBlock with its own template in templates/blocks/, an admin
icon, a description and a preview value, so editors can build pages without a developer.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from home.localize_compat import TranslatableTableBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 3,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "editor": "text",
    "stretchH": "all",
    "renderer": "text",
    "autoColumnSize": False,
    # Wagtail passes the admin's language ("en", "fr", "nl") unless told; the handsontable
    # it ships knows only "en-US", so any other code logs an error in the editor's console.
    "language": "en-US",
}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        label=_("Level"),
        help_text=_("The page title is the only level 1 heading."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading, listed in the page outline.")
        preview_value = {"text": "Why civic participation matters", "level": "h2"}


class RichTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text_block.html"
        label = _("Text")
        description = _("Paragraphs, lists and links.")
        preview_value = {
            "text": (
                "<p>Mini-publics bring together a group of people, selected to reflect the "
                "wider population, to learn about an issue, deliberate and make "
                "recommendations.</p>"
            )
        }


class FigureBlock(blocks.StructBlock):
    """An image with required alt text (unless marked decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        description = _("An image with alt text describing it, and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation and who said it.")
        preview_value = {
            "quote": "Technology is not the answer on its own: people are.",
            "attribution": "TICTeC 2025 participant",
        }


class TableStructBlock(blocks.StructBlock):
    """A data table: header row and/or column and a caption that names it."""

    table = TranslatableTableBlock(
        table_options=TABLE_OPTIONS,
        template="blocks/table.html",
        label=_("Table"),
        help_text=_("Give the table a caption and mark its header row or column."),
    )

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        description = _("A table with headers and a caption, e.g. priority rankings.")
        preview_value = {
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "Priority ranking by table",
                "data": [
                    ["Priority", "Table 1", "Table 2"],
                    ["1", "Transparency in government contracting", "Co-production"],
                ],
            }
        }

    def clean(self, value):
        value = super().clean(value)
        table = value.get("table") or {}
        errors = {}
        if not (table.get("table_caption") or "").strip():
            errors["table"] = ValidationError(
                _("Add a caption so people know what the table shows.")
            )
        elif not (table.get("first_row_is_table_header") or table.get("first_col_is_header")):
            errors["table"] = ValidationError(_("Mark the first row or column as headers."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class EmbedStructBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"), max_width=800)
    title = blocks.CharBlock(
        max_length=200,
        label=_("Title"),
        help_text=_("Describes the embedded media for screen reader users."),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Embed")
        description = _("A video or other media from a supported provider.")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Link to a page"))
    url = blocks.URLBlock(required=False, label=_("or to a web address"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A short prompt with one button, e.g. to apply or buy a ticket.")
        preview_value = {
            "heading": "Submit a session proposal",
            "text": "The call for proposals for TICTeC 2025 is open until 14 February.",
            "url": "https://example.org/",
            "button_label": "Read the call",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose either a page or a web address."))}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False, max_length=200, label=_("Link text"), help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        description = _("A link to download a document, with its type and size.")


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = RichTextBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    table = TableStructBlock()
    embed = EmbedStructBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
