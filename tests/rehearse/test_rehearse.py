"""Rehearsals on a restored production-like backup: rewrites and plain index builds on attempts are flagged
with their lock time, catalog-only changes and concurrent builds are not, failures name file:line."""

from __future__ import annotations

import time

import psycopg
import pytest

from polaris_db.backups.dump import take_backup
from polaris_db.errors import BackupError, ConfigError
from polaris_db.rehearse import report
from polaris_db.rehearse.run import newest_verified, parse_checks, rehearse
from polaris_db.rehearse.safer import advice
from rehearse_data import HEAD, numbered

MAX_LOCK = 0.1  # seconds: the test database is a quarter of production; a rewrite still takes far longer


def _databases(cluster) -> set[str]:
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        return {name for (name,) in conn.execute("select datname from pg_database")}


def _by_file(run):
    return {m.migration.filename: m for m in run.migrations}


def test_rewrite_and_plain_index_are_flagged_nullable_column_and_concurrent_index_are_not(
        big_backup, scratch_here, pending, tmp_path):
    store, manifest = big_backup
    run = rehearse("prod", source=store.url, migrations_dir=pending("measured"), max_lock=MAX_LOCK, checks=("smoke",))
    assert run.backup == manifest.name and "backup's own history" in run.pending_source
    files = _by_file(run)
    assert list(files) == [numbered(1, "attempts_add_note.sql"), numbered(2, "attempts_add_token.sql"),
                           numbered(3, "attempts_index_score.sql"), numbered(4, "attempts_index_created.sql")]
    note, token, plain, concurrent = files.values()

    assert not note.flagged
    (add,) = note.statements
    assert any(lock.mode == "AccessExclusiveLock" and lock.relation == "public.attempts" for lock in add.locks)
    assert not add.rewrites and add.seconds < MAX_LOCK

    (rewrite,) = token.flagged
    assert rewrite.line == 2
    assert any("table public.attempts rewritten" in r for r in rewrite.rewrites)
    assert rewrite.rows == pytest.approx(manifest.row_counts["public.attempts"], rel=0.05)
    assert any(f.startswith("AccessExclusiveLock on public.attempts") and "blocks reads and writes" in f
               for f in rewrite.flags)
    assert "backfill it in batches" in rewrite.advice

    (build,) = plain.flagged
    assert any(f.startswith("ShareLock on public.attempts") and "blocks writes" in f for f in build.flags)
    assert any(r.startswith("index public.attempts_score_idx built") for r in build.rewrites)
    assert "create index concurrently" in build.advice
    assert build.rows == rewrite.rows  # the build read every row

    assert not concurrent.flagged and not concurrent.error
    (online,) = concurrent.statements
    assert any(r.startswith("index public.attempts_created_idx built") for r in online.rewrites)
    assert [lock.mode for lock in online.locks] == ["ShareUpdateExclusiveLock"]  # sampled from a second connection

    assert run.checks[0][:2] == ("smoke", True)
    assert not run.passed and "2 statement(s) flagged" in report.verdict(run)
    assert set(run.timings) == {"download", "restore", "migrations", "checks"}
    text = report.terminal(run)
    assert f"{numbered(2, 'attempts_add_token.sql')}:2: AccessExclusiveLock on public.attempts" in text and "safer:" in text
    markdown = report.markdown(run)
    assert markdown.startswith("## Release rehearsal on prod: FAIL") and "| 2 | alter table public.attempts" in markdown
    assert run.database not in _databases(scratch_here)  # dropped without --keep


