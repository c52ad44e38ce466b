"""StreamField blocks for opportunity pages: lists staff edit, and the eligibility screen."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CriterionBlock(blocks.StructBlock):
    """One line of a list staff edit: who counts as eligible, what applicants should bring."""

    text = blocks.CharBlock(max_length=300, label=_("Text"))
    detail = blocks.TextBlock(required=False, label=_("Detail"))

    class Meta:
        icon = "list-ul"
        template = "cohorts/blocks/criterion_block.html"
        label = _("Criterion")
        description = _("One item of the list, with an optional sentence of detail.")
        preview_value = {
            "text": "People living with disabilities and chronic illness",
            "detail": "",
        }


class TopicBlock(blocks.StructBlock):
    """A named challenge or possible solution, with its explanation."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    body = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Explanation"))

    class Meta:
        icon = "doc-full"
        template = "cohorts/blocks/topic_block.html"
        label = _("Topic")
        description = _("A challenge or a possible solution, with a short explanation.")
        preview_value = {
            "heading": "Procurement in government",
            "body": "<p>It can be hard for small organisations to compete against the big "
            "players.</p>",
        }


class EligibilityQuestionBlock(blocks.StructBlock):
    """A yes/no question asked before the application form; the wrong answer screens out."""

    question = blocks.CharBlock(max_length=200, label=_("Question"))
    help_text = blocks.CharBlock(max_length=300, required=False, label=_("Help text"))
    eligible_answer = blocks.ChoiceBlock(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        default="yes",
        label=_("Answer that is eligible"),
    )
    screened_out_message = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        label=_("Message for people who are not eligible"),
        help_text=_("Say kindly why, and where they might find help instead."),
    )

    class Meta:
        icon = "help"
        template = "cohorts/blocks/eligibility_question_block.html"
        label = _("Eligibility question")
        description = _("Asked before the form; a person who is not eligible is told why.")
        preview_value = {
            "question": "Are you applying on behalf of an organisation?",
            "help_text": "",
            "eligible_answer": "yes",
            "screened_out_message": "<p>This offer is only open to organisations.</p>",
        }
