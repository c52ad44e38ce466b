"""`make bench`: public pages timed through the production stack.

1. A scratch SQLite database and static root in a temporary directory (never the
   demo database), with `config.settings.production`: DEBUG off, a throwaway
   SECRET_KEY, no HTTPS redirect, ALLOWED_HOSTS=127.0.0.1.
2. Every scenario in tests/perf/scenarios*.py builds its content with the factories
   and names its URL.
3. Queries are counted in-process (Django's test client and CaptureQueriesContext on
   the same database) on a warm request rendered afresh (not from the page cache), as a
   served request would run them.
4. One gunicorn sync worker serves the site (whitenoise for static files) on a free
   loopback port, with the page cache on its default local-memory cache. Each URL gets a
   warm-up, then BENCH_REQUESTS timed requests (50 by default) twice: as an anonymous
   visitor with no cookie ("cached": from the page cache where the page allows it) and
   with a cookie of the visitor's own, which the page cache never answers ("uncached":
   rendered every time, as for a signed-in person, without the session lookup), with
   the worker's CPU time per request read from /proc: on a shared machine wall-clock
   time moves with the load, CPU time much less.
5. The programme's own bytes, saved as a static file and served by whitenoise in the
   same run, are the floor: the cost of the stack with no Django view at all.
6. Each export is fetched again with the ETag it was given (If-None-Match): it must
   answer 304 Not Modified.

Prints a table and writes bench-results/bench.json. BENCH_KEEP=1 keeps the scratch
directory for a look afterwards.
"""

import http.client
import json
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
RESULTS = BASE_DIR / "bench-results" / "bench.json"
HOST = "127.0.0.1"
WARMUP_REQUESTS = 5
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
FLOOR_OF = "conference-programme"
WORKERS = 1
# Any cookie but the CSRF and language ones makes the page cache render the page afresh.
UNCACHED_COOKIE = "bench=uncached"
# Exports a conference app polls: they must revalidate with a 304.
REVALIDATED = {"conference-frab-xml", "conference-frab-json", "conference-ics"}
# The programme from the cache against its static floor: requests of each, interleaved.
FLOOR_ROUNDS = int(os.environ.get("BENCH_FLOOR_ROUNDS", "300"))


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def scratch_environment(workdir):
    """The production settings, pointed at throwaway storage, for this process and gunicorn."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "CACHE_URL", "AWS_", "ANYMAIL_", "DEBUG"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": HOST,
            "SQLITE_PATH": str(workdir / "bench.sqlite3"),
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }
    )
    return environment


def build_site():
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from home.factories import HomePageFactory, SiteSettingsFactory

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    site = Site.objects.create(hostname=HOST, port=80, root_page=home, is_default_site=True)
    SiteSettingsFactory(site=site)
    # As on the site, the home page exists in every language, so the language switcher
    # links to it (rather than posting a form, which would keep pages out of the cache).
    for code, _name in settings.LANGUAGES:
        if code != home.locale.language_code:
            home.copy_for_translation(Locale.objects.get(language_code=code), alias=True)
    return home


@contextmanager
def deferred_background_work():
    """While content is built, tasks (search and reference indexing) are queued and
    dropped: neither is measured, and they are most of the time a thousand pages take."""
    from django.test import override_settings

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        yield


def count_queries(client, url):
    """Status, body and queries of a warm request rendered afresh (Wagtail's per-process
    caches filled by one request before; the page cache bypassed by a cookie)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.cookies.load(UNCACHED_COOKIE)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content, len(queries)


