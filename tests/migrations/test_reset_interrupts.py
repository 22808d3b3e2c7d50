"""`inv db.reset` refuses bad files before it drops anything, and Ctrl-C (a real SIGINT) exits 130 leaving the
database as it was or marked incomplete, which `inv db.status` reports."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from polaris_db import MIGRATIONS_DIR, REPO_ROOT
from polaris_db.database import database_name
from polaris_db.errors import ConfigError
from polaris_db.migrations import reset as reset_module
from polaris_db.migrations.history import LOCK_KEY
from polaris_db.tasks.cluster import status
from run_task import task_run


def db_status(url, capsys) -> tuple[int, str]:
    """`inv db.status` on `url`, in-process (its CLI contract, exit 4 for an incomplete database included, is
    tests/migrations/test_reset.py's): (exit code, error line)."""
    result = task_run(status, capsys, {"DATABASE_URL": url})
    return result.returncode, result.stderr.strip()


# `inv ...` as invoke runs it, with the migrations folder (and for `embedded`, the target) swapped for a test's.
RUNNER = """
import os, sys
from pathlib import Path
from polaris_db.config import Target
from polaris_db.migrations import reset
from polaris_db.tasks import migrate
folder, mode, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
if folder != "-":
    reset.MIGRATIONS_DIR = Path(folder)
if mode == "embedded":  # the embedded cluster's path (drop and create the database) on the test's URL
    url = os.environ.pop("DATABASE_URL")
    reset.STATE_DIR = Path(os.environ["POLARIS_TEST_STATE"])
    migrate.resolve = lambda env: Target(env, None)
    reset.target_url = lambda target: url
from invoke.main import program
program.run(["inv", *argv])
"""


def start_reset(url, folder="-", mode="url", **extra):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    environment.update(DATABASE_URL=url, PYTHONUNBUFFERED="1", **extra)
    return subprocess.Popen([sys.executable, "-c", RUNNER, str(folder), mode, "db.reset", "--no-seed", "--no-cache"],
                            cwd=REPO_ROOT, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(process, timeout=120):
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"inv db.reset did not finish: {out}{err}")
    return process.returncode, out, err


def poll(check, process, what, timeout=120):
    """Until `check()` holds (not a fixed sleep); fails early if the reset ended first."""
    deadline = time.monotonic() + timeout
    while not check():
        if process.poll() is not None:
            raise AssertionError(f"the reset ended before {what}: {process.communicate()}")
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.05)


def active(observer, query_start):
    return observer.execute("select count(*) from pg_stat_activity where state = 'active' and query ilike %s",
                            (query_start + "%",)).fetchone()[0] > 0


@pytest.fixture
def kept(empty_url, connect):
    """A database holding something a reset would remove."""
    connect(empty_url).execute("create table public.keep_me (id int)")
    return empty_url


def still_there(connect, url) -> bool:
    return connect(url).execute("select to_regclass('public.keep_me')").fetchone()[0] is not None


def folder_with(tmp_path, name, text):
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations)
    (migrations / name).write_text(text)
    return migrations


def test_a_timestamp_named_file_is_refused_before_anything_is_dropped(kept, connect, tmp_path, capsys):
    """The issue: the reset dropped the database, then found the file (exit 2, nothing applied, database gone)."""
    migrations = folder_with(tmp_path, "20261130120000_add_streaks.sql", "create table public.streaks (id int);\n")
    code, out, err = finish(start_reset(kept, migrations))
    assert code == 2, err
    assert "rename it to" in err and err.count("\n") == 1
    assert still_there(connect, kept) and db_status(kept, capsys) == (0, "")


def test_a_file_that_does_not_parse_is_refused_before_anything_is_dropped(kept, connect, tmp_path):
    migrations = folder_with(tmp_path, "0999_typo.sql", "-- migration: typo\n\ncreate tabel public.x (id int);\n")
    code, out, err = finish(start_reset(kept, migrations))
    assert code == 2, err
    assert err.startswith("error: 1 parse error(s) (first: ") and "0999_typo.sql:3: " in err
    assert err.rstrip().endswith("nothing was dropped")
    assert still_there(connect, kept)


