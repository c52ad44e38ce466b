"""`make loadtest`: 200 applicants in the last minute before a deadline, on the real stack.

1. PostgreSQL and Redis (stack.py): the servers at DATABASE_URL / CACHE_URL when set,
   else Debian's postgresql and redis-server started here on throwaway ports; a fresh
   database either way, dropped at the end.
2. The production settings (tests/load/settings.py: DEBUG off, secure cookies, the
   database task queue) with email going to a flaky provider (flaky_backend.py).
3. Setup through the ORM: migrate, collect static files, a site, 200 applicant
   accounts with verified email addresses.
4. Two gunicorn app servers (sync workers) on two ports, one ``manage.py db_worker``.
   Once they are up, a call is published that closes LOADTEST_DEADLINE_IN seconds
   later (90). It accepts several proposals per person, so only the form's
   idempotency key tells a double click from a second proposal.
5. Each applicant (its own thread and loopback address, browser.py) signs in through
   allauth, opens the call's form and fills it in; then, at a moment drawn in the last
   minute before the deadline, clicks Submit twice: two POSTs of the same form a
   fraction of a second apart, through the "load balancer" to each app server; then
   follows the redirect of the second click, as a browser shows the last response.
6. The email provider is down for the last minute (LOADTEST_OUTAGE_SECONDS, 60): every
   confirmation sent meanwhile is refused and has to be retried through the task
   queue. The test waits until every applicant has their confirmation, or gives up
   after LOADTEST_DRAIN_TIMEOUT seconds (150) past the end of the outage.

Prints the figures, writes bench-results/loadtest.json, and exits 1 when a target is
missed: submissions created (200), duplicates (0), 500s (0), confirmations delivered
(200, each once). LOADTEST_APPLICANTS changes the 200; LOADTEST_KEEP=1 keeps the
scratch directory with the servers' logs (it is also kept when a target is missed).
"""

import json
import os
import platform
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.load import stack
from tests.load.browser import PUBLIC_HOST, Browser, find_form

BASE_DIR = stack.BASE_DIR
RESULTS = BASE_DIR / "bench-results" / "loadtest.json"

APPLICANTS = int(os.environ.get("LOADTEST_APPLICANTS", "200"))
DEADLINE_IN = float(os.environ.get("LOADTEST_DEADLINE_IN", "90"))
OUTAGE_SECONDS = float(os.environ.get("LOADTEST_OUTAGE_SECONDS", "60"))
DRAIN_TIMEOUT = float(os.environ.get("LOADTEST_DRAIN_TIMEOUT", "150"))
APP_SERVERS = 2
WORKERS_PER_SERVER = int(os.environ.get("LOADTEST_WORKERS", "3"))
LAST_MINUTE = 60.0
# Nobody clicks in the very last seconds here: a request queued behind others would
# reach the server after the deadline and be refused, rightly, as late.
LAST_CLICK_BEFORE_DEADLINE = 5.0
DOUBLE_CLICK_GAP = (0.0, 0.25)
PASSWORD = "deadline-day-2025"
SUMMARY = (
    "We will share what happened when we put access to information requests at the heart "
    "of an anti-corruption project: what changed, what did not, and what we would do again."
)
FIELD_VALUES = {
    "number": "2",
    "date": "2025-06-10",
    "datetime-local": "2025-06-10T10:00",
    "url": "https://example.org/project",
    "tel": "+44 20 0000 0000",
}


def applicant_email(index):
    return f"applicant{index:03d}@loadtest.example.org"


@dataclass
class Plan:
    call_path: str
    ports: list
    deadline: float
    burst_starts: float
    outage: tuple
    sign_in_at: list
    submit_at: list
    click_gap: list


@dataclass
class Tally:
    """What the applicants saw, counted across threads."""

    statuses: Counter = field(default_factory=Counter)  # (step, status) -> count
    latencies: dict = field(default_factory=dict)  # step -> [seconds]
    errors: list = field(default_factory=list)
    signed_in: int = 0
    shown_submission: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, step, response):
        with self.lock:
            self.statuses[(step, response.status)] += 1
            self.latencies.setdefault(step, []).append(response.elapsed)

    def fail(self, index, message):
        with self.lock:
            self.errors.append(f"{applicant_email(index)}: {message}")

    def count(self, attribute):
        with self.lock:
            setattr(self, attribute, getattr(self, attribute) + 1)