def wait_for(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def fetch(port, url, headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        started = time.perf_counter()
        connection.request("GET", url, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
    finally:
        connection.close()
    return response, len(body), elapsed


def worker_pid(master_pid):
    """The pid of gunicorn's one worker (the master's child)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    for _ in range(50):
        pids = children.read_text().split() if children.exists() else []
        if pids:
            return int(pids[0])
        time.sleep(0.1)
    return None


def cpu_seconds(pid):
    """User and system CPU time a process has used (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_url(port, url, headers=None, worker=None):
    for _ in range(WARMUP_REQUESTS):
        fetch(port, url, headers)
    timings, statuses, sizes, cache_control = [], set(), set(), set()
    cpu_before = cpu_seconds(worker)
    for _ in range(REQUESTS):
        response, size, elapsed = fetch(port, url, headers)
        timings.append(elapsed * 1000)
        statuses.add(response.status)
        sizes.add(size)
        cache_control.add(response.getheader("Cache-Control", ""))
    cpu_after = cpu_seconds(worker)
    timings.sort()
    return {
        # The worker's CPU time per request: what the page costs, whatever else the
        # machine is doing (wall-clock time on a shared machine moves with its load).
        "worker_cpu_ms": (
            round((cpu_after - cpu_before) * 1000 / REQUESTS, 1)
            if cpu_before is not None and cpu_after is not None
            else None
        ),
        "status": sorted(statuses),
        "bytes": max(sizes),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 2),
        "min_ms": round(timings[0], 2),
        "cache_control": sorted(cache_control),
    }


def measure(port, row, worker=None):
    """Cached (anonymous, no cookie) and uncached (rendered afresh) timings of one URL."""
    cached = time_url(port, row["url"], worker=worker)
    if row["name"] == "static-floor":
        uncached = cached
    else:
        uncached = time_url(port, row["url"], {"Cookie": UNCACHED_COOKIE}, worker=worker)
    row.update(
        {
            "status": sorted(set(cached["status"]) | set(uncached["status"])),
            "bytes": uncached["bytes"],
            "from_page_cache": all(cc.startswith("public") for cc in cached["cache_control"]),
            "cached": cached,
            "uncached": uncached,
        }
    )
    if row["name"] in REVALIDATED:
        response, _size, _elapsed = fetch(port, row["url"])
        etag = response.getheader("ETag")
        revalidated, _size, _elapsed = fetch(port, row["url"], {"If-None-Match": etag or ""})
        row["if_none_match_status"] = revalidated.status
    return row


def against_the_floor(port, url, floor_url, rounds=FLOOR_ROUNDS):
    """The page from the cache and the static floor, fetched in turn so both meet the same
    load on a shared machine: medians and their ratio."""
    for _ in range(WARMUP_REQUESTS):
        fetch(port, url)
        fetch(port, floor_url)
    page, floor = [], []
    for _ in range(rounds):
        page.append(fetch(port, url)[2] * 1000)
        floor.append(fetch(port, floor_url)[2] * 1000)
    page_ms, floor_ms = statistics.median(page), statistics.median(floor)
    return {
        "rounds": rounds,
        "cached_median_ms": round(page_ms, 3),
        "floor_median_ms": round(floor_ms, 3),
        "ratio": round(page_ms / floor_ms, 2),
    }


def print_table(rows):
    headers = [
        "scenario",
        "url",
        "cached ms",
        "uncached ms",
        "uncached p95",
        "uncached CPU ms",
        "bytes",
        "queries",
        "page cache",
    ]
    table = [
        [
            row["name"],
            row["url"],
            f"{row['cached']['median_ms']:.1f}",
            f"{row['uncached']['median_ms']:.1f}",
            f"{row['uncached']['p95_ms']:.1f}",
            "-"
            if row["uncached"]["worker_cpu_ms"] is None
            else f"{row['uncached']['worker_cpu_ms']:.1f}",
            f"{row['bytes']:,}",
            "-" if row["queries"] is None else str(row["queries"]),
            (
                "static"
                if row["name"] == "static-floor"
                else "yes"
                if row["from_page_cache"]
                else "no"
            )
            + (
                f", {row['if_none_match_status']} on If-None-Match"
                if "if_none_match_status" in row
                else ""
            ),
        ]
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in [headers, *table]) for i in range(len(headers))]
    for line in [headers, ["-" * width for width in widths], *table]:
        print(
            "  ".join(
                cell.ljust(width) if i < 2 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )


def main():
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="civictech-bench-"))
    environment = scratch_environment(workdir)
    os.environ.update(environment)
    sys.path.insert(0, str(BASE_DIR))
    os.chdir(BASE_DIR)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.test import Client

    from tests.perf.scenarios import BenchSite, all_scenarios

    gunicorn = None
    try:
        print(f"Scratch database and static files in {workdir}")
        call_command("migrate", interactive=False, verbosity=0)
        print(f"  migrated in {time.monotonic() - started:.1f}s")
        with transaction.atomic():
            site = BenchSite(home=build_site())
        measured = []
        for scenario in all_scenarios():
            built = time.monotonic()
            with transaction.atomic(), deferred_background_work():
                url = scenario.build(site)
            measured.append(
                {"name": scenario.name, "description": scenario.description, "url": url}
            )
            print(f"  built {scenario.name} ({url}) in {time.monotonic() - built:.1f}s")
        collected = time.monotonic()
        call_command("collectstatic", interactive=False, verbosity=0)
        print(f"  collected static files in {time.monotonic() - collected:.1f}s")

        client = Client(HTTP_HOST=HOST)
        floor_bytes = None
        for row in measured:
            status, body, row["queries"] = count_queries(client, row["url"])
            if status != 200:
                raise SystemExit(f"{row['name']}: {row['url']} answered {status}, not 200")
            if row["name"] == FLOOR_OF:
                floor_bytes = body
        if floor_bytes is not None:
            floor_file = Path(environment["STATIC_ROOT"]) / "bench" / f"{FLOOR_OF}.html"
            floor_file.parent.mkdir(parents=True, exist_ok=True)
            floor_file.write_bytes(floor_bytes)
            measured.append(
                {
                    "name": "static-floor",
                    "description": f"The {FLOOR_OF} bytes as a static file (whitenoise)",
                    "url": f"/static/bench/{FLOOR_OF}.html",
                    "queries": None,
                }
            )
        connections.close_all()

        port = free_port()
        gunicorn = subprocess.Popen(  # fixed arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(WORKERS),
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=environment,
        )
        wait_for(port, gunicorn)
        worker = worker_pid(gunicorn.pid)
        timing_started = time.monotonic()
        print(
            f"gunicorn ({WORKERS} sync worker) on {HOST}:{port}; {WARMUP_REQUESTS} warm-up + "
            f"{REQUESTS} requests per URL, cached and uncached"
        )
        for row in measured:
            measure(port, row, worker=worker)
            if row["status"] != [200]:
                raise SystemExit(f"{row['name']}: {row['url']} answered {row['status']}")
        print(f"  timed {len(measured)} URLs in {time.monotonic() - timing_started:.1f}s")
        floor_row = next(row for row in measured if row["name"] == "static-floor")
        programme_row = next(row for row in measured if row["name"] == FLOOR_OF)
        comparison = against_the_floor(port, programme_row["url"], floor_row["url"])
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=10)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    print_table(measured)
    print(
        f"\nProgramme from the cache: {comparison['cached_median_ms']:.2f} ms median against "
        f"{comparison['floor_median_ms']:.2f} ms for the same {programme_row['bytes']:,} bytes "
        f"as a static file ({comparison['ratio']:.2f}x, {comparison['rounds']} of each, "
        f"interleaved); rendered: {programme_row['uncached']['median_ms']:.1f} ms median "
        f"({programme_row['uncached']['worker_cpu_ms']} ms of the worker's CPU), "
        f"{programme_row['queries']} queries; load average {os.getloadavg()[0]:.1f}"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "settings": f"config.settings.production (DEBUG off) through gunicorn, {WORKERS} sync worker",
                "cached": "anonymous request without cookies (page cache where the page allows)",
                "uncached": f"request with the cookie {UNCACHED_COOKIE!r}: rendered every time",
                "floor": f"the {FLOOR_OF} bytes as a static file served by whitenoise",
                "python": platform.python_version(),
                "warmup_requests": WARMUP_REQUESTS,
                "requests": REQUESTS,
                "query_count": "warm request rendered afresh, in-process, same database",
                "worker_cpu_ms": "the gunicorn worker's CPU time per request (Linux /proc)",
                "load_average": os.getloadavg(),
                "programme_against_floor": comparison,
                "results": measured,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} in {time.monotonic() - started:.0f}s")


if __name__ == "__main__":
    main()
