from .staff import (
    board_group,
    conference_call,
    editor,
    other_reviewer,
    outsider,
    vacancy,
)