def test_ctrl_c_while_waiting_for_a_push_leaves_the_database_as_it_was(kept, connect, capsys):
    holder = connect(kept)
    holder.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))  # a push under way
    process = start_reset(kept)
    observer = connect(kept)
    poll(lambda: observer.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted")
         .fetchone()[0], process, "the reset waiting for the lock")
    process.send_signal(signal.SIGINT)
    code, out, err = finish(process)
    holder.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
    assert code == 130, err
    assert err == f"error: interrupted: database {database_name(kept)} is as it was (the reset changed nothing)\n"
    assert still_there(connect, kept) and db_status(kept, capsys) == (0, "")


def test_ctrl_c_during_a_migration_leaves_the_database_marked_incomplete(kept, connect, tmp_path, capsys):
    migrations = tmp_path / "slow"
    migrations.mkdir()
    (migrations / "0001_first.sql").write_text("create table public.first (id int);\n")
    (migrations / "0002_slow.sql").write_text("select pg_sleep(120);\ncreate table public.second (id int);\n")
    process = start_reset(kept, migrations)
    observer = connect(kept)
    poll(lambda: active(observer, "select pg_sleep(120)"), process, "the slow migration running")
    process.send_signal(signal.SIGINT)
    code, out, err = finish(process)
    assert code == 130, err
    name = database_name(kept)
    assert err == (f"error: interrupted: database {name} is marked incomplete (`inv db.status` says so); "
                   "run `inv db.reset` again\n")
    assert not active(observer, "select pg_sleep(120)")  # the query was cancelled, not left running
    code, error = db_status(kept, capsys)
    assert code == 4 and error.startswith(f"error: database {name} is incomplete"), error


def test_ctrl_c_between_drop_and_create_leaves_a_database_marked_incomplete(empty_url, cluster, connect, tmp_path,
                                                                             capsys):
    """Embedded cluster's path. The issue: no database afterwards, and `db.status` said "does not exist" (exit 5)."""
    name = database_name(empty_url)
    process = start_reset(empty_url, "-", "embedded", POLARIS_TEST_STATE=str(tmp_path / "state"))
    observer = connect(cluster.url("postgres"))
    # While a session stays on template1, CREATE DATABASE waits (up to 5 s): the old database is already dropped.
    with psycopg.connect(cluster.url("template1"), autocommit=True):
        poll(lambda: active(observer, "create database"), process, "the reset creating the database")
        assert observer.execute("select count(*) from pg_database where datname = %s", (name,)).fetchone()[0] == 0
        process.send_signal(signal.SIGINT)  # wherever it lands from here on, the outcome is the same
    code, out, err = finish(process)
    assert code == 130, err
    assert "is marked incomplete (`inv db.status` says so)" in err
    code, error = db_status(empty_url, capsys)
    assert code == 4 and error.startswith(f"error: database {name} is incomplete"), error


def test_ctrl_c_while_invoke_loads_the_tasks_exits_130(tmp_path):
    """Before a task body runs, invoke turned Ctrl-C into a silent exit 1."""
    runner = ("import os, signal, polaris_db.tasks as tasks\n"
              "loaded = tasks.namespace\n"
              "def namespace(*args):\n"
              "    ns = loaded(*args)\n"
              "    os.kill(os.getpid(), signal.SIGINT)\n"
              "    return ns\n"
              "tasks.namespace = namespace\n"
              "from invoke.main import program\n"
              "program.run(['inv', 'db.status'])\n")
    result = subprocess.run([sys.executable, "-c", runner], cwd=REPO_ROOT, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 130
    assert result.stderr == "error: interrupted\n"


def test_file_checks_remember_only_contents_that_parsed(tmp_path, monkeypatch):
    migrations = folder_with(tmp_path, "0999_extra.sql", "create table public.extra (id int);\n")
    monkeypatch.setattr(reset_module, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(reset_module, "STATE_DIR", tmp_path / "state")
    reset_module.check_files()
    assert len((tmp_path / "state" / "parsed.txt").read_text().split()) >= 45
    (migrations / "0999_extra.sql").write_text("create tabel public.extra (id int);\n")  # same name, new content
    with pytest.raises(ConfigError, match=r"0999_extra\.sql:1: "):
        reset_module.check_files()
