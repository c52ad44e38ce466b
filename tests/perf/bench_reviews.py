"""Review benchmark: the ranking at 2,000 and then 8,000 submissions with 3 reviews each.

    .venv/bin/python -m tests.perf.bench_reviews

Scratch SQLite database (or DATABASE_URL when set) with the production settings, as
tests/perf/bench.py. Measures in-process, through Django's test client signed in as the
Programme team or a reviewer (the pages are admin pages, so they cannot be fetched
anonymously through gunicorn like the public scenarios). One call is built with 2,000
submissions, measured, then grown to 8,000 and measured again:

- the ranking's first page (100 rows, sorted by calibrated score over the whole call),
- the ranking CSV export, timed until its last byte is read (the whole streamed file),
- a reviewer's queue,

the page and the export requested in turn, so a shared machine's load falls on both.
Each figure is the median (and 95th percentile) of BENCH_REVIEWS_REQUESTS requests (20)
in wall-clock time, with the process's CPU time beside it (which the load of other jobs
on the machine changes little), the query count and the response size in bytes. Then a
burst of 200 concurrent submissions at the deadline (each sent twice, as a double click
would): none lost, none duplicated.

Targets, checked at the end (with BENCH_REVIEWS_STRICT=1 the exit status is non-zero
when one is missed; timings on a shared machine move with its load): the first page at
8,000 in at most 150 ms; from 2,000 to 8,000 its time grows at most 4.4 times
(no faster than the submissions, x4, with 10% to spare); the whole CSV export no slower
than the first page. BENCH_REVIEWS_SIZES sets the sizes ("2000,8000"). Writes
bench-results/bench-reviews.json.
"""

import gc
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
SIZES = [int(n) for n in os.environ.get("BENCH_REVIEWS_SIZES", "2000,8000").split(",")]
REVIEWERS = 10
REVIEWS_EACH = 3
BURST = 200
REQUESTS = int(os.environ.get("BENCH_REVIEWS_REQUESTS", "20"))
PAGE_TARGET_MS = 150
GROWTH_TARGET = 4.4


def build_call(home):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from proposals.factories import CallPageFactory, CallQuestionFactory, RubricCriterionFactory

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
    burst_applicants = User.objects.bulk_create(
        User(username=f"late{i}@bench", email=f"late{i}@bench") for i in range(BURST)
    )
    return call, criteria, programme, reviewers, burst_applicants


def add_submissions(call, criteria, reviewers, *, up_to):
    """Grow the call to ``up_to`` submitted proposals, each reviewed by REVIEWS_EACH."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from proposals import scoring, services
    from proposals.models import Review, Submission, SubmissionStatus

    User = get_user_model()
    start = Submission.objects.filter(call_id=call.pk).count()
    applicants = User.objects.bulk_create(
        User(
            username=f"applicant{i}@bench",
            email=f"applicant{i}@bench",
            first_name="Applicant",
            last_name=str(i),
        )
        for i in range(start, up_to)
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
        for i, applicant in enumerate(applicants, start=start)
    )
    services.auto_assign(call=call, reviewers=reviewers)
    reviews = list(Review.objects.filter(submission__call_id=call.pk, submitted_at__isnull=True))
    for n, review in enumerate(reviews, start=start * REVIEWS_EACH):
        review.scores = {
            str(c.pk): 1 + (n * (i + 3) + review.reviewer_id) % 5 for i, c in enumerate(criteria)
        }
        review.mean_score = scoring.review_mean(review.scores, criteria)
        review.submitted_at = now
        review.recommendation = "accept"
    Review.objects.bulk_update(
        reviews, ["scores", "mean_score", "submitted_at", "recommendation"], batch_size=500
    )


def get(client, url):
    """The response with its whole body read (a streamed export to its last byte)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return body


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def summary(timings):
    timings = sorted(timings)
    return (
        round(statistics.median(timings), 1),
        round(timings[max(0, round(0.95 * len(timings)) - 1)], 1),
    )


def measure(client, urls):
    """{name: figures} for each of ``urls`` ({name: url}), requested in turn REQUESTS times
    after one warm-up each."""
    wall = {name: [] for name in urls}
    cpu = {name: [] for name in urls}
    sizes = {}
    for url in urls.values():
        get(client, url)
    for _ in range(REQUESTS):
        for name, url in urls.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            sizes[name] = len(get(client, url))
            wall[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - started_cpu) * 1000)
    results = {}
    for name, url in urls.items():
        median, p95 = summary(wall[name])
        cpu_median, _cpu_p95 = summary(cpu[name])
        results[name] = {
            "url": url,
            "queries": count_queries(client, url),
            "bytes": sizes[name],
            "median_ms": median,
            "p95_ms": p95,
            "cpu_median_ms": cpu_median,
        }
    return results


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


