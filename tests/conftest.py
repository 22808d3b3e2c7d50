"""One embedded Postgres per test run; a fresh database per test, cloned from a template.

The server is hosted Supabase's model: superuser `supabase_admin` installs the platform shim, tests and
tools connect as the non-superuser `postgres`. `POLARIS_TEST_DATABASE_URL=<supabase_admin's URL>` runs the
suite on a server you choose instead (e.g. a supabase/postgres container); `postgres` is the same URL with
the user swapped (on that image both have POSTGRES_PASSWORD). Per-test databases are created there and
dropped after.

Fixtures:
  cluster      the test run's server (embedded: fsync off, under the run's directory, a free loopback port)
  cluster_dir  cluster_dir(name) -> a fresh directory for a cluster (or POLARIS_STATE_DIR) a test starts itself
               (fresh_cluster_dir: the same for a module-scoped one)
  schema_url   URL of a fresh database with shim + all migrations + seeds
  empty_url    URL of a fresh database with only the Supabase shim
  bare_url     URL of a fresh, completely empty database
  connect      connect(url, **kw) -> psycopg.Connection, closed at teardown

Temporary files, test clusters included, go to RAM (/dev/shm when it has 4 GiB free; POLARIS_TEST_TMPDIR
chooses another place): on ext4, creating a database's ~700 files right after dropping others is slow in
the kernel (inode allocation skips recently deleted inodes: 0.4 s per cloned database against 0.04 s).

Every cluster a test run starts lives under one directory per test port, where the next run finds and stops
what a killed run left; a run that ends with a Postgres still running fails (tests/run_dirs.py). Files go to
the workers longest first (tests/run_order.py).

Under pytest-xdist (`-n 4 --dist loadfile`: pyproject's addopts, so plain `pytest` and `nox -s tests` alike;
`-n 0` runs serially) each worker has its own cluster and ports (POLARIS_TEST_PORT + 100 per worker; tests
derive every port they open from it). A chosen server runs the suite serially (the workers are dropped, said
in the header): tests name some of their databases, and workers sharing one server would collide.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import psycopg
import pytest

from polaris_db import shim
from polaris_db.cluster import FAST_UNSAFE, Cluster, RunningServer, free_port_from
from polaris_db.database import drop_database, scratch_database
from polaris_db.migrations.reset import build
import shared_imports
from run_dirs import (_fresh_dir, cluster_dir, fresh_cluster_dir, suite_port,  # noqa: F401 (fixtures and hooks)
                      pytest_sessionfinish, pytest_testnodedown)
from run_order import (pytest_collection_modifyitems, pytest_configure_node,  # noqa: F401 (hooks: the run's order)
                       pytest_runtest_logreport)


def _fast_tmpdir() -> str | None:
    chosen = os.environ.get("POLARIS_TEST_TMPDIR")
    if chosen:
        return chosen
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 4 * 2**30:
        return str(shm)
    return None


# The run starts ~200 Python processes (workers, `inv` calls, benches, child pytest runs). Where
# PYTHONDONTWRITEBYTECODE is set (CI images do) on a fresh venv (uv writes no .pyc), each of them compiled every
# module it imports again: ~0.15 CPU-s a process. The run writes .pyc files (git-ignored __pycache__) as Python does
# by default, so each module is compiled once.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    sys.dont_write_bytecode = False

FAST_TMPDIR = _fast_tmpdir()
if FAST_TMPDIR:  # at import: before pytest picks its basetemp (xdist workers inherit the environment)
    os.environ["TMPDIR"] = FAST_TMPDIR
    tempfile.tempdir = None

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1"... under pytest-xdist, "" otherwise
if WORKER:  # every port a test opens is derived from POLARIS_TEST_PORT (read at call time)
    os.environ["POLARIS_TEST_PORT"] = str(suite_port(100 * int(WORKER.removeprefix("gw"))))

_names = itertools.count(1)
EXTERNAL_URL = os.environ.get("POLARIS_TEST_DATABASE_URL")


def _check_external(server: RunningServer) -> None:
    with psycopg.connect(server.admin_url(), autocommit=True, connect_timeout=10) as conn:
        if not conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()[0]:
            raise pytest.UsageError("POLARIS_TEST_DATABASE_URL must be the server's superuser (supabase_admin)")
        shim.install_roles(conn)  # a plain server gets the platform roles; the image has them
    with psycopg.connect(server.url(), autocommit=True, connect_timeout=10) as conn:
        if conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()[0]:
            raise pytest.UsageError("POLARIS_TEST_DATABASE_URL: its postgres is a superuser; "
                                    "the suite needs the hosted model (supabase/postgres image)")


_serial_note = pytest.StashKey[bool]()
SERIAL_NOTE = "POLARIS_TEST_DATABASE_URL: serial run (tests name databases on the one server; -n dropped)"


def _compile_shared_imports(config) -> None:
    """A fresh virtualenv's bytecode, written once before the workers start (why: tests/shared_imports.py)."""
    if WORKER or not getattr(config.option, "numprocesses", None) or sys.dont_write_bytecode:
        return
    if shared_imports.compiled():
        return
    subprocess.run([sys.executable, shared_imports.__file__], cwd=Path(__file__).parent.parent,
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=300)  # a failure: workers compile, as before


