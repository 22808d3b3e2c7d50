"""Backups on a real database into a real store: manifest, encryption, atomicity, locks, interruptions."""

import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from polaris_db import MIGRATIONS_DIR, shim
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched
from polaris_db.backups.keys import fingerprint
from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError, ConfigError
from polaris_db.migrations import discover


@pytest.fixture
def source(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 500) g")
    conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'learner@example.com')")
    return empty_url


def test_backup_writes_archive_and_manifest_0600(source, tmp_path):
    manifest = take_backup(source, "local", LocalStore(tmp_path))
    saved = json.loads((tmp_path / f"{manifest.name}.json").read_text())
    archive = tmp_path / manifest.file
    assert saved["object_sha256"] == manifest.object_sha256 and saved["object_bytes"] == archive.stat().st_size
    assert manifest.row_counts["public.notes"] == 500 and manifest.row_counts["auth.users"] == 1
    assert manifest.server_version.startswith("18") and manifest.client_version.startswith("18")
    assert manifest.started_at <= manifest.finished_at and manifest.verified_at is None
    assert {"anon", "authenticated", "service_role"} <= set(manifest.roles)
    assert manifest.encryption == "none" and archive.read_bytes().startswith(b"POLARIS-BACKUP 1\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [manifest.file, f"{manifest.name}.json"]  # no temp files
    assert {oct(p.stat().st_mode & 0o777) for p in tmp_path.iterdir()} == {"0o600"}


def test_encrypted_backup_names_key_fingerprints_never_keys(source, tmp_path, age_key):
    manifest = take_backup(source, "prod", LocalStore(tmp_path))
    text = (tmp_path / f"{manifest.name}.json").read_text()
    assert manifest.encryption == "age" and manifest.recipients == [fingerprint(str(age_key.to_public()))]
    assert str(age_key.to_public()) not in text and "AGE-SECRET-KEY" not in text
    assert (tmp_path / manifest.file).read_bytes().startswith(b"age-encryption.org/v1")
    with fetched(LocalStore(tmp_path), manifest.name) as (archive, proven):
        assert archive.read_bytes().startswith(b"PGDMP") and proven.sha256 == manifest.sha256


def test_s3_needs_recipients(source, s3_store):
    with pytest.raises(ConfigError, match="only encrypted: set POLARIS_BACKUP_RECIPIENTS"):
        take_backup(source, "prod", s3_store)
    assert s3_store.items() == []


def test_manifest_records_the_migration_history(schema_url, tmp_path):
    versions = [m.version for m in discover(MIGRATIONS_DIR)]
    manifest = take_backup(schema_url, "local", LocalStore(tmp_path))
    assert manifest.migrations == versions and manifest.migration_head == versions[-1]
    assert manifest.extensions == {"vector": "extensions"}
    assert manifest.row_counts["supabase_migrations.schema_migrations"] == len(versions)


def test_progress_names_every_table(source, tmp_path):
    seen = []
    manifest = take_backup(source, "local", LocalStore(tmp_path), on_table=lambda done, total, table: seen.append((done, total, table)))
    assert [s[2] for s in seen] == sorted(manifest.row_counts)  # pg_dump dumps tables in name order
    assert seen[-1][:2] == (len(manifest.row_counts), len(manifest.row_counts))


def test_interrupted_backup_leaves_nothing(source, tmp_path):
    def interrupt(done, total, table):
        if done == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of pg_dump

    with pytest.raises(KeyboardInterrupt):
        take_backup(source, "local", LocalStore(tmp_path), on_table=interrupt)
    assert list(tmp_path.iterdir()) == []


def test_interrupted_upload_leaves_nothing_in_the_bucket(source, s3_store, age_key, monkeypatch):
    """A multipart upload cut off half-way is aborted: no object, no pending upload, nothing that counts."""
    from polaris_db.backups import store as store_module

    monkeypatch.setattr(store_module, "PART_SIZE", 5 * 1024 * 1024)
    conn = __import__("psycopg").connect(source, autocommit=True)
    conn.execute("insert into public.notes select g, md5(g::text) || repeat(md5(random()::text), 8)"
                 " from generate_series(501, 60000) g")  # ~20 MB of incompressible-ish text: several parts
    conn.close()

    def interrupt(done, total, table):
        if table == "public.notes":
            time.sleep(1)  # let the first parts go out
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        take_backup(source, "prod", s3_store, on_table=interrupt)
    assert s3_store.items() == [] and s3_store.uploads() == []


def test_failing_dump_leaves_nothing(source, tmp_path, connect):
    """pg_dump itself fails half-way (row security it may not bypass): one-line error, no files."""
    conn = connect(source)
    conn.execute("do $$ begin if not exists (select from pg_roles where rolname = 'dump_tester') then"
                 " create role dump_tester login password 'dump-tester-pw'; end if; end $$")
    with shim.superuser_connection(conn) as admin:  # postgres cannot grant on platform schemas, as on hosted
        admin.execute("grant usage on schema public, auth, storage to dump_tester;"
                      " grant select on all tables in schema public, auth, storage to dump_tester")
    conn.execute("alter table public.notes enable row level security;"
                 " create policy few on public.notes for select to dump_tester using (id < 10)")
    url = source.replace("postgres:postgres@", "dump_tester:dump-tester-pw@")
    with pytest.raises(BackupError, match="pg_dump failed: .*row-level security"):
        take_backup(url, "local", LocalStore(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_held_lock_fails_fast_with_nothing_left(source, tmp_path, connect):
    holder = connect(source, autocommit=False)
    holder.execute("lock table public.notes in access exclusive mode")
    started = time.monotonic()
    with pytest.raises(BackupError, match="a table is locked"):
        take_backup(source, "local", LocalStore(tmp_path), lock_wait_timeout="1s")
    assert time.monotonic() - started < 15
    holder.rollback()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_taken_after_the_counts_fails_pg_dump_fast(source, tmp_path, connect, monkeypatch):
    """The lock arrives between our counts and pg_dump's own lock: pg_dump's --lock-wait-timeout fires."""
    from polaris_db.backups import dump

    holder, real = connect(source, autocommit=False), dump._stream

    def locked_then_stream(*args, **kwargs):  # queued behind our snapshot's share locks, ahead of pg_dump's
        threading.Thread(target=holder.execute, args=("lock table public.notes in access exclusive mode",)).start()
        time.sleep(0.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(dump, "_stream", locked_then_stream)
    with pytest.raises(BackupError, match="a table is locked .*pg_dump waited 1s"):
        take_backup(source, "local", LocalStore(tmp_path), lock_wait_timeout="1s")
    time.sleep(0.5)  # the waiting lock is granted once our snapshot has ended
    holder.rollback()
    assert list(tmp_path.iterdir()) == []


def test_sigterm_removes_temp_files(source, tmp_path):
    script = ("import sys, time; from pathlib import Path; from polaris_db.backups.dump import take_backup\n"
              "from polaris_db.backups.store import LocalStore\n"
              "def slow(done, total, table):\n"
              "    if done == 2: print('ready', flush=True); time.sleep(30)\n"
              "take_backup(sys.argv[1], 'local', LocalStore(Path(sys.argv[2])), on_table=slow)")
    with subprocess.Popen([sys.executable, "-c", script, source, str(tmp_path)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout.readline().strip() == "ready"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]  # the temp file exists now
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode != 0 and list(tmp_path.iterdir()) == []


def test_killed_backup_leaves_no_complete_looking_artifact(source, tmp_path):
    """SIGKILL of the tool itself mid-dump: no cleanup runs, yet nothing looks like a finished backup."""
    script = ("import os, signal, sys; from pathlib import Path; from polaris_db.backups.dump import take_backup\n"
              "from polaris_db.backups.store import LocalStore\n"
              "def die(done, total, table):\n"
              "    if done == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
              "take_backup(sys.argv[1], 'local', LocalStore(Path(sys.argv[2])), on_table=die)")
    result = subprocess.run([sys.executable, "-c", script, source, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == -9
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left and all(name.endswith(".backup.partial") for name in left), left  # only the temp file
    assert not list(tmp_path.glob("*.json"))


def test_server_newer_than_the_client_is_refused(source, tmp_path, monkeypatch):
    from polaris_db.backups import dump

    monkeypatch.setattr(dump, "client_version", lambda tool="pg_dump": (17, "17.4"))  # an older wheel
    with pytest.raises(BackupError, match=r"pg_dump 17.4 is older than the server \(18"):
        take_backup(source, "local", LocalStore(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_hung_tool_is_one_error_line(tmp_path):
    from polaris_db.backups.dump import run_tool

    with pytest.raises(BackupError, match=r"^python.* timed out after 1 s$"):
        run_tool([sys.executable, "-c", "import time; time.sleep(30)"], timeout=1)


def test_a_hung_pg_dump_is_stopped_with_nothing_left(source, tmp_path, monkeypatch):
    from polaris_db.backups import dump

    monkeypatch.setattr(dump, "DUMP_TIMEOUT", 0.01)
    with pytest.raises(BackupError, match="pg_dump timed out after"):
        take_backup(source, "local", LocalStore(tmp_path))
    assert list(tmp_path.iterdir()) == []
