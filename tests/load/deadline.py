"""`make loadtest`: 200 applicants in the last minute before a deadline, on the real stack.

1. PostgreSQL and Redis (stack.py): the servers at DATABASE_URL / CACHE_URL when set,
   else Debian's postgresql and redis-server started here on throwaway ports; a fresh
   database either way, dropped at the end.
2. The production settings (tests/load/settings.py: DEBUG off, secure cookies, the
   database task queue) with email going to a flaky provider (flaky_backend.py).
3. Setup through the ORM: migrate, collect static files, a site, 200 applicant
   accounts with verified email addresses, and an open call that accepts several
   proposals per person (so only the form's idempotency key tells a double click from
   a second proposal).
4. Two gunicorn app servers (sync workers) on two ports and one ``manage.py db_worker``,
   warmed up.
5. Before the last minute: each applicant (its own thread and loopback address,
   browser.py) signs in through allauth, opens the call's form and fills it in: they
   arrive over LOADTEST_SIGN_IN_SPREAD seconds (20), at most 12 at a time, so this
   takes as long as the servers need (a full password hash per sign-in).
6. The last minute: once every applicant has the form open, the call's deadline is set
   to one minute from then and the email provider goes down for
   LOADTEST_OUTAGE_SECONDS (60). Each applicant clicks Submit twice at a moment drawn
   in that minute (none in its last 5 s): two POSTs of the same form a fraction of a
   second apart, through the "load balancer" to each app server; then follows the
   redirect of the second click, as a browser shows the last response.
7. Every confirmation sent during the outage is refused; the queue must retry it. The
   test waits until every applicant has their confirmation, or gives up after
   LOADTEST_DRAIN_TIMEOUT seconds (420) past the end of the outage.

Prints the figures, writes bench-results/loadtest.json, and exits 1 when a target is
missed: submissions created (200), duplicates (0), 5xx responses (0), confirmations
delivered (200, each once), every applicant shown their submission, the queue
drained. LOADTEST_APPLICANTS changes the 200; LOADTEST_KEEP=1 keeps the scratch
directory with the servers' logs (kept anyway when a target is missed, with the pages
of the first failures in failures/).
"""

import json
import os
import platform
import random
import re
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
SIGN_IN_SPREAD = float(os.environ.get("LOADTEST_SIGN_IN_SPREAD", "20"))
OUTAGE_SECONDS = float(os.environ.get("LOADTEST_OUTAGE_SECONDS", "60"))
# The site retries a refused email after a wait (home/mail/sending.py): long enough for it.
DRAIN_TIMEOUT = float(os.environ.get("LOADTEST_DRAIN_TIMEOUT", "420"))
READY_TIMEOUT = 600.0
APP_SERVERS = 2
WORKERS_PER_SERVER = int(os.environ.get("LOADTEST_WORKERS", "3"))
# Signing in costs a full PBKDF2 hash; people arrive over the hour before a deadline,
# not all in one second, so at most this many sign in at a time.
SIGN_IN_AT_ONCE = 2 * APP_SERVERS * WORKERS_PER_SERVER
LAST_MINUTE = 60.0
# Nobody clicks in the very last seconds here: a request queued behind others would
# reach the server after the deadline and be refused, rightly, as late.
LAST_CLICK_BEFORE_DEADLINE = 5.0
DOUBLE_CLICK_GAP = (0.0, 0.25)
FAILURE_PAGES_KEPT = 5
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


def proposal_title(index):
    return f"Deadline day proposal {index:03d}"


class Failure(Exception):
    """An applicant could not go on: what they were doing and what the site answered."""

    def __init__(self, step, message, response=None):
        super().__init__(f"{step}: {message}")
        self.step = step
        self.response = response


@dataclass
class Plan:
    call_path: str
    ports: list
    sign_in_at: list
    submit_offset: list
    click_gap: list
    last_minute: threading.Event = field(default_factory=threading.Event)
    signing_in: threading.Semaphore = field(
        default_factory=lambda: threading.Semaphore(SIGN_IN_AT_ONCE)
    )
    burst_starts: float = 0.0
    deadline: float = 0.0
    outage: tuple = (0.0, 0.0)


