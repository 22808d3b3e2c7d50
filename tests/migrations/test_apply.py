"""Applying migrations on a real database: atomic per file, serialized, drift-proof."""

import shutil
import threading
import time
from pathlib import Path

import pytest

from polaris_db.errors import DriftError, MigrationFailed
from polaris_db.migrations import migrate, read_history
from polaris_db.migrations.history import LOCK_KEY

FIXTURES = Path(__file__).parents[1] / "fixtures" / "migrations"


def tables(conn):
    return {r[0] for r in conn.execute("select tablename from pg_tables where schemaname = 'public'")}


def test_applies_in_order_and_records_cli_history(bare_url, connect):
    conn = connect(bare_url)
    plan = migrate(conn, FIXTURES / "good")
    assert [m.version for m in plan.pending] == ["0001", "0002", "0003"]
    history = read_history(conn)
    assert [(h.version, h.name) for h in history] == [("0001", "create_notes"), ("0002", "add_note_function"), ("0003", "seed_note")]
    assert history[1].statements == [
        "-- migration: 0002_add_note_function\ncreate or replace function public.count_notes() returns bigint\n"
        "language sql stable\nas $$\n  select count(*) from public.notes; -- a semicolon inside a body\n$$"
    ]
    assert conn.execute("select public.count_notes()").fetchone()[0] == 1


def test_second_run_applies_nothing(bare_url, connect):
    conn = connect(bare_url)
    migrate(conn, FIXTURES / "good")
    assert migrate(conn, FIXTURES / "good").pending == []
    assert conn.execute("select count(*) from public.notes").fetchone()[0] == 1


def test_failing_migration_changes_neither_schema_nor_history(bare_url, connect):
    conn = connect(bare_url)
    with pytest.raises(MigrationFailed) as failure:
        migrate(conn, FIXTURES / "failing")
    message = str(failure.value)
    assert "0002_half_applied.sql:6: duplicate key value violates unique constraint" in message
    assert "rolled back" in message
    assert [h.version for h in read_history(conn)] == ["0001"]
    assert tables(conn) == {"notes"}


def test_syntax_error_names_file_and_line(bare_url, connect, tmp_path):
    shutil.copy(FIXTURES / "good" / "0001_create_notes.sql", tmp_path)
    (tmp_path / "0002_typo.sql").write_text("create table a (id int);\n\ncreate tabel b (id int);\n")
    conn = connect(bare_url)
    with pytest.raises(MigrationFailed, match=r"0002_typo\.sql:3: syntax error at or near \"tabel\" \[42601\]"):
        migrate(conn, tmp_path)
    assert tables(conn) == {"notes"}


def test_dry_run_changes_nothing(bare_url, connect):
    conn = connect(bare_url)
    plan = migrate(conn, FIXTURES / "good", dry_run=True)
    assert len(plan.pending) == 3
    assert conn.execute("select to_regnamespace('supabase_migrations')").fetchone()[0] is None
    assert tables(conn) == set()


def test_changed_applied_file_is_refused(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    shutil.copytree(FIXTURES / "good", tmp_path / "m")
    migrate(conn, tmp_path / "m")
    target = tmp_path / "m" / "0002_add_note_function.sql"
    target.write_text(target.read_text().replace("count(*)", "count(1)"))
    with pytest.raises(DriftError, match=r"0002: 0002_add_note_function\.sql changed after it was applied"):
        migrate(conn, tmp_path / "m")


def test_applied_version_missing_locally_is_refused(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    shutil.copytree(FIXTURES / "good", tmp_path / "m")
    migrate(conn, tmp_path / "m")
    (tmp_path / "m" / "0003_seed_note.sql").unlink()
    with pytest.raises(DriftError, match="0003: applied as 0003_seed_note.sql but the file no longer exists locally"):
        migrate(conn, tmp_path / "m")


def test_non_transactional_migration_runs_concurrently_safe_statements(bare_url, connect):
    conn = connect(bare_url)
    migrate(conn, FIXTURES / "concurrently")
    valid = conn.execute("select indisvalid from pg_index where indexrelid = 'public.notes_body_idx'::regclass").fetchone()[0]
    assert valid is True
    assert [h.version for h in read_history(conn)] == ["0001", "0002"]


def test_concurrent_pushes_serialize(bare_url, connect):
    holder = connect(bare_url)
    holder.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
    results, errors = {}, []

    def push(key):
        try:
            results[key] = len(migrate(connect(bare_url), FIXTURES / "good").pending)
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)

    workers = [threading.Thread(target=push, args=(k,)) for k in ("a", "b")]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 10
    waiting = 0
    while waiting < 2 and time.monotonic() < deadline:
        waiting = holder.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted").fetchone()[0]
        time.sleep(0.05)
    assert waiting == 2, "both pushes should queue on the advisory lock"
    holder.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
    for worker in workers:
        worker.join(30)
    assert errors == []
    assert sorted(results.values()) == [0, 3]
    assert holder.execute("select count(*) from public.notes").fetchone()[0] == 1
