"""The ranking for the programme team: paginated, sorted by score over the whole call,
reading only the columns it shows, and its CSV export (streamed) with the same rows."""

import csv
import io
from types import SimpleNamespace

import pytest
from django.urls import reverse

from proposals import scoring, services
from proposals.admin_views import RankingView
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory
from proposals.models import ExportLog, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewers(db):
    return [UserFactory(email=f"judge{i}@example.org", groups=["Reviewers"]) for i in range(3)]


def score(review, alignment, practical, workshop=None):
    """Scores by the first word of the criterion's name (None: not applicable)."""
    criteria = {c.name.split()[0]: c.pk for c in review.submission.call.specific.get_criteria()}
    services.record_review(
        review=review,
        scores={
            criteria["Alignment"]: alignment,
            criteria["Practical"]: practical,
            criteria["Quality"]: workshop,
        },
        recommendation="accept",
        by=review.reviewer,
    )


def csv_lines(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))


@pytest.fixture
def scored(call, reviewers):
    """Three reviewable submissions with finished, pending and conflicted reviews, and a
    draft and a withdrawn one that the ranking leaves out."""
    first = SubmissionFactory(
        call=call, title="Open data audits", applicant_name="Ada Auditor", applicant_email="a@x.org"
    )
    second = SubmissionFactory(
        call=call,
        title="Council budgets",
        applicant_name="Bo Budget",
        applicant_email="b@x.org",
    )
    third = SubmissionFactory(
        call=call, title="Not yet reviewed", applicant_name="Cy", applicant_email="c@x.org"
    )
    SubmissionFactory(call=call, status=SubmissionStatus.DRAFT, submitted_at=None)
    SubmissionFactory(call=call, status=SubmissionStatus.WITHDRAWN)
    score(ReviewFactory(submission=first, reviewer=reviewers[0]), 5, 4, 3)
    score(ReviewFactory(submission=first, reviewer=reviewers[1]), 2, None)
    score(ReviewFactory(submission=second, reviewer=reviewers[0]), 1, 1)
    score(ReviewFactory(submission=second, reviewer=reviewers[1]), 4, 5, 5)
    ReviewFactory(submission=second, reviewer=reviewers[2])  # assigned, not done
    ReviewFactory(submission=third, reviewer=reviewers[2], conflict_declared=True)
    ReviewFactory(submission=third, reviewer=reviewers[0])
    # Decided after review (a decided submission's reviews are locked).
    Submission.objects.filter(pk=second.pk).update(status=SubmissionStatus.WAITLISTED)
    return first, second, third


