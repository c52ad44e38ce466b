"""The calls, people and payment fixtures the email-log tests share with the engine's
and the tickets' tests."""

from tests.conference.tickets.conftest import conference, in_person, tickets_page  # noqa: F401
from tests.home.payments.conftest import (  # noqa: F401
    _clear_cache,
    fake_stripe,
    make_account,
    on_commit,
)
from tests.proposals.admin.staff import (  # noqa: F401
    board_group,
    conference_call,
    editor,
    outsider,
    vacancy,
)
from tests.proposals.conftest import (  # noqa: F401
    _private_media,
    applicant,
    call,
    programme,
    reviewer,
    valid_post,
)
