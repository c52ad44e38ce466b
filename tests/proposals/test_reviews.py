from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.factories import EmailTemplateFactory
from home.models import EmailLog, EmailStatus
from proposals import services
from proposals.factories import ReviewFactory, SubmissionFactory, SubmissionFileFactory, UserFactory
from proposals.models import ExportLog, Review, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewers(db):
    return [UserFactory(email=f"reviewer{i}@example.org", groups=["Reviewers"]) for i in range(4)]


def test_auto_assign_balances_load_and_skips_own_and_conflicted(call, reviewers):
    own = SubmissionFactory(call=call, applicant=reviewers[0])
    others = SubmissionFactory.create_batch(5, call=call)
    ReviewFactory(submission=others[0], reviewer=reviewers[1], conflict_declared=True)
    SubmissionFactory(call=call, status=SubmissionStatus.DRAFT, submitted_at=None)

    created = services.auto_assign(call=call, reviewers=reviewers)

    active = Review.objects.filter(conflict_declared=False)
    assert created == 12  # 6 submitted x 2 reviews, drafts untouched
    for submission in [own, *others]:
        assert active.filter(submission=submission).count() == 2
    assert not active.filter(submission=own, reviewer=reviewers[0]).exists()
    assert not active.filter(submission=others[0], reviewer=reviewers[1]).exists()
    loads = sorted(active.filter(reviewer=r).count() for r in reviewers)
    assert loads == [3, 3, 3, 3]
    # Running it again changes nothing.
    assert services.auto_assign(call=call, reviewers=reviewers) == 0


def test_manual_assign_refuses_own_submission(call, reviewers):
    submission = SubmissionFactory(call=call, applicant=reviewers[0])

    with pytest.raises(services.AssignmentRefused):
        services.assign(submission=submission, reviewer=reviewers[0])


def _score(review, by, alignment, impact, workshop=None, recommendation="accept"):
    criteria = {c.name.split()[0]: c for c in review.submission.call.specific.get_criteria()}
    return services.record_review(
        review=review,
        scores={
            criteria["Alignment"].pk: alignment,
            criteria["Practical"].pk: impact,
            criteria["Quality"].pk: workshop,
        },
        comment="Strong evidence of impact.",
        recommendation=recommendation,
        by=by,
    )


def test_record_review_stores_weighted_mean_without_not_applicable(call, reviewers):
    review = ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewers[0])

    _score(review, reviewers[0], alignment=5, impact=2, workshop=None)

    review.refresh_from_db()
    assert review.mean_score == 4.0  # (2*5 + 1*2) / 3, N/A left out
    assert review.submitted_at is not None


def test_review_view_shows_rubric_guidance_and_hides_others_until_own_is_in(
    client, call, reviewers
):
    submission = SubmissionFactory(
        call=call, title="Ten years of a parliamentary monitoring platform"
    )
    mine = ReviewFactory(submission=submission, reviewer=reviewers[0])
    theirs = ReviewFactory(submission=submission, reviewer=reviewers[1])
    _score(theirs, reviewers[1], 1, 1, recommendation="reject")
    client.force_login(reviewers[0])

    before = client.get(f"/admin/calls/reviews/{mine.pk}/").content.decode()
    criteria = call.get_criteria()
    post = {
        f"criterion_{criteria[0].pk}": "4",
        f"criterion_{criteria[1].pk}": "na",
        "recommendation": "accept",
        "comment": "Good",
    }
    client.post(f"/admin/calls/reviews/{mine.pk}/", post)
    after = client.get(f"/admin/calls/reviews/{mine.pk}/").content.decode()

    assert "Ten years of a parliamentary monitoring platform" in before
    assert "Does the proposal speak to access to information" in before
    assert "scores appear here once you have submitted your own" in before
    assert "Strong evidence of impact." not in before
    # the workshop-only criterion does not apply to a submission with no category
    assert "Quality of audience participation" not in before
    mine.refresh_from_db()
    assert mine.scores == {str(criteria[0].pk): 4, str(criteria[1].pk): None}
    assert mine.mean_score == 4.0
    assert "Strong evidence of impact." in after


def test_anonymised_review_hides_names_emails_and_personal_answers(client, call, reviewers):
    call.anonymised_review = True
    call.save()
    applicant = UserFactory(
        email="secret.person@example.org", first_name="Secret", last_name="Person"
    )
    submission = SubmissionFactory(
        call=call,
        applicant=applicant,
        answers={"summary": "Our work on donations", "contact_email": "secret.person@example.org"},
        questions=[
            {
                "key": "summary",
                "label": "Summary",
                "field_type": "multiline",
                "help_text": "",
                "choices": "",
            },
            {
                "key": "contact_email",
                "label": "Contact email",
                "field_type": "email",
                "help_text": "",
                "choices": "",
                "personal_data": True,
            },
        ],
    )
    review = ReviewFactory(submission=submission, reviewer=reviewers[0])
    client.force_login(reviewers[0])

    html = client.get(f"/admin/calls/reviews/{review.pk}/").content.decode()

    assert "Our work on donations" in html
    assert "secret.person@example.org" not in html
    assert "Secret Person" not in html
    assert "Anonymised review" in html