def test_csv_export_has_the_same_rows_as_before(client, call, programme, scored):
    first, second, third = scored
    client.force_login(programme)

    response = client.get(f"/admin/calls/{call.pk}/ranking/?export=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    # Rows and values as the export wrote them before it was streamed (ids in order).
    assert csv_lines(response) == [
        [
            "ID",
            "Title",
            "Status",
            "Applicant",
            "Email",
            "Reviews",
            "Assigned",
            "Weighted mean",
            "Spread",
            "Calibrated (z)",
            "Alignment with the conference themes",
            "Practical experience and evidence of impact",
            "Quality of audience participation",
        ],
        [str(first.pk), "Open data audits", "Submitted", "Ada Auditor", "a@x.org", "2", "2"]
        + ["3.12", "2.25", "0.0", "3.5", "4.0", "3.0"],
        [str(second.pk), "Council budgets", "Waiting list", "Bo Budget", "b@x.org", "2", "3"]
        + ["2.75", "3.5", "0.0", "2.5", "3.0", "5.0"],
        [str(third.pk), "Not yet reviewed", "Submitted", "Cy", "c@x.org", "0", "1"]
        + ["", "", "", "", "", ""],
    ]
    assert response.streaming
    assert list(ExportLog.objects.values_list("what", "file_format", "rows", "user")) == [
        ("ranking", "csv", 3, programme.pk)
    ]


def test_xlsx_export_has_the_same_rows_as_the_csv(client, call, programme, scored):
    from openpyxl import load_workbook

    client.force_login(programme)

    csv_rows = csv_lines(client.get(f"/admin/calls/{call.pk}/ranking/?export=csv"))
    xlsx = client.get(f"/admin/calls/{call.pk}/ranking/?export=xlsx")

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [[same(v) for v in row] for row in sheet.iter_rows(values_only=True)] == [
        [same(v) for v in row] for row in csv_rows
    ]


def same(value):
    """A cell as a number when it is one (XLSX keeps 3.0 as 3, CSV writes "3.0")."""
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        return value


def page(client, call, **params):
    response = client.get(reverse("proposals_admin:ranking", args=[call.pk]), params)
    assert response.status_code == 200
    return response


def test_ranking_pages_are_sorted_over_the_whole_call(client, call, programme, scored, monkeypatch):
    first, second, third = scored
    monkeypatch.setattr(RankingView, "paginate_by", 2)
    client.force_login(programme)

    by_mean = [page(client, call, ordering="mean", p=n) for n in (1, 2)]
    worst_first = page(client, call, ordering="-mean")
    by_title = page(client, call, ordering="title", p=2)

    assert [[r.submission.pk for r in p.context["rows"]] for p in by_mean] == [
        [first.pk, second.pk],
        [third.pk],
    ]
    assert [r.submission.pk for r in worst_first.context["rows"]] == [third.pk, second.pk]
    assert [r.submission.title for r in by_title.context["rows"]] == ["Open data audits"]
    html = by_mean[1].content.decode()
    assert "3 submissions." in html  # the caption counts the whole list
    assert "Page 2 of 2" in html
    assert f'<td>3</td>\n        <th scope="row" id="title-{third.pk}">' in html  # numbered on


def test_ranking_page_shows_each_criterions_mean_and_the_disagreement(
    client, call, programme, scored
):
    first, second, _third = scored
    client.force_login(programme)

    html = page(client, call).content.decode()

    # Weighted mean, spread (reviewers 3.5 apart disagree), calibrated, status, criteria.
    assert (
        "<td>2.75</td>\n        <td>3.5 "
        '<span class="w-status w-status--label">reviewers disagree</span></td>\n'
        "        <td>0.0</td>\n        <td>Waiting list</td>\n"
        "        <td>2.5</td><td>3.0</td><td>5.0</td>"
    ) in html
    assert "<td>2 / 2</td>\n        <td>3.12</td>\n        <td>2.25 <span" in html
    assert "<td>0 / 1</td>\n        <td>–</td>\n        <td>–</td>" in html


def test_ranking_links_keep_the_filters_and_start_again_at_page_one(
    client, call, programme, scored, monkeypatch
):
    monkeypatch.setattr(RankingView, "paginate_by", 1)
    client.force_login(programme)

    html = page(client, call, status="submitted", ordering="-mean", p=2).content.decode()

    assert 'href="?status=submitted&amp;ordering=mean"' in html  # sorting: back to page 1
    assert 'href="?status=submitted&amp;export=csv"' in html
    assert 'href="?status=submitted&amp;ordering=-mean&amp;p=1"' in html  # pages keep both
    assert "2 submissions." in html


def test_an_unknown_ordering_or_page_falls_back_instead_of_failing(client, call, programme, scored):
    client.force_login(programme)

    response = page(client, call, ordering="answers", p="last-but-one")

    assert response.context["ordering"] == "calibrated"
    assert response.context["page_obj"].number == 1
    assert len(response.context["rows"]) == 3


def test_ranking_page_reads_only_the_columns_it_shows(
    client, call, programme, scored, django_assert_max_num_queries, monkeypatch
):
    client.force_login(programme)
    monkeypatch.setattr(RankingView, "paginate_by", 2)
    page(client, call)

    with django_assert_max_num_queries(17) as one_page:
        page(client, call, p=2)
    for _ in range(6):
        SubmissionFactory(call=call, answers={"summary": "A long answer " * 50})
    with django_assert_max_num_queries(len(one_page.captured_queries)) as five_pages:
        response = page(client, call, p=3)

    assert response.context["paginator"].num_pages == 5
    submission_reads = [
        q["sql"] for q in five_pages.captured_queries if 'FROM "proposals_submission"' in q["sql"]
    ]
    assert submission_reads  # the ranking's own read, by status
    assert not [sql for sql in submission_reads if '"answers"' in sql or '"questions"' in sql]


def test_scoring_every_submission_at_once_agrees_with_ranking_them_one_by_one():
    # (review id, submission, reviewer, mean): a harsh reviewer H, a generous G, a
    # review with nothing applicable (None) and a reviewer who gives 0.1 every time.
    reviews = [
        (1, "A", "H", 1.0),
        (2, "B", "H", 2.0),
        (3, "C", "H", 3.0),
        (4, "A", "G", 3.0),
        (5, "B", "G", 4.0),
        (6, "C", "G", 5.0),
        (7, "C", "N", None),
        (8, "A", "S", 0.1),
        (9, "B", "S", 0.1),
        (10, "C", "S", 0.1),
    ]
    objects = [
        SimpleNamespace(
            pk=pk, submission_id=s, reviewer_id=r, mean_score=m, scores={}, recommendation=""
        )
        for pk, s, r, m in reviews
    ]

    scores = scoring.score_submissions((s, r, m) for _pk, s, r, m in reviews)
    rows = scoring.rank([SimpleNamespace(pk=p) for p in "ABC"], objects, [])

    assert [
        (scores[p].review_count, scores[p].mean, scores[p].spread, scores[p].calibrated)
        for p in "ABC"
    ] == [(row.review_count, row.mean, row.spread, row.calibrated) for row in rows]
    # The same score from every review (0.1, not exactly summed in floating point) is
    # no spread at all, so it moves nobody: C is H's and G's best, A their worst.
    assert [row.calibrated for row in rows] == [-0.82, 0.0, 0.82]
    assert (scores["C"].review_count, scores["C"].mean) == (4, 2.7)
    assert scoring.NOT_REVIEWED.mean is None
