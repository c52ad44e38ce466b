"""A call's ranking as a Wagtail listing: a column per rubric criterion filled with its
mean, the numbers explained, sorted by any score over the whole call, the call's own
filters, search, CSV/XLSX export with the same rows, only for who manages the call, and
a fixed number of queries that never reads the answers."""

import csv
import io
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from proposals import scoring, services
from proposals.admin.ranking import RankingIndexView
from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory
from proposals.filters import RankingFilterSet
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
        call=call, title="Council budgets", applicant_name="Bo Budget", applicant_email="b@x.org"
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


def page(client, call, **params):
    response = client.get(reverse("proposals_ranking:index", args=[call.pk]), params)
    assert response.status_code == 200
    return response


def text(fragment):
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def cells(html, submission):
    """The text of each cell in the row of ``submission``, tags and spaces stripped."""
    row = re.search(
        rf'<tr[^>]*>((?:(?!</tr>).)*id="submission-{submission.pk}-title"(?:(?!</tr>).)*)</tr>',
        html,
        re.S,
    ).group(1)
    return [text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]


def test_each_criterion_has_a_column_filled_with_its_mean(client, call, programme, scored):
    first, second, third = scored
    client.force_login(programme)

    html = page(client, call).content.decode()

    thead = html.split('id="listing-results"')[1].split("<thead>")[1].split("</thead>")[0]
    headers = [text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)]
    assert headers[1:] == [
        "Title",
        "Applicant",
        "Reviews",
        "Weighted mean",
        "Alignment with the conference themes",
        "Practical experience and evidence of impact",
        "Quality of audience participation",
        "Spread",
        "Reviewers disagree",
        "Calibrated",
        "Status",
    ]
    needed = call.reviews_per_submission
    # title, applicant, reviews done / needed, mean, the three criteria, spread, flag,
    # calibrated, status.
    assert cells(html, first)[1:] == [
        "Open data audits", "Ada Auditor", f"2 / {needed}", "3.12", "3.5", "4.0", "3.0", "2.25",
        "Disagree", "0.0", "Submitted",
    ]  # fmt: skip
    assert cells(html, second)[1:] == [
        "Council budgets", "Bo Budget", f"2 / {needed}", "2.75", "2.5", "3.0", "5.0", "3.5",
        "Disagree", "0.0", "Waiting list",
    ]  # fmt: skip
    assert cells(html, third)[1:] == [
        "Not yet reviewed", "Cy", f"0 / {needed}", "–", "–", "–", "–", "–", "", "–", "Submitted",
    ]  # fmt: skip


def test_the_numbers_are_explained_in_plain_words(client, call, programme, scored):
    client.force_login(programme)

    html = page(client, call).content.decode()

    assert "<summary>What these numbers mean</summary>" in html
    assert "a harsh and a generous reviewer count the same" in html
    assert "Shown when the spread is 1.5 points or more" in html
    assert "z-score" not in html


def test_an_anonymised_call_shows_no_applicant_column(client, call, programme, scored):
    call.anonymised_review = True
    call.save()
    client.force_login(programme)

    html = page(client, call).content.decode()

    assert "Ada Auditor" not in html
    assert ">Applicant<" not in html


def test_pages_are_sorted_by_any_score_over_the_whole_call(
    client, call, programme, scored, monkeypatch
):
    first, second, third = scored
    monkeypatch.setattr(RankingIndexView, "paginate_by", 2)
    client.force_login(programme)

    best_first = [page(client, call, ordering="-mean", p=n) for n in (1, 2)]
    worst_first = page(client, call, ordering="mean")
    by_title = page(client, call, ordering="title", p=2)
    default = page(client, call)

    assert [[r.pk for r in p.context["rows"]] for p in best_first] == [
        [first.pk, second.pk],
        [third.pk],
    ]
    assert [r.pk for r in worst_first.context["rows"]] == [third.pk, second.pk]
    assert [r.submission.title for r in by_title.context["rows"]] == ["Open data audits"]
    assert default.context["ordering"] == "-calibrated"
    assert "Page 2 of 2" in best_first[1].content.decode()
    # The header says how the table is sorted, for screen readers too.
    assert 'class="icon icon-arrow-down-after teal label"' in best_first[0].content.decode()


def test_an_unknown_ordering_or_page_falls_back_instead_of_failing(client, call, programme, scored):
    client.force_login(programme)

    response = page(client, call, ordering="answers", p="last-but-one")

    assert response.context["ordering"] == "-calibrated"
    assert response.context["page_obj"].number == 1
    assert len(response.context["rows"]) == 3


def test_filters_by_status_and_search_by_title_or_applicant(client, call, programme, scored):
    first, second, third = scored
    client.force_login(programme)

    waitlisted = page(client, call, status="waitlisted")
    by_title = page(client, call, q="audits")
    by_name = page(client, call, q="Bo Bud")
    results = client.get(
        reverse("proposals_ranking:index_results", args=[call.pk]), {"status": "submitted"}
    )

    assert [r.pk for r in waitlisted.context["rows"]] == [second.pk]
    assert [r.pk for r in by_title.context["rows"]] == [first.pk]
    assert [r.pk for r in by_name.context["rows"]] == [second.pk]
    assert {r.pk for r in results.context["rows"]} == {first.pk, third.pk}
    # Scores are calibrated over the whole call, whatever is filtered.
    assert [r.calibrated for r in waitlisted.context["rows"]] == [0.0]


