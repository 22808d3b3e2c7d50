"""Backups on a real database: manifest counts, corruption caught, restore drill complete."""

import json

import pytest

from polaris_db.backup import BackupError, drill, take_backup, verify_archive


@pytest.fixture
def source(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create table public.notes (id int primary key, body text)")
    conn.execute("insert into public.notes select g, 'note ' || g from generate_series(1, 500) g")
    conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'learner@example.com')")
    return empty_url


def test_backup_writes_dump_and_manifest(source, tmp_path):
    dump, manifest = take_backup(source, "local", tmp_path)
    saved = json.loads(dump.with_suffix(".json").read_text())
    assert saved["sha256"] == manifest.sha256 and saved["bytes"] == dump.stat().st_size
    assert manifest.row_counts["public.notes"] == 500
    assert manifest.row_counts["auth.users"] == 1
    assert verify_archive(dump).sha256 == manifest.sha256


def test_truncated_backup_is_refused(source, tmp_path):
    dump, _ = take_backup(source, "local", tmp_path)
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    with pytest.raises(BackupError, match="sha256 mismatch"):
        verify_archive(dump)


def test_truncation_is_caught_by_the_full_read_even_with_a_forged_checksum(source, tmp_path):
    from polaris_db.backup import Manifest, manifest_path, sha256_of

    dump, _ = take_backup(source, "local", tmp_path)
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    manifest = Manifest.load(manifest_path(dump))
    manifest.sha256 = sha256_of(dump)
    manifest.save(manifest_path(dump))
    with pytest.raises(BackupError, match="unreadable archive"):
        verify_archive(dump)


def test_restore_drill_restores_every_row(source, bare_url, tmp_path, connect):
    dump, _ = take_backup(source, "local", tmp_path)
    manifest, took, mismatches = drill(dump, bare_url)
    assert mismatches == []
    assert connect(bare_url).execute("select count(*), max(body) from public.notes").fetchone() == (500, "note 99")


def test_drill_reports_lost_rows(source, bare_url, tmp_path):
    from polaris_db.backup import Manifest, manifest_path

    dump, _ = take_backup(source, "local", tmp_path)
    manifest = Manifest.load(manifest_path(dump))
    manifest.row_counts["public.notes"] = 501  # pretend the source had one more row than the archive holds
    manifest.save(manifest_path(dump))
    _, _, mismatches = drill(dump, bare_url)
    assert mismatches == ["public.notes: expected 501, restored 500"]