@dataclass
class Tally:
    """What the applicants saw, counted across threads."""

    failures_dir: Path
    statuses: Counter = field(default_factory=Counter)  # (step, status) -> count
    latencies: dict = field(default_factory=dict)  # step -> [seconds]
    errors: Counter = field(default_factory=Counter)  # message with numbers hidden -> count
    ready: int = 0
    signed_in: int = 0
    shown_submission: int = 0
    same_submission: int = 0
    kept_pages: Counter = field(default_factory=Counter)
    lock: threading.Condition = field(default_factory=threading.Condition)

    def record(self, step, response):
        with self.lock:
            self.statuses[(step, response.status)] += 1
            self.latencies.setdefault(step, []).append(response.elapsed)

    def fail(self, index, failure):
        message = re.sub(r"\d{3,}", "N", str(failure)) if failure.response is None else None
        message = message or f"{failure.step}: answered {failure.response.status}"
        with self.lock:
            self.errors[message] += 1
            keep = failure.response is not None and self.kept_pages[message] < FAILURE_PAGES_KEPT
            self.kept_pages[message] += keep
        if keep:
            self.failures_dir.mkdir(exist_ok=True)
            name = re.sub(r"\W+", "-", failure.step)
            page = self.failures_dir / f"{name}-{failure.response.status}-{index:03d}.html"
            page.write_text(failure.response.body, encoding="utf-8")

    def count(self, attribute):
        with self.lock:
            setattr(self, attribute, getattr(self, attribute) + 1)
            self.lock.notify_all()

    def wait_until_ready(self, expected, timeout):
        with self.lock:
            return self.lock.wait_for(lambda: self.ready >= expected, timeout=timeout)


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
            # browser.py plays the load balancer: it appends the client's address.
            "TRUSTED_PROXY_COUNT": "1",
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


