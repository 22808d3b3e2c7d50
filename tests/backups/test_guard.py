"""A backup never records a half-built database: it waits for a reset under way and refuses an incomplete one."""

import threading
import time

import pytest

from polaris_db.backups.dump import take_backup
from polaris_db.backups.guard import lock_wait_seconds, no_reset_under_way
from polaris_db.backups.store import LocalStore
from polaris_db.config import Target
from polaris_db.console import Steps
from polaris_db.database import database_name
from polaris_db.errors import BackupError, ConfigError
from polaris_db.migrations import reset as reset_module
from polaris_db.migrations.history import LOCK_KEY
from polaris_db.migrations.reset import mark_complete, mark_incomplete, reset
from polaris_db.tasks.backup import backup as backup_task

from run_inv import inv


@pytest.fixture
def source(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 50) g")
    return empty_url


def waiting_on_advisory_lock(conn) -> bool:
    return conn.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted").fetchone()[0] > 0


def test_an_incomplete_database_is_refused_named_and_nothing_is_left(source, connect, tmp_path):
    mark_incomplete(connect(source))
    with pytest.raises(BackupError, match=rf"database {database_name(source)} is incomplete \(a reset started "):
        take_backup(source, "local", LocalStore(tmp_path))
    assert list(tmp_path.iterdir()) == []
    result = inv("db.backup", "--store", str(tmp_path), url=source)
    assert result.returncode == 7, result.stderr
    assert result.stderr.startswith(f"error: database {database_name(source)} is incomplete") and \
        result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_backup_waits_for_the_reset_under_way_and_records_the_finished_database(source, connect, tmp_path):
    """The issue: a backup during `inv db.reset` recorded head 0012 and 14 rows, verified, kept by prune."""
    resetting = connect(source)
    resetting.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))  # what db.reset and db.push hold
    mark_incomplete(resetting)
    resetting.execute("delete from public.notes where id > 10")  # half-built
    taken, failed = [], []
    worker = threading.Thread(target=lambda: _backup(source, tmp_path, taken, failed))
    worker.start()
    observer = connect(source)
    try:
        for _ in range(600):  # until the backup is seen queued on the lock (not a fixed sleep)
            if waiting_on_advisory_lock(observer):
                break
            assert not (taken or failed), f"the backup did not wait for the reset: {taken or failed}"
            time.sleep(0.05)
        else:
            raise AssertionError("the backup never queued on the reset lock")
        resetting.execute("insert into public.notes select g, 'note ' || g from generate_series(11, 50) g")
        mark_complete(resetting)
    finally:
        resetting.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
    worker.join(timeout=120)
    assert not failed and taken[0].row_counts["public.notes"] == 50


def _backup(url, folder, taken, failed):
    try:
        taken.append(take_backup(url, "local", LocalStore(folder)))
    except Exception as error:  # reported by the test
        failed.append(error)


def test_a_reset_holding_the_lock_past_lock_wait_fails_the_backup(source, connect, tmp_path, run_task, monkeypatch):
    """db.backup's body in-process with --lock-wait 300ms (the flag through the CLI: the tests around this one)."""
    connect(source).execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
    monkeypatch.setenv("DATABASE_URL", source)
    started = time.monotonic()
    code, message = run_task(backup_task, store=str(tmp_path), lock_wait="300ms")
    assert code == 7, message
    assert "a reset or migration run on database" in message and "did not finish within --lock-wait 300ms" in message
    assert time.monotonic() - started < 60 and list(tmp_path.iterdir()) == []


def test_an_embedded_reset_holding_its_file_lock_is_waited_for(source, tmp_path, monkeypatch):
    monkeypatch.setattr(reset_module, "STATE_DIR", tmp_path / "state")
    store = tmp_path / "store"
    with reset_module.reset_lock(Target("local", None), ""):
        with pytest.raises(BackupError, match="did not finish within --lock-wait 200ms"):
            take_backup(source, "local", LocalStore(store), embedded=True, lock_wait_timeout="200ms")
    assert take_backup(source, "local", LocalStore(store), embedded=True).row_counts["public.notes"] == 50


def test_two_backups_do_not_wait_for_each_other(source, tmp_path, monkeypatch):
    monkeypatch.setattr(reset_module, "STATE_DIR", tmp_path / "state")
    with reset_module.reset_lock(Target("local", None), "", shared=True):
        assert take_backup(source, "local", LocalStore(tmp_path / "store"), embedded=True, lock_wait_timeout="200ms")


def test_a_database_error_during_a_backup_exits_7(source, connect, tmp_path):
    """Was exit 1 (`error: deadlock detected`); here a history table that is not the CLI's."""
    connect(source).execute("create schema supabase_migrations; create table supabase_migrations.schema_migrations (id int)")
    with pytest.raises(BackupError) as error:  # db.backup prints `error: <this>` and exits with its code
        take_backup(source, "local", LocalStore(tmp_path))
    assert (str(error.value), error.value.exit_code) == ('backup not taken: column "version" does not exist', 7)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_lock_wait_is_exit_2_before_anything_connects(tmp_path):
    """The CLI contract once (exit 2, the ConfigError's line, port 9 never dialled); every bad value below."""
    result = inv("db.backup", "--store", str(tmp_path), "--lock-wait", "abc",
                 url="postgresql://postgres:postgres@127.0.0.1:9/postgres")
    assert result.returncode == 2, result.stderr
    assert result.stderr == "error: --lock-wait must be a duration like 30s, 500ms or 2min, got 'abc'\n"


@pytest.mark.parametrize("value", ["abc", "30 parsecs", "-1s", "", "1 fortnight"])
def test_a_bad_lock_wait_is_bad_configuration(value):
    """What db.backup prints for it (`error: ` + the message, exit 2: ConfigError), checked before it connects."""
    with pytest.raises(ConfigError) as error:
        lock_wait_seconds(value)
    assert str(error.value) == f"--lock-wait must be a duration like 30s, 500ms or 2min, got {value!r}"
    assert error.value.exit_code == 2


def test_lock_wait_reads_postgres_durations():
    assert [lock_wait_seconds(v) for v in ("30s", "500ms", "2min", "1500", "0")] == [30, 0.5, 120, 1.5, 0]



def test_a_reset_started_during_a_backup_waits_for_it(source, connect):
    """The other half of the issue's `deadlock detected`: the reset no longer drops tables under a running dump."""
    done = threading.Event()
    observer = connect(source)
    with no_reset_under_way(source):
        worker = threading.Thread(target=lambda: (reset(Target("local", source), Steps(), seeds=False), done.set()))
        worker.start()
        for _ in range(600):
            if waiting_on_advisory_lock(observer):
                break
            assert not done.is_set(), "the reset ran under a backup"
            time.sleep(0.05)
        else:
            raise AssertionError("the reset never queued behind the backup")
        assert observer.execute("select count(*) from public.notes").fetchone()[0] == 50
    worker.join(timeout=240)
    assert done.is_set()