def test_a_host_declares_its_filters_as_a_filterset(call):
    assert call.get_ranking_filterset_class() is RankingFilterSet
    filters = RankingFilterSet({"status": "accepted"}, Submission.objects.all(), call=call)
    assert list(filters.form.fields) == ["status"]
    assert [value for value, _label in filters.form.fields["status"].choices][1:] == [
        "submitted",
        "accepted",
        "rejected",
        "waitlisted",
    ]


def test_csv_export_has_the_listed_rows_with_every_criterion(client, call, programme, scored):
    first, second, third = scored
    client.force_login(programme)

    response = client.get(reverse("proposals_ranking:index", args=[call.pk]), {"export": "csv"})
    waitlisted = client.get(
        reverse("proposals_ranking:index", args=[call.pk]),
        {"export": "csv", "status": "waitlisted"},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
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
            "Calibrated",
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
    assert [line[0] for line in csv_lines(waitlisted)[1:]] == [str(second.pk)]
    assert response.streaming
    assert sorted(ExportLog.objects.values_list("what", "file_format", "rows", "user")) == [
        ("ranking", "csv", 1, programme.pk),
        ("ranking", "csv", 3, programme.pk),
    ]


def test_xlsx_export_has_the_same_rows_as_the_csv(client, call, programme, scored):
    client.force_login(programme)
    url = reverse("proposals_ranking:index", args=[call.pk])

    csv_rows = csv_lines(client.get(url, {"export": "csv"}))
    xlsx = client.get(url, {"export": "xlsx"})

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


def test_only_who_manages_the_call_reaches_it_by_its_address(
    client, call, vacancy, programme, outsider, editor, other_reviewer, scored
):
    first, _second, _third = scored
    confidential = SubmissionFactory(call=vacancy, title="Applying to chair the board")
    ReviewFactory(submission=first, reviewer=other_reviewer)  # assigned, still not a manager
    urls = {
        "ranking": lambda c: reverse("proposals_ranking:index", args=[c.pk]),
        "results": lambda c: reverse("proposals_ranking:index_results", args=[c.pk]),
        "export": lambda c: reverse("proposals_ranking:index", args=[c.pk]) + "?export=csv",
        "old name": lambda c: reverse("proposals_admin:ranking", args=[c.pk]),
    }

    def statuses(user, page, follow=False):
        client.force_login(user)
        return {
            name: client.get(url(page), follow=follow).status_code for name, url in urls.items()
        }

    # Wagtail answers a refusal by sending the person back to the dashboard.
    assert set(statuses(other_reviewer, call).values()) <= {302, 403}
    assert set(statuses(editor, call).values()) <= {302, 403}
    # Not found (after the language redirect a 404 in the admin gets), as if it did not exist.
    assert set(statuses(outsider, vacancy, follow=True).values()) == {404}
    assert set(statuses(outsider, call).values()) == {200}
    client.force_login(outsider)
    hidden = reverse("proposals_decisions:submission", args=[vacancy.pk, confidential.pk])
    assert client.get(hidden, follow=True).status_code == 404


def test_query_count_is_fixed_and_the_answers_are_never_read(
    client, call, programme, scored, django_assert_max_num_queries, monkeypatch
):
    client.force_login(programme)
    monkeypatch.setattr(RankingIndexView, "paginate_by", 2)
    page(client, call)

    with django_assert_max_num_queries(20) as one_page:
        page(client, call, p=2)
    reviewer = UserFactory(groups=["Reviewers"])
    for _ in range(6):
        submission = SubmissionFactory(call=call, answers={"summary": "A long answer " * 50})
        score(ReviewFactory(submission=submission, reviewer=reviewer), 3, 4, 5)
    with django_assert_max_num_queries(len(one_page.captured_queries)) as five_pages:
        response = page(client, call, p=3)

    assert response.context["paginator"].num_pages == 5
    reads = [q["sql"] for q in five_pages.captured_queries if '"proposals_submission"' in q["sql"]]
    assert reads
    assert not [sql for sql in reads if '"answers"' in sql or '"questions"' in sql]
    # Scores are only read key by key inside the database (per-criterion means), never
    # whole: SQLite's JSON_EXTRACT, PostgreSQL's ->>.
    assert not [
        sql
        for sql in five_pages.captured_queries
        if 'FROM "proposals_review"' in sql["sql"]
        and '"proposals_review"."scores"' in sql["sql"]
        and "JSON_EXTRACT" not in sql["sql"]
        and "->>" not in sql["sql"]
    ]


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
    assert [row.calibrated for row in rows] == [-0.82, 0.0, 0.82]
    assert (scores["C"].review_count, scores["C"].mean) == (4, 2.7)
    assert scoring.NOT_REVIEWED.mean is None
