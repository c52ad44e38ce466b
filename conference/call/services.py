"""Writes for the conference call: an accepted proposal becomes a draft session."""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from conference.models import (
    ProgrammePage,
    SessionPage,
    SessionSpeaker,
    SpeakerIndexPage,
    SpeakerPage,
)
from proposals.models import SubmissionStatus


class NoProgramme(ValueError):
    """The conference has no programme page to put sessions in."""


def _abstract_html(text):
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs) or "<p></p>"


def _unique_slug(parent, base):
    base = slugify(base)[:70] or "session"
    slug, n = base, 1
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken or slug in SessionPage.RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _speaker_page(speaker_index, person):
    """The speaker's page, matched by name; a new draft page if they are new."""
    existing = SpeakerPage.objects.child_of(speaker_index).filter(title=person["name"]).first()
    if existing is not None:
        return existing
    page = SpeakerPage(
        title=person["name"],
        slug=_unique_slug(speaker_index, person["name"]),
        organisation=person.get("organisation", ""),
        live=False,
    )
    speaker_index.add_child(instance=page)
    page.save_revision()
    return page


def create_draft_session(*, call, submission, by=None):
    """A draft SessionPage in the conference programme carrying the proposal's title,
    abstract, format, themes, approach and speakers. Returns it, or None when the
    submission is not accepted or already has its session."""
    proposal = call._proposal(submission)
    if submission.status != SubmissionStatus.ACCEPTED or proposal is None or proposal.session_id:
        return None
    if proposal.session_format is None:
        return None
    conference = call.conference
    programme = ProgrammePage.objects.child_of(conference).first()
    if programme is None:
        raise NoProgramme(conference.title)
    speaker_index = SpeakerIndexPage.objects.sibling_of(conference).first()
    with transaction.atomic():
        speakers = (
            [_speaker_page(speaker_index, p) for p in proposal.speakers()] if speaker_index else []
        )
        session = SessionPage(
            title=submission.title,
            slug=_unique_slug(programme, submission.title),
            abstract=_abstract_html(proposal.abstract),
            session_format=proposal.session_format,
            approach=proposal.approach,
            attendance=SessionPage.Attendance.HYBRID
            if proposal.may_present_remotely
            else SessionPage.Attendance.IN_PERSON,
            live=False,
            owner=by if by and by.is_authenticated else None,
        )
        session.themes = list(proposal.themes.all())
        session.speaker_links = [
            SessionSpeaker(speaker=speaker, sort_order=i) for i, speaker in enumerate(speakers)
        ]
        programme.add_child(instance=session)
        session.save_revision(user=by if by and by.is_authenticated else None)
        proposal.session = session
        proposal.save(update_fields=["session"])
    return session


def create_draft_sessions(*, call, submissions, by=None):
    created = skipped = 0
    for submission in submissions:
        if create_draft_session(call=call, submission=submission, by=by) is None:
            skipped += 1
        else:
            created += 1
    return created, skipped
