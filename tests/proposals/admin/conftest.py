from .staff import (  # noqa: F401 (the back-office tests' shared fixtures)
    board_group,
    conference_call,
    editor,
    other_reviewer,
    outsider,
    vacancy,
)