def publish_call(home):
    """An open call; its deadline is set when the last minute starts (set_deadline)."""
    from django.utils import timezone

    from proposals.factories import CallPageFactory, CallQuestionFactory

    call = CallPageFactory(
        parent=home,
        slug="deadline-day",
        title="TICTeC 2025: call for session proposals",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() + timedelta(days=1),
        decisions_by=timezone.now() + timedelta(days=30),
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


def set_deadline(call, *, closes_at):
    """The call closes at ``closes_at`` (epoch seconds), for every app server at once."""
    type(call).objects.filter(pk=call.pk).update(closes_at=datetime.fromtimestamp(closes_at, UTC))


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
            data.append((name, proposal_title(index)))
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
        raise Failure("sign-in page", "no sign-in form", page)
    data = [(name, value) for name, kind, value, _attrs in form.fields if kind == "hidden"]
    data += [("login", applicant_email(index)), ("password", PASSWORD)]
    signed = browser.request("POST", login_path, data=data, referer=login_path)
    tally.record("sign in", signed)
    if signed.status != 302 or signed.location != call_path:
        raise Failure("sign in", f"not sent on to the call ({signed.location!r})", signed)
    tally.count("signed_in")


def open_form(browser, *, index, call_path, tally):
    page = browser.request("GET", call_path)
    tally.record("call form", page)
    form = find_form(page.body, having="idempotency_key")
    if page.status != 200 or form is None:
        raise Failure("call form", "no apply form", page)
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
            raise Failure(f"submit click {which + 1}", f"{type(response).__name__}: {response}")
        tally.record(f"submit click {which + 1}", response)
        if response.status >= 500:
            tally.fail(index, Failure(f"submit click {which + 1}", "server error", response))
    return responses


def applicant(index, plan, tally):
    browser = Browser(index=index, ports=plan.ports)
    try:
        try:
            sleep_until(plan.sign_in_at[index])
            with plan.signing_in:
                sign_in(browser, index=index, call_path=plan.call_path, tally=tally)
                action, data = open_form(
                    browser, index=index, call_path=plan.call_path, tally=tally
                )
        finally:
            tally.count("ready")
        plan.last_minute.wait()
        sleep_until(plan.burst_starts + plan.submit_offset[index])
        first, last = click_submit_twice(
            browser, index=index, action=action, data=data, plan=plan, tally=tally
        )
        if last.status != 302:
            raise Failure("submit click 2", "not sent on to the submission", last)
        if first.status == 302 and first.location == last.location:
            tally.count("same_submission")
        shown = browser.request("GET", last.location)
        tally.record("after submit", shown)
        if shown.status != 200 or proposal_title(index) not in shown.body:
            raise Failure("after submit", "the submission is not shown", shown)
        tally.count("shown_submission")
    except Failure as failure:
        tally.fail(index, failure)
    except OSError as error:
        tally.fail(index, Failure("request", f"{type(error).__name__}: {error}"))


def warm_up(port):
    """Every worker of a server has loaded the site and answered (gunicorn's master
    listens before its workers have imported Django): servers run long before a deadline."""
    browser = Browser(index=0, ports=[port])
    give_up = time.time() + 180
    while True:
        try:
            if browser.request("GET", "/accounts/login/").status == 200:
                break
        except OSError:
            pass
        if time.time() > give_up:
            raise SystemExit(f"the app server on port {port} did not answer within 180s")
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
    rng = random.Random(2025)  # a repeatable schedule, not a secret
    return Plan(
        call_path=call_path,
        ports=ports,
        sign_in_at=[started + rng.uniform(0, SIGN_IN_SPREAD) for _ in range(APPLICANTS)],
        submit_offset=[
            rng.uniform(0, LAST_MINUTE - LAST_CLICK_BEFORE_DEADLINE) for _ in range(APPLICANTS)
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

    # Sends only: a scheduled "retry what failed" run that will find nothing left is
    # not work waiting.
    return DBTaskResult.objects.filter(
        task_path__endswith=".send_logged_email",
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

    from home.models import EmailLog
    from proposals.models import Submission

    submissions = Submission.objects.filter(call_id=call.pk)
    per_applicant = submissions.values("applicant_id").annotate(n=Count("id"))
    logs = EmailLog.objects.filter(submission__call_id=call.pk)
    return {
        "submissions": submissions.count(),
        "submitted": submissions.filter(status="submitted").count(),
        "submitted_before_deadline": submissions.filter(
            status="submitted", submitted_at__lte=call.closes_at
        ).count(),
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

    from tests.perf.bench import build_site

    phase = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"  migrated a fresh PostgreSQL database in {time.monotonic() - phase:.0f}s")
    call_command("collectstatic", interactive=False, verbosity=0)
    with transaction.atomic():
        call = publish_call(build_site())
        create_applicants(APPLICANTS)
    print(f"  site, open call, {APPLICANTS} verified applicant accounts and static files ready")
    stack_exit.callback(connections.close_all)
    connections.close_all()

    processes = stack.AppProcesses(environment=environment, workdir=workdir)
    stack_exit.callback(processes.stop_all)
    ports = [stack.free_port() for _ in range(APP_SERVERS)]
    phase = time.monotonic()
    for port in ports:
        processes.gunicorn(port=port, workers=WORKERS_PER_SERVER)
    processes.db_worker()
    for port in ports:
        warm_up(port)
    print(
        f"  {APP_SERVERS} gunicorn servers ({WORKERS_PER_SERVER} sync workers each) on ports "
        f"{', '.join(map(str, ports))}, warm after {time.monotonic() - phase:.0f}s; "
        f"one db_worker; Redis at {cache_url}"
    )

    tally = Tally(failures_dir=workdir / "failures")
    plan = make_plan(call_path=call.url, ports=ports, started=time.time())
    threads = [
        threading.Thread(target=applicant, args=(index, plan, tally), daemon=True)
        for index in range(APPLICANTS)
    ]
    phase = time.monotonic()
    for thread in threads:
        thread.start()
    tally.wait_until_ready(APPLICANTS, timeout=READY_TIMEOUT)
    sign_in_seconds = time.monotonic() - phase
    print(
        f"  {tally.signed_in} applicants signed in and opened {call.url} in {sign_in_seconds:.0f}s"
    )

    plan.burst_starts = time.time()
    plan.deadline = plan.burst_starts + LAST_MINUTE
    plan.outage = (plan.burst_starts, plan.burst_starts + OUTAGE_SECONDS)
    Path(environment["LOADTEST_OUTAGE_FILE"]).write_text(
        json.dumps({"down_from": plan.outage[0], "down_until": plan.outage[1]})
    )
    set_deadline(call, closes_at=plan.deadline)
    plan.last_minute.set()
    print(
        f"  the call closes in {LAST_MINUTE:.0f}s; every applicant clicks Submit twice before "
        f"then; the email provider is down for the next {OUTAGE_SECONDS:.0f}s"
    )
    for thread in threads:
        thread.join(timeout=max(1.0, plan.deadline + 180 - time.time()))
    stuck = sum(thread.is_alive() for thread in threads)
    print("  deadline passed; waiting for the email queue to drain")

    drained = wait_for_drain(
        outbox=environment["LOADTEST_OUTBOX"],
        expected=APPLICANTS,
        plan=plan,
        processes=processes,
    )
    call.refresh_from_db()
    figures = database_figures(call)
    attempts = read_outbox(environment["LOADTEST_OUTBOX"])
    delivered = [line for line in attempts if line["delivered"]]
    confirmations = Counter(tuple(line["to"]) for line in delivered)
    last_delivery = max((line["at"] for line in delivered), default=None)
    first_after_outage = min(
        (line["at"] for line in delivered if line["at"] >= plan.outage[1]), default=None
    )
    drain_seconds = max(0.0, last_delivery - plan.outage[1]) if drained else None
    server_errors = sum(n for (_step, status), n in tally.statuses.items() if status >= 500)

    def target(name, wanted, measured):
        return {"figure": name, "target": wanted, "measured": measured, "met": measured == wanted}

    targets = [
        target("submissions created", APPLICANTS, figures["submitted"]),
        target("duplicate submissions", 0, figures["duplicates"]),
        target("HTTP 5xx responses", 0, server_errors),
        target("confirmations delivered after the outage", APPLICANTS, len(confirmations)),
        target("confirmations delivered twice", 0, sum(n - 1 for n in confirmations.values())),
        target("double clicks sent to one submission", APPLICANTS, tally.same_submission),
        target("applicants shown their submission", APPLICANTS, tally.shown_submission),
        {
            "figure": "time to drain the email queue",
            "target": f"< {DRAIN_TIMEOUT:.0f}s after the outage",
            "measured": "not drained" if drain_seconds is None else f"{drain_seconds:.1f}s",
            "met": drain_seconds is not None,
        },
    ]
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "stack": (
            f"PostgreSQL, Redis, {APP_SERVERS} gunicorn servers x {WORKERS_PER_SERVER} sync "
            "workers, 1 db_worker, settings tests.load.settings (production + flaky email)"
        ),
        "applicants": APPLICANTS,
        "outage_seconds": OUTAGE_SECONDS,
        "targets": targets,
        "time_to_drain_seconds": None if drain_seconds is None else round(drain_seconds, 1),
        "sign_in_seconds": round(sign_in_seconds, 1),
        "refused_sends_during_outage": sum(1 for line in attempts if not line["delivered"]),
        "first_delivery_after_outage_seconds": None
        if first_after_outage is None
        else round(first_after_outage - plan.outage[1], 1),
        "last_delivery_after_outage_seconds": None
        if last_delivery is None
        else round(last_delivery - plan.outage[1], 1),
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
        "errors": dict(tally.errors.most_common()),
        "stuck_applicants": stuck,
    }


def print_report(report):
    print()
    print_table(
        ["figure", "target", "measured", ""],
        [
            [row["figure"], row["target"], row["measured"], "ok" if row["met"] else "MISSED"]
            for row in report["targets"]
        ]
        + [
            ["sends refused during the outage", "", report["refused_sends_during_outage"], ""],
            [
                "first confirmation after the outage",
                "",
                f"{report['first_delivery_after_outage_seconds']}s",
                "",
            ],
        ],
    )
    print()
    statuses = Counter()
    for key, n in report["statuses"].items():
        step, status = key.rsplit(" ", 1)
        statuses[step, status] += n
    print_table(
        ["request", "responses", "median s", "p95 s", "max s"],
        [
            [
                step,
                ", ".join(
                    f"{n} x {status}"
                    for (name, status), n in sorted(statuses.items())
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
    for message, n in report["errors"].items():
        print(f"  {n} x {message}")


def main():
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="civictech-loadtest-"))
    if os.geteuid() == 0:
        workdir.chmod(0o755)  # the postgres user writes its log here
    print(f"Load test: {APPLICANTS} applicants, the last minute before a deadline")
    report = None
    try:
        with ExitStack() as stack_exit:
            report = run(workdir, stack_exit)
    finally:
        passed = report is not None and all(row["met"] for row in report["targets"])
        if passed and not os.environ.get("LOADTEST_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"Servers' logs (and failed pages) kept in {workdir}")
    print_report(report)
    report["wall_seconds"] = round(time.monotonic() - started)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    met = sum(row["met"] for row in report["targets"])
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} in {report['wall_seconds']}s")
    print(f"loadtest: {met} passed, {len(report['targets']) - met} failed")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