def scratch_environment(workdir, *, database_url, cache_url):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "CACHE_URL", "AWS_", "ANYMAIL_", "STRIPE_", "DEBUG"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.load.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "ALLOWED_HOSTS": PUBLIC_HOST,
            "BASE_URL": f"https://{PUBLIC_HOST}",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "TASKS_BACKEND": "database",
            "LOG_LEVEL": "WARNING",
            "LOADTEST_OUTBOX": str(workdir / "outbox.jsonl"),
            "LOADTEST_OUTAGE_FILE": str(workdir / "outage.json"),
        }
    )
    return environment


# --- Setup through the ORM (this process, same settings as the servers) -----------


def create_applicants(count):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    # One real (slow, salted) hash shared by every account: each sign-in still pays
    # the full PBKDF2 cost, setup does not pay it 200 times.
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(
            username=applicant_email(index),
            email=applicant_email(index),
            first_name="Applicant",
            last_name=f"{index:03d}",
            password=password,
        )
        for index in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )


def publish_call(home, *, closes_at):
    from django.utils import timezone

    from proposals.factories import CallPageFactory, CallQuestionFactory

    call = CallPageFactory(
        parent=home,
        slug="deadline-day",
        title="TICTeC 2025: call for session proposals",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=closes_at,
        decisions_by=closes_at + timedelta(days=30),
        allow_multiple_submissions=True,
    )
    CallQuestionFactory(page=call, label="Summary", field_type="multiline")
    CallQuestionFactory(
        page=call,
        label="Theme",
        field_type="radio",
        choices="Access to information and open data\nDemocracy, people and politics\nClimate change",
    )
    call.save_revision().publish()
    call.refresh_from_db()
    return call


# --- The applicants -----------------------------------------------------------------


def sleep_until(moment):
    delay = moment - time.time()
    if delay > 0:
        time.sleep(delay)


def fill_in(form, index):
    """What the applicant types: every visible field answered, hidden ones kept."""
    data, answered = [], set()
    for name, kind, value, _attrs in form.fields:
        if kind in ("button", "submit", "file", "reset", "image"):
            continue
        if kind == "hidden" or kind == "select":
            data.append((name, value))
        elif kind == "radio":
            if name not in answered:
                data.append((name, value))
                answered.add(name)
        elif kind == "checkbox":
            data.append((name, value or "on"))
        elif kind == "textarea":
            data.append((name, SUMMARY))
        elif kind == "email":
            data.append((name, applicant_email(index)))
        elif kind in FIELD_VALUES:
            data.append((name, FIELD_VALUES[kind]))
        elif name == "title":
            data.append((name, f"Deadline day proposal {index:03d}"))
        else:
            data.append((name, f"Answer from applicant {index:03d}"))
    data.append(("action", "submit"))
    return data


def sign_in(browser, *, index, call_path, tally):
    login_path = f"/accounts/login/?next={call_path}"
    page = browser.request("GET", login_path)
    tally.record("sign-in page", page)
    form = find_form(page.body, having="login")
    if page.status != 200 or form is None:
        raise RuntimeError(f"sign-in page answered {page.status} without the form")
    data = [(name, value) for name, kind, value, _attrs in form.fields if kind == "hidden"]
    data += [("login", applicant_email(index)), ("password", PASSWORD)]
    signed = browser.request("POST", login_path, data=data, referer=login_path)
    tally.record("sign in", signed)
    if signed.status != 302 or signed.location != call_path:
        raise RuntimeError(f"sign-in answered {signed.status} (to {signed.location!r})")
    tally.count("signed_in")


def open_form(browser, *, index, call_path, tally):
    page = browser.request("GET", call_path)
    tally.record("call form", page)
    form = find_form(page.body, having="idempotency_key")
    if page.status != 200 or form is None:
        raise RuntimeError(f"the call page answered {page.status} without the apply form")
    return form.action.split("#")[0] or call_path, fill_in(form, index)