def test_reviewer_cannot_open_a_review_that_is_not_theirs(client, call, reviewers):
    review = ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewers[0])
    client.force_login(reviewers[1])

    response = client.get(f"/admin/calls/reviews/{review.pk}/", follow=True)
    post = client.post(
        f"/admin/calls/reviews/{review.pk}/", {"recommendation": "accept"}, follow=True
    )

    assert (response.status_code, post.status_code) == (404, 404)
    review.refresh_from_db()
    assert review.submitted_at is None


def test_declaring_a_conflict_removes_the_submission_from_the_queue(client, call, reviewers):
    review = ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewers[0])
    client.force_login(reviewers[0])

    client.post(
        f"/admin/calls/reviews/{review.pk}/",
        {"declare_conflict": "1", "reason": "I advise this organisation"},
    )

    review.refresh_from_db()
    assert review.conflict_declared is True
    assert list(client.get("/admin/calls/reviews/").context["object_list"]) == []
    assert client.get(f"/admin/calls/reviews/{review.pk}/", follow=True).status_code == 404


def test_private_file_served_to_owner_and_assigned_reviewer_only(client, call, reviewers):
    stored = SubmissionFileFactory(submission=SubmissionFactory(call=call))
    url = stored.get_absolute_url()
    ReviewFactory(submission=stored.submission, reviewer=reviewers[0])

    client.force_login(stored.submission.applicant)
    owner = client.get(url)
    client.force_login(reviewers[0])
    assigned = client.get(url)
    client.force_login(reviewers[1])
    unassigned = client.get(url, follow=True)
    client.force_login(UserFactory())
    stranger = client.get(url, follow=True)
    client.logout()
    anonymous = client.get(url)

    assert owner.status_code == 200
    assert b"".join(owner.streaming_content).startswith(b"%PDF")
    assert owner["Content-Disposition"] == 'attachment; filename="evidence-of-impact.pdf"'
    assert assigned.status_code == 200
    assert (unassigned.status_code, stranger.status_code) == (404, 404)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_staff_outside_reviewers_and_programme_team_see_no_submissions(client, call):
    SubmissionFactory(call=call)
    editor = UserFactory(groups=["Editors"], is_staff=True)
    client.force_login(editor)

    assert selectors_visible(editor) == []
    assert client.get("/admin/calls/").status_code in (302, 403)
    assert client.get(f"/admin/calls/{call.pk}/ranking/").status_code in (302, 403)


def selectors_visible(user):

    return list(Submission.objects.visible_to(user))


def test_ranking_page_shows_scores_and_bulk_decisions_then_outcome_emails(
    client, call, reviewers, programme, on_commit
):
    strong, weak = (
        SubmissionFactory(call=call, title="Strong"),
        SubmissionFactory(call=call, title="Weak"),
    )
    for reviewer, (s, w) in zip(reviewers[:2], [(5, 2), (4, 1)], strict=True):
        _score(ReviewFactory(submission=strong, reviewer=reviewer), reviewer, s, s)
        _score(
            ReviewFactory(submission=weak, reviewer=reviewer),
            reviewer,
            w,
            w,
            recommendation="reject",
        )
    client.force_login(programme)

    page = client.get(f"/admin/calls/{call.pk}/ranking/?ordering=-mean")
    rows = page.context["rows"]
    bulk = "/admin/bulk/proposals/submission"
    client.post(f"{bulk}/accept/?id={strong.pk}")
    client.post(f"{bulk}/reject/?id={weak.pk}")
    chosen = f"{bulk}/send-outcome-emails/?id={strong.pk}&id={weak.pk}"
    preview = client.get(chosen).content.decode()
    with on_commit(execute=True):
        client.post(chosen)
        client.post(chosen)  # a second click sends nothing more

    assert [(r.submission.title, r.mean, r.review_count, r.calibrated) for r in rows] == [
        ("Strong", 4.5, 2, 1.0),
        ("Weak", 1.5, 2, -1.0),
    ]
    strong.refresh_from_db()
    weak.refresh_from_db()
    assert (strong.status, weak.status) == (SubmissionStatus.ACCEPTED, SubmissionStatus.REJECTED)
    assert "Your submission has been accepted: Strong" in preview
    assert sorted(m.subject for m in mail.outbox) == [
        "About your submission: Weak",
        "Your submission has been accepted: Strong",
    ]
    assert {m.to[0] for m in mail.outbox} == {strong.applicant.email, weak.applicant.email}
    assert EmailLog.objects.filter(status=EmailStatus.SENT).count() == 2


