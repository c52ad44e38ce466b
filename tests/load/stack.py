"""The servers the load test runs on, each started on a throwaway port and stopped after.

PostgreSQL: the server at ``DATABASE_URL`` when it is set (CI's), else Debian's
``postgresql`` started on a throwaway data directory; either way the test works in a
fresh database of its own, dropped at the end. Redis: ``CACHE_URL`` when set, else
Debian's ``redis-server`` on a throwaway port, with nothing saved to disk.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_port(port, *, process=None, name="server", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{name} exited with {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{name} did not start on port {port} within {timeout}s")


def stop(process, *, timeout=15):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _as_postgres(command):
    """initdb and the server refuse to run as root: run them as Debian's postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server(workdir):
    """Yields a postgres:// URL of a server: DATABASE_URL's, or one started here."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise SystemExit(
            "PostgreSQL is not installed: run `make loadtest-deps` (Debian's postgresql), "
            "or set DATABASE_URL to a server."
        )
    bindir = Path(candidates[-1]).parent
    pgdata = Path(tempfile.mkdtemp(prefix="civictech-loadtest-pg-"))
    if os.geteuid() == 0:
        shutil.chown(pgdata, user="postgres")
    port = free_port()
    log = workdir / "postgresql.log"
    log.touch()
    if os.geteuid() == 0:
        shutil.chown(log, user="postgres")
    try:
        subprocess.run(  # fixed arguments
            _as_postgres(
                [str(bindir / "initdb"), "-D", str(pgdata), "-A", "trust", "-U", "postgres"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-p {port} -k /tmp -c listen_addresses={HOST} -c fsync=off "
            "-c max_connections=100 -c shared_buffers=128MB"
        )
        subprocess.run(  # fixed arguments
            _as_postgres(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(pgdata),
                    "-l",
                    str(log),
                    "-w",
                    "-o",
                    options,
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield f"postgres://postgres@{HOST}:{port}/postgres"
    finally:
        subprocess.run(  # fixed arguments
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(pgdata), "-m", "fast", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(pgdata, ignore_errors=True)


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@contextmanager
def scratch_database(server_url):
    """A fresh database on the server, dropped afterwards (whatever else the server holds)."""
    import psycopg

    name = f"loadtest_{uuid.uuid4().hex[:10]}"
    maintenance = _with_database(server_url, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(server_url, name)
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_server(workdir):
    """Yields a redis:// URL: CACHE_URL's, or Debian's redis-server started here."""
    if os.environ.get("CACHE_URL"):
        yield os.environ["CACHE_URL"]
        return
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit(
            "redis-server is not installed: run `make loadtest-deps` (Debian's redis-server), "
            "or set CACHE_URL to a server."
        )
    port = free_port()
    process = subprocess.Popen(  # fixed arguments
        [
            binary,
            "--port",
            str(port),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--logfile",
            str(workdir / "redis.log"),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process=process, name="redis-server")
        yield f"redis://{HOST}:{port}/0"
    finally:
        stop(process)


class AppProcesses:
    """gunicorn app servers and the task worker, with their output in log files."""

    def __init__(self, *, environment, workdir):
        self.environment = environment
        self.workdir = workdir
        self.processes = []

    def _start(self, name, arguments):
        log = open(self.workdir / f"{name}.log", "wb")  # closed with the process
        process = subprocess.Popen(  # fixed arguments
            [sys.executable, *arguments],
            cwd=BASE_DIR,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append((name, process, log))
        return process

    def gunicorn(self, *, port, workers):
        name = f"gunicorn-{port}"
        process = self._start(
            name,
            [
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
        )
        wait_for_port(port, process=process, name=name)
        return process

    def db_worker(self):
        return self._start("db_worker", ["manage.py", "db_worker"])

    def crashed(self):
        return [name for name, process, _log in self.processes if process.poll() is not None]

    def stop_all(self):
        for _name, process, log in reversed(self.processes):
            stop(process)
            log.close()
        self.processes.clear()