def click_submit_twice(browser, *, index, action, data, plan, tally):
    """Two POSTs of the same form, the second a moment later, each to another server."""
    responses = [None, None]
    first_port = plan.ports[index % len(plan.ports)]
    second_port = plan.ports[(index + 1) % len(plan.ports)]

    def click(which, port, delay):
        time.sleep(delay)
        try:
            responses[which] = browser.request(
                "POST", action, data=data, referer=plan.call_path, port=port
            )
        except OSError as error:
            responses[which] = error

    threads = [
        threading.Thread(target=click, args=(0, first_port, 0.0)),
        threading.Thread(target=click, args=(1, second_port, plan.click_gap[index])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for which, response in enumerate(responses):
        if isinstance(response, Exception):
            raise RuntimeError(f"click {which + 1}: {response!r}")
        tally.record(f"submit click {which + 1}", response)
    return responses


def applicant(index, plan, tally):
    browser = Browser(index=index, ports=plan.ports)
    try:
        sleep_until(plan.sign_in_at[index])
        sign_in(browser, index=index, call_path=plan.call_path, tally=tally)
        action, data = open_form(browser, index=index, call_path=plan.call_path, tally=tally)
        sleep_until(plan.submit_at[index])
        _first, last = click_submit_twice(
            browser, index=index, action=action, data=data, plan=plan, tally=tally
        )
        if last.status != 302:
            raise RuntimeError(f"the second click answered {last.status}")
        shown = browser.request("GET", last.location)
        tally.record("after submit", shown)
        if shown.status == 200 and f"Deadline day proposal {index:03d}" in shown.body:
            tally.count("shown_submission")
        else:
            raise RuntimeError(f"after submitting, {last.location} answered {shown.status}")
    except (OSError, RuntimeError) as error:
        tally.fail(index, str(error))


def warm_up(port):
    """Every worker of a server has loaded the site and answered (gunicorn's master
    listens before its workers have imported Django): servers run long before a deadline."""
    browser = Browser(index=0, ports=[port])
    give_up = time.time() + 120
    while True:
        try:
            if browser.request("GET", "/accounts/login/").status == 200:
                break
        except OSError:
            pass
        if time.time() > give_up:
            raise SystemExit(f"the app server on port {port} did not answer within 120s")
        time.sleep(0.5)

    def visit():
        try:
            browser.request("GET", "/accounts/login/")
        except OSError:
            pass

    threads = [threading.Thread(target=visit) for _ in range(WORKERS_PER_SERVER * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def make_plan(*, call_path, ports, started):
    rng = random.Random(2025)  # noqa: S311 (a repeatable schedule, not a secret)
    deadline = started + DEADLINE_IN
    burst_starts = deadline - LAST_MINUTE
    sign_in_spread = max(0.0, burst_starts - started - 5)
    return Plan(
        call_path=call_path,
        ports=ports,
        deadline=deadline,
        burst_starts=burst_starts,
        outage=(burst_starts, burst_starts + OUTAGE_SECONDS),
        sign_in_at=[started + rng.uniform(0, sign_in_spread) for _ in range(APPLICANTS)],
        submit_at=[
            burst_starts + rng.uniform(0, LAST_MINUTE - LAST_CLICK_BEFORE_DEADLINE)
            for _ in range(APPLICANTS)
        ],
        click_gap=[rng.uniform(*DOUBLE_CLICK_GAP) for _ in range(APPLICANTS)],
    )


# --- Counting -----------------------------------------------------------------------


def read_outbox(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError:
        return []


def pending_email_tasks():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path__startswith="proposals.",
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).count()


def wait_for_drain(*, outbox, expected, plan, processes):
    """Poll until every applicant has one delivered confirmation and no email task waits."""
    give_up = max(time.time(), plan.outage[1]) + DRAIN_TIMEOUT
    while True:
        delivered = {tuple(line["to"]) for line in read_outbox(outbox) if line["delivered"]}
        pending = pending_email_tasks()
        if len(delivered) >= expected and pending == 0:
            return True
        if time.time() > give_up:
            return False
        if crashed := processes.crashed():
            print(f"  stopped early: {', '.join(crashed)} exited")
            return False
        time.sleep(0.5)


def database_figures(call):
    from django.db.models import Count, Sum

    from proposals.models import EmailLog, Submission

    submissions = Submission.objects.filter(call_id=call.pk)
    per_applicant = submissions.values("applicant_id").annotate(n=Count("id"))
    logs = EmailLog.objects.filter(submission__call_id=call.pk)
    return {
        "submissions": submissions.count(),
        "submitted": submissions.filter(status="submitted").count(),
        "applicants_with_one": sum(1 for row in per_applicant if row["n"] == 1),
        "duplicates": sum(row["n"] - 1 for row in per_applicant if row["n"] > 1),
        "email_logs": logs.count(),
        "email_logs_by_status": dict(Counter(logs.values_list("status", flat=True))),
        "send_attempts_logged": logs.aggregate(total=Sum("attempts"))["total"] or 0,
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, round(fraction * len(ordered)) - 1)] if ordered else 0.0


def print_table(headers, rows):
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, ["-" * width for width in widths], *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


# --- The run ------------------------------------------------------------------------


def run(workdir, stack_exit):
    server_url = stack_exit.enter_context(stack.postgres_server(workdir))
    database_url = stack_exit.enter_context(stack.scratch_database(server_url))
    cache_url = stack_exit.enter_context(stack.redis_server(workdir))
    environment = scratch_environment(workdir, database_url=database_url, cache_url=cache_url)
    os.environ.update(environment)
    sys.path.insert(0, str(BASE_DIR))
    os.chdir(BASE_DIR)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.utils import timezone

    from tests.perf.bench import build_site

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"  migrated a fresh PostgreSQL database in {time.monotonic() - started:.0f}s")
    call_command("collectstatic", interactive=False, verbosity=0)
    with transaction.atomic():
        home = build_site()
        create_applicants(APPLICANTS)
    print(f"  site, {APPLICANTS} verified applicant accounts and static files ready")
    connections.close_all()

    stack_exit.callback(connections.close_all)
    processes = stack.AppProcesses(environment=environment, workdir=workdir)
    stack_exit.callback(processes.stop_all)
    ports = [stack.free_port() for _ in range(APP_SERVERS)]
    for port in ports:
        processes.gunicorn(port=port, workers=WORKERS_PER_SERVER)
    processes.db_worker()
    warmed = time.monotonic()
    for port in ports:
        warm_up(port)
    print(
        f"  {APP_SERVERS} gunicorn servers ({WORKERS_PER_SERVER} sync workers each) on ports "
        f"{', '.join(map(str, ports))}, warm after {time.monotonic() - warmed:.0f}s; "
        f"one db_worker; Redis at {cache_url}"
    )

    now = time.time()
    with transaction.atomic():
        call = publish_call(home, closes_at=timezone.now() + timedelta(seconds=DEADLINE_IN))
    plan = make_plan(call_path=call.url, ports=ports, started=now)
    Path(environment["LOADTEST_OUTAGE_FILE"]).write_text(
        json.dumps({"down_from": plan.outage[0], "down_until": plan.outage[1]})
    )
    print(
        f"  {call.url} closes in {DEADLINE_IN:.0f}s; applicants sign in now, click Submit "
        f"twice in its last minute; the email provider is down for {OUTAGE_SECONDS:.0f}s "
        "from the start of that minute"
    )

    tally = Tally()
    threads = [
        threading.Thread(target=applicant, args=(index, plan, tally), daemon=True)
        for index in range(APPLICANTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, plan.deadline + 180 - time.time()))
    stuck = sum(thread.is_alive() for thread in threads)
    print(f"  deadline passed; {tally.signed_in} signed in, {len(tally.errors)} errors")

    drained = wait_for_drain(
        outbox=environment["LOADTEST_OUTBOX"],
        expected=APPLICANTS,
        plan=plan,
        processes=processes,
    )
    figures = database_figures(call)
    attempts = read_outbox(environment["LOADTEST_OUTBOX"])
    delivered = [line for line in attempts if line["delivered"]]
    confirmations = Counter(tuple(line["to"]) for line in delivered)
    last_delivery = max((line["at"] for line in delivered), default=None)
    drain_seconds = max(0.0, last_delivery - plan.outage[1]) if drained and last_delivery else None
    server_errors = sum(n for (_step, status), n in tally.statuses.items() if status >= 500)

    targets = [
        (
            "submissions created",
            APPLICANTS,
            figures["submitted"],
            figures["submitted"] == APPLICANTS,
        ),
        ("duplicate submissions", 0, figures["duplicates"], figures["duplicates"] == 0),
        ("HTTP 5xx responses", 0, server_errors, server_errors == 0),
        (
            "confirmations delivered after the outage",
            APPLICANTS,
            len(confirmations),
            len(confirmations) == APPLICANTS,
        ),
        (
            "confirmations delivered twice",
            0,
            sum(n - 1 for n in confirmations.values()),
            all(n == 1 for n in confirmations.values()),
        ),
        (
            "applicants shown their submission",
            APPLICANTS,
            tally.shown_submission,
            tally.shown_submission == APPLICANTS,
        ),
    ]
    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "stack": (
            f"PostgreSQL, Redis, {APP_SERVERS} gunicorn servers x {WORKERS_PER_SERVER} sync "
            "workers, 1 db_worker, settings tests.load.settings (production + flaky email)"
        ),
        "applicants": APPLICANTS,
        "deadline_in_seconds": DEADLINE_IN,
        "outage_seconds": OUTAGE_SECONDS,
        "targets": [
            {"figure": name, "target": target, "measured": measured, "met": met}
            for name, target, measured, met in targets
        ],
        "time_to_drain_seconds": None if drain_seconds is None else round(drain_seconds, 1),
        "refused_sends_during_outage": sum(1 for line in attempts if not line["delivered"]),
        "database": figures,
        "statuses": {f"{step} {status}": n for (step, status), n in sorted(tally.statuses.items())},
        "latency_seconds": {
            step: {
                "median": round(statistics.median(values), 3),
                "p95": round(percentile(values, 0.95), 3),
                "max": round(max(values), 3),
            }
            for step, values in tally.latencies.items()
        },
        "errors": tally.errors[:20],
        "stuck_applicants": stuck,
    }
    return report


def print_report(report):
    print()
    print_table(
        ["figure", "target", "measured", ""],
        [
            [row["figure"], row["target"], row["measured"], "ok" if row["met"] else "MISSED"]
            for row in report["targets"]
        ]
        + [
            [
                "time to drain the email queue",
                f"< {DRAIN_TIMEOUT:.0f}s",
                "not drained"
                if report["time_to_drain_seconds"] is None
                else f"{report['time_to_drain_seconds']}s after the provider recovered",
                "ok" if report["time_to_drain_seconds"] is not None else "MISSED",
            ],
            ["sends refused during the outage", "", report["refused_sends_during_outage"], ""],
        ],
    )
    print()
    print_table(
        ["request", "responses", "median s", "p95 s", "max s"],
        [
            [
                step,
                ", ".join(
                    f"{n}x{status}"
                    for (name, status), n in sorted(report_statuses(report).items())
                    if name == step
                ),
                f"{values['median']:.2f}",
                f"{values['p95']:.2f}",
                f"{values['max']:.2f}",
            ]
            for step, values in report["latency_seconds"].items()
        ],
    )
    print()
    print(f"Email log: {report['database']['email_logs_by_status']}")
    for error in report["errors"]:
        print(f"  error: {error}")


def report_statuses(report):
    statuses = Counter()
    for key, n in report["statuses"].items():
        step, status = key.rsplit(" ", 1)
        statuses[(step, int(status))] += n
    return statuses


def main():
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="civictech-loadtest-"))
    if os.geteuid() == 0:
        workdir.chmod(0o755)  # the postgres user writes its log here
    print(f"Load test: {APPLICANTS} applicants, the last minute before a deadline")
    print(f"  scratch directory {workdir}")
    report = None
    try:
        with ExitStack() as stack_exit:
            report = run(workdir, stack_exit)
    finally:
        passed = report is not None and all(row["met"] for row in report["targets"])
        passed = passed and report["time_to_drain_seconds"] is not None
        if passed and not os.environ.get("LOADTEST_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"Servers' logs kept in {workdir}")
    print_report(report)
    report["wall_seconds"] = round(time.monotonic() - started)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    met = sum(row["met"] for row in report["targets"]) + (
        report["time_to_drain_seconds"] is not None
    )
    total = len(report["targets"]) + 1
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} in {report['wall_seconds']}s")
    print(f"loadtest: {met} passed, {total - met} failed")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