def test_staff_edited_template_per_call_is_used_for_outcomes(call, on_commit):

    EmailTemplateFactory(call=call, subject="TICTeC 2025: welcome aboard, {{ title }}")
    submission = SubmissionFactory(
        call=call, title="Open data for home retrofit decisions", status=SubmissionStatus.ACCEPTED
    )

    with on_commit(execute=True):
        services.send_outcomes(submissions=[submission])

    assert [m.subject for m in mail.outbox] == [
        "TICTeC 2025: welcome aboard, Open data for home retrofit decisions"
    ]


def test_ranking_export_csv_is_programme_only_and_logged(client, call, reviewers, programme):

    submission = SubmissionFactory(call=call, title="=HYPERLINK(evil)")
    _score(ReviewFactory(submission=submission, reviewer=reviewers[0]), reviewers[0], 4, 3)

    client.force_login(reviewers[1])
    refused = client.get(f"/admin/calls/{call.pk}/ranking/?export=csv")
    client.force_login(programme)
    response = client.get(f"/admin/calls/{call.pk}/ranking/?export=csv")
    xlsx = client.get(f"/admin/calls/{call.pk}/ranking/?export=xlsx")

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert refused.status_code in (302, 403)
    assert lines[0].startswith(
        "ID,Title,Status,Applicant,Email,Reviews,Assigned,Weighted mean,Spread,Calibrated,Alignment"
    )
    assert lines[1].startswith(f"{submission.pk},'=HYPERLINK(evil),Submitted,")
    assert xlsx.content[:2] == b"PK"
    assert list(ExportLog.objects.values_list("file_format", "rows", "user")) == [
        ("xlsx", 1, programme.pk),
        ("csv", 1, programme.pk),
    ]


def test_remind_reviewers_emails_only_those_with_unfinished_reviews(call, reviewers, on_commit):
    submission = SubmissionFactory(call=call)
    ReviewFactory(submission=submission, reviewer=reviewers[0])
    ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewers[0])
    done = ReviewFactory(submission=submission, reviewer=reviewers[1])
    _score(done, reviewers[1], 3, 3)

    with on_commit(execute=True):
        count = services.remind_reviewers(call=call)

    assert count == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["reviewer0@example.org"], f"Reminder: 2 review(s) to finish for {call.title}")
    ]


def test_erase_personal_data_keeps_anonymised_scores(call, reviewers):
    stored = SubmissionFileFactory(submission=SubmissionFactory(call=call))
    submission = stored.submission
    review = ReviewFactory(submission=submission, reviewer=reviewers[0])
    _score(review, reviewers[0], 4, 4)

    services.erase_personal_data(submission=submission)

    submission.refresh_from_db()
    assert (submission.answers, submission.applicant, submission.applicant_email) == ({}, None, "")
    assert submission.files.count() == 0
    review.refresh_from_db()
    assert review.mean_score == 4.0


def test_anonymise_command_erases_old_submissions(call):

    old = SubmissionFactory(call=call)
    new = SubmissionFactory(call=call)
    Submission.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=400))

    call_command("apply_retention", "--days", "365")

    old.refresh_from_db()
    new.refresh_from_db()
    assert old.anonymised_at is not None and old.applicant_id is None
    assert new.anonymised_at is None


def test_download_my_data(client, call, applicant):
    SubmissionFactory(
        call=call, applicant=applicant, title="Citizens' assemblies on climate: what the data says"
    )
    client.force_login(applicant)

    data = client.get("/my-submissions/my-data.json", follow=True).json()

    assert data["account"]["email"] == "amani@example.org"
    assert [s["title"] for s in data["submissions"]] == [
        "Citizens' assemblies on climate: what the data says"
    ]


def test_applicant_sees_the_decision_only_once_emailed(client, call, applicant, on_commit):
    submission = SubmissionFactory(
        call=call, applicant=applicant, title="Petition platforms and real outcomes"
    )
    services.decide(submissions=[submission], status=SubmissionStatus.ACCEPTED)
    client.force_login(applicant)

    before = client.get("/my-submissions/").content.decode()
    with on_commit(execute=True):
        services.send_outcomes(submissions=[submission])
    after = client.get("/my-submissions/").content.decode()

    assert "status--submitted" in before and "Accepted" not in before
    assert "status--accepted" in after and "Accepted" in after
