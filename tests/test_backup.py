"""Backups on a real database: manifest contents, atomic publication, corruption caught, interruptions leave nothing."""

import json
import subprocess
import sys

import pytest

from polaris_db import MIGRATIONS_DIR, shim
from polaris_db.backup import take_backup, verify_archive
from polaris_db.errors import BackupError
from polaris_db.manifest import Manifest, manifest_path, sha256_of
from polaris_db.migrations import discover


@pytest.fixture
def source(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 500) g")
    conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'learner@example.com')")
    return empty_url


def test_backup_writes_dump_and_manifest(source, tmp_path):
    dump, manifest = take_backup(source, "local", tmp_path)
    saved = json.loads(manifest_path(dump).read_text())
    assert saved["sha256"] == manifest.sha256 == sha256_of(dump) and saved["bytes"] == dump.stat().st_size
    assert manifest.row_counts["public.notes"] == 500 and manifest.row_counts["auth.users"] == 1
    assert manifest.server_version.startswith("18") and manifest.client_version.startswith("18")
    assert manifest.started_at <= manifest.finished_at and manifest.verified_at is None
    assert {"anon", "authenticated", "service_role"} <= set(manifest.roles)
    assert sorted(p.name for p in tmp_path.iterdir()) == [dump.name, manifest_path(dump).name]  # no temp files left
    assert verify_archive(dump).sha256 == manifest.sha256


def test_manifest_records_the_migration_history(schema_url, tmp_path):
    versions = [m.version for m in discover(MIGRATIONS_DIR)]
    _, manifest = take_backup(schema_url, "local", tmp_path)
    assert manifest.migrations == versions and manifest.migration_head == versions[-1]
    assert manifest.extensions == {"vector": "extensions"}
    assert manifest.row_counts["supabase_migrations.schema_migrations"] == len(versions)


def test_progress_names_every_table(source, tmp_path):
    seen = []
    _, manifest = take_backup(source, "local", tmp_path, on_table=lambda done, total, table: seen.append((done, total, table)))
    assert [s[2] for s in seen] == sorted(manifest.row_counts)  # pg_dump dumps tables in name order
    assert seen[-1][:2] == (len(manifest.row_counts), len(manifest.row_counts))


def test_truncated_backup_is_refused(source, tmp_path):
    dump, _ = take_backup(source, "local", tmp_path)
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    with pytest.raises(BackupError, match="sha256 mismatch"):
        verify_archive(dump)


def test_truncation_is_caught_by_the_full_read_even_with_a_forged_checksum(source, tmp_path):
    dump, _ = take_backup(source, "local", tmp_path)
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    manifest = Manifest.load(manifest_path(dump))
    manifest.sha256 = sha256_of(dump)
    manifest.save(manifest_path(dump))
    with pytest.raises(BackupError, match="unreadable archive"):
        verify_archive(dump)


def test_a_dump_without_its_manifest_is_not_a_backup(source, tmp_path):
    dump, _ = take_backup(source, "local", tmp_path)
    manifest_path(dump).unlink()
    with pytest.raises(BackupError, match="manifest not found"):
        verify_archive(dump)


def test_interrupted_backup_leaves_nothing(source, tmp_path):
    def interrupt(done, total, table):
        if done == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of pg_dump

    with pytest.raises(KeyboardInterrupt):
        take_backup(source, "local", tmp_path, on_table=interrupt)
    assert list(tmp_path.iterdir()) == []


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
        take_backup(url, "local", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_killed_backup_leaves_no_complete_looking_artifact(source, tmp_path):
    """SIGKILL of the tool itself mid-dump: no cleanup runs, yet nothing looks like a finished backup."""
    script = ("import os, signal, sys; from pathlib import Path; from polaris_db.backup import take_backup\n"
              "def die(done, total, table):\n"
              "    if done == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
              "take_backup(sys.argv[1], 'local', Path(sys.argv[2]), on_table=die)")
    result = subprocess.run([sys.executable, "-c", script, source, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == -9
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left and all(name.endswith(".dump.partial") for name in left), left  # only the temp file
    assert not list(tmp_path.glob("*.json")) and not list(tmp_path.glob("*.dump"))


def test_server_newer_than_the_client_is_refused(source, tmp_path, monkeypatch):
    from polaris_db import backup

    monkeypatch.setattr(backup, "client_version", lambda tool="pg_dump": (17, "17.4"))  # an older wheel
    with pytest.raises(BackupError, match=r"pg_dump 17.4 is older than the server \(18"):
        take_backup(source, "local", tmp_path)
    assert list(tmp_path.iterdir()) == []
