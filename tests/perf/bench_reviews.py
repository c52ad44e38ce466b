"""Review benchmark: 2,000 submissions with 3 reviews each.

    .venv/bin/python -m tests.perf.bench_reviews

Scratch SQLite database (or DATABASE_URL when set) with the production settings, as
tests/perf/bench.py. Measures in-process, through Django's test client signed in as the
Programme team or a reviewer (the pages are admin pages, so they cannot be fetched
anonymously through gunicorn like the public scenarios):

- the ranking page with all 2,000 submissions on one page,
- a reviewer's queue (about 600 assignments),
- the ranking CSV export,
- a burst of 200 concurrent submissions at the deadline (each sent twice, as a
  double click would): none lost, none duplicated.

Prints median and 95th percentile and the query count of each, and writes
bench-results/bench-reviews.json. BENCH_REVIEWS_REQUESTS sets the requests per URL (20).
"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.perf.bench import BASE_DIR, build_site, deferred_background_work, scratch_environment

RESULTS = BASE_DIR / "bench-results" / "bench-reviews.json"
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "2000"))
REVIEWERS = 10
REVIEWS_EACH = 3
BURST = 200
REQUESTS = int(os.environ.get("BENCH_REVIEWS_REQUESTS", "20"))


def build_call(home):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from proposals import scoring, services
    from proposals.factories import CallPageFactory, CallQuestionFactory, RubricCriterionFactory
    from proposals.models import Review, Submission, SubmissionStatus

    User = get_user_model()
    call = CallPageFactory(parent=home, slug="bench-call", reviews_per_submission=REVIEWS_EACH)
    CallQuestionFactory(page=call, label="Summary", field_type="multiline")
    criteria = [
        RubricCriterionFactory(page=call, name="Alignment with the conference themes", weight=2),
        RubricCriterionFactory(page=call, name="Practical experience and evidence of impact"),
        RubricCriterionFactory(page=call, name="Quality of audience participation"),
    ]
    reviewers_group = Group.objects.get_or_create(name="Reviewers")[0]
    programme_group = Group.objects.get_or_create(name="Programme team")[0]
    programme = User.objects.create(
        username="programme@bench", email="programme@bench", is_staff=True
    )
    programme.groups.add(programme_group, reviewers_group)
    reviewers = User.objects.bulk_create(
        User(username=f"reviewer{i}@bench", email=f"reviewer{i}@bench", is_staff=True)
        for i in range(REVIEWERS)
    )
    for reviewer in reviewers:
        reviewer.groups.add(reviewers_group)
    applicants = User.objects.bulk_create(
        User(
            username=f"applicant{i}@bench",
            email=f"applicant{i}@bench",
            first_name="Applicant",
            last_name=str(i),
        )
        for i in range(SUBMISSIONS + BURST)
    )
    now = timezone.now()
    Submission.objects.bulk_create(
        Submission(
            call_id=call.pk,
            applicant=applicant,
            applicant_name=applicant.get_full_name(),
            applicant_email=applicant.email,
            title=f"Proposal {i}: using FOI data to track political donations",
            status=SubmissionStatus.SUBMITTED,
            submitted_at=now,
            answers={"summary": "How access to information requests exposed undeclared donations."},
            questions=[
                {
                    "key": "summary",
                    "label": "Summary",
                    "field_type": "multiline",
                    "help_text": "",
                    "choices": "",
                }
            ],
        )
        for i, applicant in enumerate(applicants[:SUBMISSIONS])
    )
    services.auto_assign(call=call, reviewers=reviewers)
    reviews = list(Review.objects.filter(submission__call_id=call.pk))
    for n, review in enumerate(reviews):
        review.scores = {
            str(c.pk): 1 + (n * (i + 3) + review.reviewer_id) % 5 for i, c in enumerate(criteria)
        }
        review.mean_score = scoring.review_mean(review.scores, criteria)
        review.submitted_at = now
        review.recommendation = "accept"
    Review.objects.bulk_update(
        reviews, ["scores", "mean_score", "submitted_at", "recommendation"], batch_size=500
    )
    return call, programme, reviewers[0], applicants[SUBMISSIONS:]


def measure(client, url):
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    client.get(url)
    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "url": url,
        "queries": len(queries),
        "bytes": len(response.content),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 1),
    }


def burst(call, applicants):
    """BURST people submit at once, each twice (double click): exactly BURST remain."""
    from django.db import connection
    from django.test import override_settings

    from proposals import services
    from proposals.models import Submission

    keys = [uuid.uuid4() for _ in applicants]

    def one(args):
        applicant, key = args
        try:
            services.submit(
                call=call,
                by=applicant,
                answers={"summary": "At the deadline."},
                title="Last-minute",
                idempotency_key=key,
            )
            return True
        finally:
            connection.close()

    before = Submission.objects.filter(call_id=call.pk).count()
    started = time.perf_counter()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(
                pool.map(one, [(a, k) for a, k in zip(applicants, keys, strict=True)] * 2)
            )
    elapsed = time.perf_counter() - started
    created = Submission.objects.filter(call_id=call.pk).count() - before
    return {
        "requests": len(results),
        "people": len(applicants),
        "created": created,
        "lost": len(applicants) - created if created < len(applicants) else 0,
        "duplicated": max(0, created - len(applicants)),
        "seconds": round(elapsed, 2),
    }


def main():
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="civictech-bench-reviews-"))
    environment = scratch_environment(workdir)
    if os.environ.get("DATABASE_URL"):
        environment["DATABASE_URL"] = os.environ["DATABASE_URL"]
    os.environ.update(environment)
    sys.path.insert(0, str(BASE_DIR))
    os.chdir(BASE_DIR)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    try:
        print(f"Scratch database in {workdir} ({settings.DATABASES['default']['ENGINE']})")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        built = time.monotonic()
        with transaction.atomic(), deferred_background_work():
            home = build_site()
            call, programme, reviewer, burst_applicants = build_call(home)
        print(
            f"  built {SUBMISSIONS} submissions x {REVIEWS_EACH} reviews in {time.monotonic() - built:.1f}s"
        )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(programme)
        results = {
            "ranking (all on one page)": measure(client, f"/admin/calls/{call.pk}/ranking/"),
            "ranking CSV export": measure(client, f"/admin/calls/{call.pk}/ranking/?export=csv"),
        }
        client.force_login(reviewer)
        results["reviewer queue"] = measure(client, "/admin/calls/reviews/")
        # The deadline is now: the burst lands in the last seconds before it.
        call.closes_at = datetime.now(UTC) + timedelta(minutes=5)
        call.save()
        concurrency = burst(call, burst_applicants[:BURST])
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(f"{'what':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'bytes':>10}")
    for name, row in results.items():
        print(
            f"{name:28} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} {row['queries']:>8} {row['bytes']:>10,}"
        )
    print(
        f"burst: {concurrency['requests']} requests from {concurrency['people']} people in "
        f"{concurrency['seconds']}s: {concurrency['created']} created, {concurrency['lost']} lost, "
        f"{concurrency['duplicated']} duplicated"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": settings.DATABASES["default"]["ENGINE"],
                "submissions": SUBMISSIONS,
                "reviews_per_submission": REVIEWS_EACH,
                "requests": REQUESTS,
                "results": results,
                "burst": concurrency,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} in {time.monotonic() - started:.0f}s")
    if concurrency["lost"] or concurrency["duplicated"]:
        raise SystemExit("submissions were lost or duplicated")


if __name__ == "__main__":
    main()
