"""The wagtail-localize workaround in home/localize_compat.py: tables are translatable."""

from home.factories import table_block
from home.localize_compat import TranslatableTableBlock


def table_value():
    return table_block(
        caption="Priority ranking, Leeds",
        rows=[["Priority", "Table 1"], ["1", "Transparency in government contracting"]],
    )["value"]["table"]


def test_caption_and_text_cells_are_offered_for_translation_numbers_are_not():
    segments = TranslatableTableBlock().get_translatable_segments(table_value())

    assert [(segment.path, segment.render_text()) for segment in segments] == [
        ("caption", "Priority ranking, Leeds"),
        ("r0c0", "Priority"),
        ("r0c1", "Table 1"),
        ("r1c1", "Transparency in government contracting"),
    ]


def test_translated_segments_are_put_back_in_place_without_touching_the_source():
    block = TranslatableTableBlock()
    source = table_value()
    translated = [
        segment.__class__(segment.path, f"FR {segment.render_text()}")
        for segment in block.get_translatable_segments(source)
    ]

    result = block.restore_translated_segments(source, translated)

    assert result["table_caption"] == "FR Priority ranking, Leeds"
    assert result["data"] == [
        ["FR Priority", "FR Table 1"],
        ["1", "FR Transparency in government contracting"],
    ]
    assert source["data"][0] == ["Priority", "Table 1"]
    assert result["first_row_is_table_header"] is True
