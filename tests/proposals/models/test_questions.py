"""A question keeps only the settings its type uses; a criterion's scale is sound and its
ends carry what staff said they mean (proposals/models/questions.py)."""

import pytest
from django.core.exceptions import ValidationError

from proposals.models import CallQuestion, RubricCriterion
from proposals.models.questions import DEFAULT_MAX_FILE_MB, SETTING_TYPES


def question(**fields):
    defaults = {"label": "Summary", "field_type": "singleline"}
    return CallQuestion(**{**defaults, **fields})


def test_saving_a_text_question_clears_the_file_choice_and_word_settings_it_does_not_use():
    text = question(
        field_type="singleline",
        choices="Yes\nNo",
        word_limit=200,
        allowed_file_types="pdf",
        max_file_size_mb=5,
        default_value="n/a",
    )
    text.clean()

    assert (text.choices, text.word_limit, text.allowed_file_types, text.max_file_size_mb) == (
        "",
        None,
        "",
        None,
    )
    assert text.default_value == "n/a"  # a default answer is a text question's own setting


def test_a_long_text_question_keeps_its_word_limit_and_a_file_question_its_file_settings():
    long_text = question(field_type="multiline", word_limit=200, max_file_size_mb=10)
    upload = question(
        field_type="file", word_limit=200, allowed_file_types="pdf", default_value="x"
    )
    long_text.clean()
    upload.clean()

    assert (long_text.word_limit, long_text.max_file_size_mb) == (200, None)
    assert (upload.word_limit, upload.allowed_file_types, upload.max_file_size_mb) == (
        None,
        "pdf",
        DEFAULT_MAX_FILE_MB,
    )
    assert upload.default_value == ""


def test_a_file_question_left_without_types_or_size_takes_the_defaults():
    upload = question(field_type="file", allowed_file_types="", max_file_size_mb=None)
    upload.clean()

    assert upload.allowed_extensions == ["pdf", "docx", "odt", "png", "jpg"]
    assert upload.file_size_limit_mb == DEFAULT_MAX_FILE_MB


@pytest.mark.parametrize("field_type", ["checkboxes", "dropdown", "multiselect", "radio"])
def test_a_choice_question_without_choices_is_refused_next_to_the_choices(field_type):
    with pytest.raises(ValidationError) as refused:
        question(field_type=field_type, choices=" \n ").clean()

    assert refused.value.message_dict == {
        "choices": ["Give the choices applicants pick from, one per line."]
    }


def test_every_setting_names_the_types_it_applies_to_and_every_type_is_a_question_type():
    types = {value for value, _label in CallQuestion._meta.get_field("field_type").choices}

    assert set(SETTING_TYPES) == {
        "choices",
        "default_value",
        "word_limit",
        "allowed_file_types",
        "max_file_size_mb",
    }
    assert all(set(applies) <= types for applies in SETTING_TYPES.values())
    assert SETTING_TYPES["word_limit"] == ("multiline",)


def test_a_scale_must_rise_and_its_ends_read_as_staff_named_them():
    criterion = RubricCriterion(
        name="Practical experience",
        scale_min=1,
        scale_max=5,
        scale_min_label="weak",
        scale_max_label="excellent",
    )

    assert [criterion.score_label(n) for n in criterion.scale] == [
        "1 (weak)",
        "2",
        "3",
        "4",
        "5 (excellent)",
    ]
    with pytest.raises(ValidationError) as refused:
        RubricCriterion(name="Upside down", scale_min=5, scale_max=5).clean()
    assert refused.value.message_dict == {
        "scale_max": ["The highest score must be above the lowest score."]
    }