@pytest.mark.parametrize(("case", "line", "message"), [
    ("unique_over_duplicates", 4, "could not create unique index"),
    ("not_null_over_nulls", 2, "contains null values"),
])
def test_a_migration_failing_on_production_data_fails_with_file_and_line(small_backup, scratch_here, pending, case,
                                                                       line, message):
    store, manifest = small_backup
    before = {item.name: item.size for item in store.items()}
    run = rehearse("prod", source=store.url, migrations_dir=pending(case), max_lock=MAX_LOCK, checks=("smoke",),
                   keep=True, database=f"rh_{case}")
    assert run.failure and numbered(1, "attempts_") in run.failure and f".sql:{line}: " in run.failure
    assert message in run.failure and not run.checks  # no checks on a half-applied release
    with psycopg.connect(scratch_here.url(run.database)) as conn:  # kept: the file's transaction rolled back
        assert conn.execute("select count(*) from supabase_migrations.schema_migrations where version = %s",
                            (f"{HEAD + 1:04d}",)).fetchone() == (0,)
        assert conn.execute("select count(*) from information_schema.columns where table_name = 'attempts'"
                            " and column_name = 'note'").fetchone() == (0,)
    with psycopg.connect(scratch_here.url("rh_small")) as conn:  # the source
        assert conn.execute("select max(version) from supabase_migrations.schema_migrations").fetchone() == (f"{HEAD:04d}",)
        assert conn.execute("select count(*) from public.attempts where response is null").fetchone() == (25,)
    assert {item.name: item.size for item in store.items()} == before


def test_pending_comes_from_the_target_read_only_when_its_url_is_set(small_backup, scratch_here, pending, monkeypatch):
    store, _ = small_backup
    monkeypatch.setenv("SUPABASE_PROD_URL", scratch_here.url("rh_small"))
    run = rehearse("prod", source=store.url, migrations_dir=pending("measured"), max_lock=60, checks=())
    assert run.pending_source == "prod's history, read-only" and run.passed and len(run.migrations) == 4
    with psycopg.connect(scratch_here.url("rh_small")) as conn:
        assert conn.execute("select max(version) from supabase_migrations.schema_migrations").fetchone() == (f"{HEAD:04d}",)


def test_newest_verified_backup_is_the_default(schema_url, tmp_path):
    from polaris_db.backups.fetch import mark_verified
    from polaris_db.backups.store import open_store

    store = open_store(str(tmp_path / "store"))
    with pytest.raises(ConfigError, match="unknown check 'bogus'"):
        parse_checks("rls,bogus")
    first = take_backup(schema_url, "prod", store, encrypt=False)
    with pytest.raises(BackupError, match="no verified backup of prod.*unverified: " + first.name):
        newest_verified(store, "prod")
    mark_verified(store, first)
    time.sleep(1.1)  # names carry the second
    take_backup(schema_url, "prod", store, encrypt=False)  # newer, not verified: not chosen
    assert newest_verified(store, "prod") == first.name
    with pytest.raises(BackupError, match="no verified backup of staging"):
        newest_verified(store, "staging")


def test_safer_patterns():
    assert "concurrently" in advice("create unique index x on public.attempts (a)")
    assert advice("create index concurrently x on t (a)") is None
    assert "new column of the new type" in advice("alter table t alter column score type numeric(7, 2)")
    assert "validate constraint" in advice("alter table t add constraint c check (score > 0)")
    assert advice("alter table t add constraint c check (score > 0) not valid") is None
    assert "batches" in advice("-- fix\nupdate public.attempts set score = 0")
    assert parse_checks(None) == ("rls", "smoke", "types") and parse_checks("none") == ()


@pytest.mark.parametrize(("args", "code", "message"), [
    (("--max-lock", "soon"), 2, "error: --max-lock must be seconds"),
    (("--checks", "rls,lint"), 2, "error: unknown check 'lint'"),
    (("--env", "production"), 2, "error: unknown environment 'production'"),
    ((), 7, "error: {store}: no verified backup of prod"),
])
def test_task_errors_are_one_line_with_their_exit_code(tmp_path, args, code, message):
    import subprocess
    import sys

    from polaris_db import REPO_ROOT

    store = tmp_path / "empty-store"
    store.mkdir()
    result = subprocess.run([sys.executable, "-m", "invoke", "db.rehearse", "--from", str(store), *args],
                            cwd=REPO_ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == code
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(message.format(store=store))
