"""db.push retries a migration that fails on lock_timeout (55P03), with a doubling pause, each retry announced;
another connection holds the lock on a real database."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from polaris_db.errors import MigrationFailed
from polaris_db.migrations import migrate, read_history

MIGRATION = """-- migration: 0002_notes_add_tag
set local lock_timeout = '100ms';
alter table public.notes add column tag text;
"""
CONCURRENT = """-- polaris: transaction=false
set lock_timeout = '100ms';
create index concurrently if not exists notes_body_idx on public.notes (body);
"""


def _applied_first(conn, tmp_path, second: str, name: str = "0002_notes_add_tag.sql"):
    """A folder whose 0001 (the table) is applied, and `second` pending."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_create_notes.sql").write_text("create table public.notes (id int primary key, body text);\n")
    migrate(conn, folder)
    (folder / name).write_text(second)
    return folder


def _hold(url: str, seconds: float | None, ready: threading.Event, release: threading.Event):
    def run():
        with psycopg.connect(url) as holder:
            holder.execute("lock table public.notes in access exclusive mode")
            ready.set()
            release.wait(seconds)
            holder.rollback()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    return thread


@pytest.mark.parametrize(("second", "name"), [(MIGRATION, "0002_notes_add_tag.sql"),
                                              (CONCURRENT, "0002_notes_body_idx.sql")])
def test_a_lock_timeout_is_retried_until_the_lock_is_free(bare_url, connect, tmp_path, second, name):
    conn = connect(bare_url)
    folder = _applied_first(conn, tmp_path, second, name)
    retries = []
    thread = _hold(bare_url, 0.45, threading.Event(), threading.Event())
    started = time.perf_counter()
    migrate(conn, folder, lock_retries=5, retry_delay=0.1, on_retry=lambda *args: retries.append(args))
    thread.join(10)
    assert [v.version for v in read_history(conn)] == ["0001", "0002"]
    assert 1 <= len(retries) <= 4 and [r[1] for r in retries] == list(range(1, len(retries) + 1))
    assert all(r[2] == 5 and "[55P03]" in r[0] and name in r[0] for r in retries)
    assert [r[3] for r in retries] == [0.1 * 2 ** i for i in range(len(retries))]
    assert time.perf_counter() - started >= 0.45


def test_a_lock_that_stays_taken_fails_after_the_retries(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    folder = _applied_first(conn, tmp_path, MIGRATION)
    release = threading.Event()
    thread = _hold(bare_url, 30, threading.Event(), release)
    retries = []
    try:
        with pytest.raises(MigrationFailed, match=r"0002_notes_add_tag.sql: canceling statement due to lock timeout "
                                                  r"\[55P03\].*still after 2 lock retries"):
            migrate(conn, folder, lock_retries=2, retry_delay=0.05, on_retry=lambda *args: retries.append(args))
        assert len(retries) == 2
        with pytest.raises(MigrationFailed) as caught:  # no retries: the first failure
            migrate(conn, folder, lock_retries=0)
        assert "lock retries" not in str(caught.value)
    finally:
        release.set()
        thread.join(10)
    assert [v.version for v in read_history(conn)] == ["0001"]


def test_db_push_prints_each_retry(bare_url, connect, tmp_path, capsys):
    import os
    import subprocess
    import sys

    from polaris_db import REPO_ROOT
    from polaris_db.tasks.migrate import push as push_task
    from run_task import task_run

    conn = connect(bare_url)
    folder = _applied_first(conn, tmp_path, MIGRATION)
    release = threading.Event()
    thread = _hold(bare_url, 60, threading.Event(), release)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    lines = []
    try:
        with subprocess.Popen([sys.executable, "-m", "invoke", "db.push", "--migrations", str(folder),
                               "--lock-retries", "2"], cwd=REPO_ROOT, env={**env, "DATABASE_URL": bare_url},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL) as push:
            for line in push.stdout:  # the lock is given up once the first retry is announced
                lines.append(line.rstrip("\n"))
                if "lock not granted" in line:
                    release.set()
            errors = push.stderr.read()
            push.wait(120)
    finally:
        release.set()
        thread.join(10)
    assert push.returncode == 0, errors
    retry = [line for line in lines if "lock not granted" in line]
    assert len(retry) == 1 and retry[0].strip().startswith(str(folder / "0002_notes_add_tag.sql"))
    assert retry[0].endswith("canceling statement due to lock timeout [55P03] (rolled back; schema and history "
                             "unchanged): lock not granted, retry 1 of 2 in 2 s")
    assert any("applied 0002_notes_add_tag.sql" in line for line in lines)
    assert [v.version for v in read_history(conn)] == ["0001", "0002"]
    # a bad value, in-process (tests/run_task.py): the flag's CLI contract is the run above
    bad = task_run(push_task, capsys, {"DATABASE_URL": bare_url}, migrations=str(folder), lock_retries="many")
    assert bad.returncode == 2 and bad.stderr == "error: --lock-retries must be a whole number, got 'many'\n"
