"""The TICTeC call for session proposals on the proposals engine."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from conference.call.factories import CallForProposalsPageFactory, SessionProposalFactory
from conference.call.forms import SessionProposalForm
from conference.models import (
    CallForProposalsPage,
    ConferencePage,
    SessionPage,
    SessionProposal,
    SpeakerPage,
)
from proposals import selectors, services
from proposals.factories import (
    CallQuestionFactory,
    ReviewFactory,
    RubricCriterionFactory,
    SubmissionFactory,
    UserFactory,
)
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()  # rate limits count per IP per minute


@pytest.fixture
def call_page(tictec):
    page = CallForProposalsPageFactory(parent=tictec.conference, slug="call-for-proposals")
    CallQuestionFactory(
        page=page, label="Evidence of impact", field_type="multiline", word_limit=200
    )
    RubricCriterionFactory(page=page, name="Alignment with the conference themes", weight=2)
    RubricCriterionFactory(page=page, name="Practical experience and evidence of impact")
    RubricCriterionFactory(
        page=page, name="Quality of audience participation", applies_to="workshop"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def applicant(db):
    return UserFactory(email="kemi@example.org", first_name="Kemi", last_name="Adeyemi")


def proposal_post(tictec, **overrides):
    data = {
        "title": "What ten years of FOI requests taught us about anti-corruption",
        "details-speaker_name": "Kemi Adeyemi",
        "details-speaker_organisation": "Transparency Lab",
        "details-abstract": "How data from access to information requests fed investigations.",
        "details-session_format": tictec.workshop.pk,
        "details-themes": [tictec.ati.pk, tictec.climate.pk],
        "details-approach": tictec.defensive.pk,
        "details-travel_grant_requested": "on",
        "details-travel_grant_amount": "400",
        "details-co_presenter_1_name": "Bram Janssens",
        "details-co_presenter_1_email": "bram@example.org",
        "details-co_presenter_1_organisation": "Open Money",
        "evidence_of_impact": "Three procurement investigations used our data.",
        "idempotency_key": "0d4b2c55-3a0a-4c43-9d8e-0c3b6f7b1a11",
        "action": "submit",
    }
    data.update(overrides)
    return data


class TestPageTree(WagtailPageTestCase):
    def test_call_lives_under_a_conference_only(self):
        self.assertCanCreateAt(ConferencePage, CallForProposalsPage)
        self.assertAllowedParentPageTypes(CallForProposalsPage, {ConferencePage})
        self.assertAllowedSubpageTypes(CallForProposalsPage, set())


def test_apply_stores_typed_fields_and_emails_them(
    client, tictec, call_page, applicant, django_capture_on_commit_callbacks
):
    client.force_login(applicant)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(call_page.url, proposal_post(tictec))

    submission = Submission.objects.get()
    proposal = submission.session_proposal
    assert response.status_code == 302
    assert submission.title == "What ten years of FOI requests taught us about anti-corruption"
    assert proposal.session_format == tictec.workshop
    assert set(proposal.themes.all()) == {tictec.ati, tictec.climate}
    assert proposal.approach == tictec.defensive
    assert (proposal.travel_grant_requested, proposal.travel_grant_amount) == (True, 400)
    assert proposal.co_presenters == [
        {"name": "Bram Janssens", "email": "bram@example.org", "organisation": "Open Money"}
    ]
    assert [s["name"] for s in proposal.speakers()] == ["Kemi Adeyemi", "Bram Janssens"]
    body = mail.outbox[0].body
    assert "Format:\n35-minute short workshop" in body
    assert (
        "Kemi Adeyemi, Transparency Lab, kemi@example.org\nBram Janssens, Open Money, bram@example.org"
        in body
    )


def test_form_offers_only_this_conferences_session_formats(client, tictec, call_page, applicant):
    client.force_login(applicant)

    form = client.get(call_page.url).context["details_form"]

    assert list(form.fields["session_format"].queryset) == [tictec.talk, tictec.workshop]
    assert set(form.fields["themes"].queryset) == {tictec.ati, tictec.climate}


def test_travel_grant_without_amount_is_an_error_and_keeps_answers(
    client, tictec, call_page, applicant
):
    client.force_login(applicant)

    response = client.post(
        call_page.url, proposal_post(tictec, **{"details-travel_grant_amount": ""})
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Tell us roughly how much you would need." in html
    assert 'value="Bram Janssens"' in html
    assert "Three procurement investigations used our data." in html
    assert Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count() == 0


def test_draft_needs_no_typed_fields(client, tictec, call_page, applicant):
    client.force_login(applicant)

    client.post(
        call_page.url,
        {
            "title": "An idea",
            "action": "draft",
            "idempotency_key": "0d4b2c55-3a0a-4c43-9d8e-0c3b6f7b1a12",
        },
    )

    draft = Submission.objects.get()
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.session_proposal.session_format is None


def _submission(call_page, tictec, session_format, themes=(), grant=False, **fields):
    submission = SubmissionFactory(call=call_page, **fields)
    SessionProposalFactory(
        submission=submission,
        session_format=session_format,
        themes=list(themes),
        travel_grant_requested=grant,
        approach=tictec.constructive,
    )
    return submission


def test_workshop_criterion_applies_to_workshops_only(call_page, tictec):
    talk = _submission(call_page, tictec, tictec.talk)
    workshop = _submission(call_page, tictec, tictec.workshop)
    criterion = call_page.get_criteria()[2]

    assert call_page.get_submission_categories(talk) == {"presentation"}
    assert call_page.get_submission_categories(workshop) == {"short-workshop", "workshop"}
    assert (
        criterion.applies(call_page.get_submission_categories(talk)),
        criterion.applies({"workshop"}),
    ) == (False, True)


def test_ranking_filters_by_format_theme_and_travel_grant(client, call_page, tictec):
    talk = _submission(
        call_page, tictec, tictec.talk, themes=[tictec.ati], grant=True, title="Talk"
    )
    _submission(call_page, tictec, tictec.workshop, themes=[tictec.climate], title="Workshop")
    client.force_login(UserFactory(groups=["Programme team"]))
    url = f"/admin/calls/{call_page.pk}/ranking/"

    by_format = client.get(url, {"format": "presentation"}).context["rows"]
    by_theme = client.get(url, {"theme": "climate"}).context["rows"]
    by_grant = client.get(url, {"travel_grant": "yes"}).context["rows"]

    assert [r.submission.title for r in by_format] == ["Talk"]
    assert [r.submission.title for r in by_theme] == ["Workshop"]
    assert [r.submission.pk for r in by_grant] == [talk.pk]


def test_anonymised_summary_leaves_out_speakers(call_page, tictec):
    submission = _submission(call_page, tictec, tictec.talk, themes=[tictec.ati])

    labels = [
        label for label, _value in call_page.get_submission_summary(submission, anonymised=True)
    ]

    assert labels == [
        "Format",
        "Themes",
        "Approach",
        "Abstract",
        "Travel grant",
        "May need to present remotely",
    ]


def test_accepted_proposal_becomes_a_draft_session_in_one_action(
    client, call_page, tictec, speaker_factory
):
    existing_speaker = speaker_factory("Bram Janssens")
    submission = _submission(
        call_page,
        tictec,
        tictec.workshop,
        themes=[tictec.ati, tictec.climate],
        title="Design a better FOI request",
        applicant=UserFactory(first_name="Kemi", last_name="Adeyemi"),
        applicant_name="Kemi Adeyemi",
        status=SubmissionStatus.ACCEPTED,
    )
    proposal = submission.session_proposal
    proposal.co_presenters = [
        {"name": "Bram Janssens", "email": "bram@example.org", "organisation": "Open Money"}
    ]
    proposal.abstract = "Participants rewrite real refused requests.\n\nThen compare notes."
    proposal.speaker_organisation = "FOI Network"
    proposal.save()
    rejected = _submission(call_page, tictec, tictec.talk, status=SubmissionStatus.REJECTED)
    client.force_login(UserFactory(groups=["Programme team"]))

    action = "/admin/bulk/proposals/submission/call-action/?name=create_sessions"
    confirm = client.get(f"{action}&id={submission.pk}&id={rejected.pk}")
    assert not SessionPage.objects.exists()  # nothing until confirmed
    assert "Create draft sessions from accepted proposals" in confirm.content.decode()
    client.post(f"{action}&id={submission.pk}&id={rejected.pk}")
    client.post(f"{action}&id={submission.pk}")

    session = SessionPage.objects.get()
    assert session.live is False
    assert session.get_parent().pk == tictec.programme.pk
    assert session.title == "Design a better FOI request"
    assert (
        session.abstract
        == "<p>Participants rewrite real refused requests.</p><p>Then compare notes.</p>"
    )
    assert session.session_format == tictec.workshop
    assert set(session.themes.all()) == {tictec.ati, tictec.climate}
    assert session.approach == tictec.constructive
    speakers = [link.speaker for link in session.speaker_links.order_by("sort_order")]
    assert [s.title for s in speakers] == ["Kemi Adeyemi", "Bram Janssens"]
    assert speakers[1].pk == existing_speaker.pk
    assert SpeakerPage.objects.get(title="Kemi Adeyemi").live is False
    assert SessionProposal.objects.get(submission=submission).session_id == session.pk


def test_ranking_runs_a_fixed_number_of_queries(call_page, tictec, django_assert_max_num_queries):
    reviewers = [UserFactory(groups=["Reviewers"]) for _ in range(3)]

    def add(n):
        for _ in range(n):
            submission = _submission(
                call_page, tictec, tictec.workshop, themes=[tictec.ati, tictec.climate]
            )
            for reviewer in reviewers:
                review = ReviewFactory(submission=submission, reviewer=reviewer)
                services.record_review(
                    review=review, scores={c.pk: 3 for c in call_page.get_criteria()}, by=reviewer
                )

    add(3)
    with django_assert_max_num_queries(6):
        rows, _criteria = selectors.ranking(call=call_page)
        [call_page.get_submission_summary(r.submission) for r in rows]
    add(12)
    with django_assert_max_num_queries(6):
        rows, _criteria = selectors.ranking(call=call_page)
        [call_page.get_submission_summary(r.submission) for r in rows]
    assert len(rows) == 15


# --- Nothing typed is lost: double submits, stale tabs, the deadline ---------------


def test_submitting_the_proposal_twice_keeps_one_and_says_it_was_received(
    client, tictec, call_page, applicant, django_capture_on_commit_callbacks
):
    client.force_login(applicant)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(call_page.url, proposal_post(tictec))
        second = client.post(call_page.url, proposal_post(tictec), follow=True)

    html = second.content.decode()
    submission = Submission.objects.get()
    assert first.status_code == 302
    assert second.status_code == 200
    assert SessionProposal.objects.count() == 1
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "Your submission had already been received" in html
    assert "What ten years of FOI requests taught us about anti-corruption" in html
    assert "How data from access to information requests fed investigations." in html
    assert len(mail.outbox) == 1


def test_a_stale_tab_sending_the_form_again_updates_the_same_proposal(
    client, tictec, call_page, applicant
):
    client.force_login(applicant)
    client.post(call_page.url, proposal_post(tictec))

    stale = client.post(
        call_page.url,
        proposal_post(tictec, **{"details-abstract": "Rewritten in the other tab."}),
        follow=True,
    )

    submission = Submission.objects.get()
    assert stale.status_code == 200
    assert submission.session_proposal.abstract == "Rewritten in the other tab."
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "Rewritten in the other tab." in stale.content.decode()


def test_saving_the_draft_twice_keeps_one_draft_with_the_text(client, tictec, call_page, applicant):
    client.force_login(applicant)
    draft_post = proposal_post(tictec, action="draft")

    first = client.post(call_page.url, draft_post)
    second = client.post(call_page.url, draft_post)

    draft = Submission.objects.get()
    page = client.get(second["Location"]).content.decode()
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == f"{call_page.url}?submission={draft.pk}#apply"
    assert draft.status == SubmissionStatus.DRAFT
    assert SessionProposal.objects.get().abstract == (
        "How data from access to information requests fed investigations."
    )
    assert "How data from access to information requests fed investigations." in page
    assert "Three procurement investigations used our data." in page


def test_a_racing_request_updates_the_proposal_its_twin_created(tictec, call_page, applicant):
    """Two identical requests that both built their form before either saved."""

    def form(abstract):
        data = proposal_post(tictec, **{"details-abstract": abstract})
        bound = SessionProposalForm(data, call=call_page, instance=None)
        assert bound.is_valid(), bound.errors
        return bound

    key = "0d4b2c55-3a0a-4c43-9d8e-0c3b6f7b1a11"
    first, second = form("First of the twins."), form("Second of the twins.")
    services.submit(
        call=call_page,
        by=applicant,
        answers={},
        title="Twins",
        idempotency_key=key,
        details_form=first,
    )
    services.submit(
        call=call_page,
        by=applicant,
        answers={},
        title="Twins",
        idempotency_key=key,
        details_form=second,
    )

    assert Submission.objects.count() == 1
    assert SessionProposal.objects.get().abstract == "Second of the twins."


def test_a_proposal_sent_one_second_after_closing_is_kept_as_a_draft(
    client, tictec, call_page, applicant
):
    client.force_login(applicant)
    call_page.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    call_page.save()

    response = client.post(call_page.url, proposal_post(tictec))

    html = response.content.decode()
    draft = Submission.objects.get()
    assert response.status_code == 403
    assert "This call has closed" in html
    assert "How data from access to information requests fed investigations." in html
    assert "Three procurement investigations used our data." in html
    assert draft.status == SubmissionStatus.DRAFT
    assert draft.applicant == applicant
    assert draft.answers["evidence_of_impact"] == "Three procurement investigations used our data."
    assert draft.session_proposal.abstract == (
        "How data from access to information requests fed investigations."
    )
    assert mail.outbox == []
