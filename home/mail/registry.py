"""What each app tells the email log about its messages, registered in its AppConfig.ready:

    registry.register(
        EmailKind.TICKET_RECEIPT,
        render=render_ticket_receipt,          # (log) -> Message, in the log's language
        sent=record_receipt_sent,              # (log) -> None, once it has gone
        permission="conference.view_registration",  # who may read these in the log
        placeholders=[("attendee_name", _("The attendee's name.")), ...],
        sample=sample_receipt,                 # (page or None) -> {placeholder: made-up value}
    )
    registry.restrict_with(hide_confidential_calls)  # (queryset, user) -> queryset

A kind registered with ``render`` is written when it is sent, and written again on each
retry (with its attachments, which the log does not keep), from what it is ``about`` and
its ``context``. A kind without one is queued with its subject and body already written.
A kind with ``placeholders`` may be rewritten by staff (home.models.EmailTemplate): its
``render`` uses their text when there is one (``home.mail.templates``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    #: (file name, content, MIME type) of each file sent with it
    attachments: tuple[tuple[str, bytes, str], ...] = ()


class CannotRender(Exception):
    """What the message needs is gone (or was never logged): trying again will not help."""


@dataclass(frozen=True)
class Kind:
    render: Callable[[Any], Message] | None = None
    sent: Callable[[Any], None] | None = None
    permission: str | None = None
    placeholders: tuple = ()
    sample: Callable[[Any], dict] | None = None


_kinds: dict[str, Kind] = {}
_rules: list[Callable] = []


def register(kind, *, render=None, sent=None, permission=None, placeholders=(), sample=None):
    """Say how messages of ``kind`` are written, who may read them and what staff may
    write in them (replaces an earlier registration, as when an app is reloaded)."""
    _kinds[str(kind)] = Kind(render, sent, permission, tuple(placeholders), sample)


def kind(name):
    """What was registered for this kind (a Kind with nothing set if nothing was)."""
    return _kinds.get(str(name), Kind())


def rewritable_kinds():
    """The kinds staff may write their own text for, in the order they were registered."""
    return [name for name, spec in _kinds.items() if spec.placeholders]


def sample(name, page=None):
    """Made-up values for every placeholder of this kind, as they would read for ``page``
    (a call, a conference); for a kind without placeholders, those of every kind."""
    spec = kind(name)
    if spec.sample is not None:
        return spec.sample(page)
    values = {}
    for other in _kinds.values():
        if other.sample is not None:
            values.update(other.sample(None))
    return values


def hidden_kinds(user):
    """The kinds whose permission ``user`` lacks."""
    return [
        name
        for name, spec in _kinds.items()
        if spec.permission and not user.has_perm(spec.permission)
    ]


def restrict_with(rule):
    """Add a rule ``(queryset, user) -> queryset`` every reading of the log goes through."""
    if rule not in _rules:
        _rules.append(rule)


def restrict(queryset, user):
    """``queryset`` of log entries less what ``user`` may not read: the kinds whose
    permission they lack, and what the apps' rules take out."""
    hidden = hidden_kinds(user)
    if hidden:
        queryset = queryset.exclude(kind__in=hidden)
    for rule in _rules:
        queryset = rule(queryset, user)
    return queryset