def check_targets(by_size):
    """[(target, figures, met)] for the ranking's targets."""
    first, last = by_size[SIZES[0]], by_size[SIZES[-1]]
    page, export = "ranking first page", "ranking CSV export (whole file)"
    growth = last[page]["median_ms"] / first[page]["median_ms"]
    cpu_growth = last[page]["cpu_median_ms"] / first[page]["cpu_median_ms"]
    checks = [
        (
            f"first page at {SIZES[-1]:,} <= {PAGE_TARGET_MS} ms",
            f"{last[page]['median_ms']} ms (CPU {last[page]['cpu_median_ms']} ms)",
            last[page]["median_ms"] <= PAGE_TARGET_MS,
        ),
        (
            f"first page {SIZES[0]:,} -> {SIZES[-1]:,} grows <= x{GROWTH_TARGET}",
            f"x{growth:.2f} (CPU x{cpu_growth:.2f})",
            growth <= GROWTH_TARGET,
        ),
    ]
    for size, results in by_size.items():
        checks.append(
            (
                f"whole CSV export <= first page at {size:,}",
                f"{results[export]['median_ms']} vs {results[page]['median_ms']} ms "
                f"(CPU {results[export]['cpu_median_ms']} vs {results[page]['cpu_median_ms']})",
                results[export]["median_ms"] <= results[page]["median_ms"],
            )
        )
    return checks


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

    load_before = os.getloadavg()
    by_size = {}
    try:
        print(f"Scratch database in {workdir} ({settings.DATABASES['default']['ENGINE']})")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        with transaction.atomic(), deferred_background_work():
            home = build_site()
            call, criteria, programme, reviewers, burst_applicants = build_call(home)
        for size in SIZES:
            built = time.monotonic()
            with transaction.atomic(), deferred_background_work():
                add_submissions(call, criteria, reviewers, up_to=size)
            print(
                f"  {size} submissions x {REVIEWS_EACH} reviews "
                f"(built in {time.monotonic() - built:.1f}s)"
            )
            gc.collect()
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(programme)
            ranking = f"/admin/calls/{call.pk}/ranking/"
            results = measure(
                client,
                {
                    "ranking first page": ranking,
                    "ranking CSV export (whole file)": f"{ranking}?export=csv",
                },
            )
            client.force_login(reviewers[0])
            results.update(measure(client, {"reviewer queue": "/admin/calls/reviews/"}))
            by_size[size] = results
        # The deadline is now: the burst lands in the last seconds before it.
        call.closes_at = datetime.now(UTC) + timedelta(minutes=5)
        call.save()
        concurrency = burst(call, burst_applicants)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()

    print()
    print(
        f"{'submissions':>11} {'what':32} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8} "
        f"{'queries':>8} {'bytes':>10}"
    )
    for size, results in by_size.items():
        for name, row in results.items():
            print(
                f"{size:>11,} {name:32} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
                f"{row['cpu_median_ms']:>8.1f} {row['queries']:>8} {row['bytes']:>10,}"
            )
    print(
        f"burst: {concurrency['requests']} requests from {concurrency['people']} people in "
        f"{concurrency['seconds']}s: {concurrency['created']} created, {concurrency['lost']} lost, "
        f"{concurrency['duplicated']} duplicated"
    )
    print(
        f"load average (1, 5, 15 min) on {os.cpu_count()} cores: before "
        f"{', '.join(f'{n:.1f}' for n in load_before)}; after "
        f"{', '.join(f'{n:.1f}' for n in load_after)}"
    )
    checks = check_targets(by_size)
    print()
    for target, figures, met in checks:
        print(f"{'met   ' if met else 'MISSED'} {target}: {figures}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": settings.DATABASES["default"]["ENGINE"],
                "reviews_per_submission": REVIEWS_EACH,
                "requests": REQUESTS,
                "load_average_before": load_before,
                "load_average_after": load_after,
                "results": {str(size): results for size, results in by_size.items()},
                "targets": [
                    {"target": target, "figures": figures, "met": met}
                    for target, figures, met in checks
                ],
                "burst": concurrency,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} in {time.monotonic() - started:.0f}s")
    if concurrency["lost"] or concurrency["duplicated"]:
        raise SystemExit("submissions were lost or duplicated")
    if os.environ.get("BENCH_REVIEWS_STRICT") and not all(met for _t, _f, met in checks):
        raise SystemExit("a ranking target was missed")


if __name__ == "__main__":
    main()