def pytest_configure(config):
    _compile_shared_imports(config)
    if EXTERNAL_URL and WORKER:
        raise pytest.UsageError("POLARIS_TEST_DATABASE_URL runs the suite serially (its tests name databases "
                                "on the one server): pass -n 0")
    if EXTERNAL_URL and config.getoption("numprocesses", None):
        # pyproject's addopts ask for workers; before xdist's own pytest_configure (trylast) sees them.
        config.option.numprocesses, config.option.dist, config.option.tx = 0, "no", []
        config.stash[_serial_note] = True


def pytest_report_header(config):
    return [SERIAL_NOTE] if config.stash.get(_serial_note, False) else []


@pytest.fixture(scope="session")
def cluster():
    if EXTERNAL_URL:
        server = RunningServer(EXTERNAL_URL)
        _check_external(server)
        _drop_test_databases(server)  # left by an interrupted run
        yield server
        _drop_test_databases(server)
        return
    # Not under pytest's basetemp: pytest runs started meanwhile (other checkouts as the same user)
    # prune older basetemps, data directory included.
    server = Cluster(root=_fresh_dir("suite"), port=free_port_from(suite_port()),
                     settings={**FAST_UNSAFE, "max_connections": "200"})
    try:
        server.start()
        yield server
    finally:
        server.destroy()


def _drop_test_databases(server) -> None:
    with _admin(server) as conn:
        for (name,) in conn.execute("select datname from pg_database where datname ~ '^(tpl_|t[0-9]{4}$)'").fetchall():
            drop_database(conn, name)


def _admin(cluster) -> psycopg.Connection:
    return psycopg.connect(cluster.url("postgres"), autocommit=True)


@pytest.fixture(scope="session")
def empty_template(cluster) -> str:
    with scratch_database(cluster.url("postgres"), "tpl_empty", shim=True):
        yield "tpl_empty"


@pytest.fixture(scope="session")
def schema_template(cluster) -> str:
    with scratch_database(cluster.url("postgres"), "tpl_schema") as url:
        with psycopg.connect(url, autocommit=True) as conn:
            build(conn)
        yield "tpl_schema"


def _fresh(cluster, template: str | None):
    with scratch_database(cluster.url("postgres"), f"t{next(_names):04d}", template=template,
                          strategy="file_copy" if template else None) as url:
        yield url


@pytest.fixture
def schema_url(cluster, schema_template):
    yield from _fresh(cluster, schema_template)


@pytest.fixture
def empty_url(cluster, empty_template):
    yield from _fresh(cluster, empty_template)


@pytest.fixture
def bare_url(cluster):
    yield from _fresh(cluster, None)


@pytest.fixture
def connect():
    opened: list[psycopg.Connection] = []

    def _connect(url: str, **kwargs) -> psycopg.Connection:
        kwargs.setdefault("autocommit", True)
        conn = psycopg.connect(url, **kwargs)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()


@pytest.fixture
def run_task():
    """run(task, *args, **flags) -> (exit code, error line): a task's body in this process (tests/run_task.py)."""
    from run_task import call

    return call


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server in this process, one per worker, shared by tests/backups, tests/storage (the backup
    store) and tests/rehearse: each test makes a bucket of its own, nothing resets it."""
    import moto.backends
    from moto.server import ThreadedMotoServer

    # moto looks each request's Host up in a fresh listing of its ~180 service packages (listdir + isdir each),
    # twice per request: a third of its CPU for an S3 call. The listing never changes while the server runs.
    scan = moto.backends.list_of_moto_modules
    listed = tuple(scan())
    moto.backends.list_of_moto_modules = lambda: listed
    port = free_port_from(suite_port(80))
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    starting = threading.Thread(target=server.start, daemon=True)  # start() waits forever if its server thread
    starting.start()                                                # died (the port taken since it was found free)
    starting.join(timeout=30)
    if starting.is_alive():
        raise RuntimeError(f"moto server on 127.0.0.1:{port} did not start")
    yield f"http://127.0.0.1:{port}"
    server.stop()
    moto.backends.list_of_moto_modules = scan


@pytest.fixture
def s3_env(s3_endpoint, monkeypatch):
    for key, value in {"AWS_ENDPOINT_URL_S3": s3_endpoint, "AWS_ACCESS_KEY_ID": "polaris-test",
                       "AWS_SECRET_ACCESS_KEY": "polaris-test-secret", "AWS_REGION": "us-east-1"}.items():
        monkeypatch.setenv(key, value)
    for key in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key, raising=False)
