"""Rehearsals on a restored production-like backup: rewrites and plain index builds on attempts are flagged
by what they do (a blocking lock while working through a large table), with their measured and extrapolated time;
catalog-only changes and concurrent builds are not; failures name file:line."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import psycopg
import pytest
from invoke import Context, Exit

from polaris_db.backups.dump import take_backup
from polaris_db.errors import BackupError, ConfigError
from polaris_db.rehearse import report
from polaris_db.rehearse.flags import Thresholds, flag
from polaris_db.rehearse.run import newest_verified, parse_checks, rehearse
from polaris_db.rehearse.safer import advice
from polaris_db.tasks.rehearse import rehearse as rehearse_task
from rehearse_data import HEAD, numbered, release
from run_inv import inv

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = Thresholds(rows=5_000)  # the small backup's ~6.8k attempts count as a large table
# In-process rehearsals restore with `pg_restore -j 1` (cheaper for a small backup); the CLI tests use the default -j 2.


def _databases(cluster) -> set[str]:
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        return {name for (name,) in conn.execute("select datname from pg_database")}


def _by_file(run):
    return {m.migration.filename: m for m in run.migrations}


@pytest.fixture(scope="module")
def measured(small_backup, scratch_module, tmp_path_factory):
    """Three rehearsals of one release (tests/rehearse/fixtures/measured) on the small backup, read by the tests
    below: two under the lowered threshold (the first with the smoke check), one with production 12M rows."""
    store, _ = small_backup
    folder = tmp_path_factory.mktemp("measured") / "migrations"
    release(FIXTURES / "measured", folder)
    return [rehearse("prod", source=store.url, jobs=1, migrations_dir=folder, thresholds=SMALL, checks=("smoke",)),
            rehearse("prod", source=store.url, jobs=1, migrations_dir=folder, thresholds=SMALL, checks=()),
            rehearse("prod", source=store.url, jobs=1, migrations_dir=folder, checks=(),
                     thresholds=Thresholds(production={"public.attempts": 12_000_000}))]


def test_rewrite_and_plain_index_are_flagged_nullable_column_and_concurrent_index_are_not(
        measured, small_backup, scratch_module):
    store, manifest = small_backup
    run = measured[0]
    assert run.backup == manifest.name and "backup's own history" in run.pending_source
    files = _by_file(run)
    assert list(files) == [numbered(1, "attempts_add_note.sql"), numbered(2, "attempts_add_token.sql"),
                           numbered(3, "attempts_index_score.sql"), numbered(4, "attempts_index_created.sql")]
    note, token, plain, concurrent = files.values()

    assert not note.flagged
    (add,) = note.statements
    assert any(lock.mode == "AccessExclusiveLock" and lock.relation == "public.attempts" for lock in add.locks)
    assert not add.rewrites and not add.work  # catalog-only: an instant, whatever the runner's speed

    (rewrite,) = token.flagged
    assert rewrite.line == 2
    assert any("table public.attempts rewritten" in r for r in rewrite.rewrites)
    assert rewrite.rows == pytest.approx(manifest.row_counts["public.attempts"], rel=0.05)
    assert any(f.startswith("AccessExclusiveLock on public.attempts") and "blocks reads and writes" in f
               for f in rewrite.flags)
    assert "backfill it in batches" in rewrite.advice
    # the default threshold: more than 100k rows in production (the same lock, judged at 100k and just above)
    (lock,) = [lock for lock in rewrite.locks if lock.relation == "public.attempts"]
    assert Thresholds().rows == 100_000 and Thresholds().bytes == 100 * 1024 ** 2
    assert not Thresholds(production={"public.attempts": 100_000}).large(lock)
    assert Thresholds(production={"public.attempts": 100_001}).large(lock)

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
    assert not {r.database for r in measured} & _databases(scratch_module)  # dropped without --keep


@pytest.mark.parametrize(("case", "line", "message", "mode"), [
    ("unique_over_duplicates", 4, "could not create unique index", "ShareLock"),
    ("not_null_over_nulls", 2, "contains null values", "AccessExclusiveLock"),
])
def test_a_migration_failing_on_production_data_fails_with_file_and_line_in_its_migrations_table(
        small_backup, scratch_here, pending, case, line, message, mode):
    store, manifest = small_backup
    before = {item.name: item.size for item in store.items()}
    run = rehearse("prod", source=store.url, jobs=1, migrations_dir=pending(case), thresholds=SMALL, checks=("smoke",),
                   keep=True, database=f"rh_{case}")
    assert run.failure and numbered(1, "attempts_") in run.failure and f".sql:{line}: " in run.failure
    assert message in run.failure and not run.checks  # no checks on a half-applied release
    # the failing statement is in its migration's table (terminal and markdown), with its time and lock
    failed = run.migrations[-1]
    statement = failed.statements[-1]
    assert statement.line == line and statement.error and statement.seconds > 0
    assert any(lock.mode == mode and lock.relation == "public.attempts" for lock in statement.locks)
    row = next(r for r in report.rows(failed) if r[0] == line)
    assert row[-1] == "FAILED" and "public.attempts" in row[4]
    assert f"| {line} | " in report.markdown(run)
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
    run = rehearse("prod", source=store.url, jobs=1, migrations_dir=pending("measured"),
                   checks=("smoke",))  # 6.8k rows: not large under the default 100k
    assert run.pending_source == "prod's history, read-only" and run.passed and len(run.migrations) == 4
    assert report.verdict(run) == "PASS (smoke; skipped: rls, types)"  # some checks skipped: said beside the PASS
    with psycopg.connect(scratch_here.url("rh_small")) as conn:
        assert conn.execute("select max(version) from supabase_migrations.schema_migrations").fetchone() == (f"{HEAD:04d}",)


def test_newest_verified_backup_is_the_default(schema_url, tmp_path):
    from polaris_db.backups.fetch import mark_verified
    from polaris_db.backups.store import open_store

    store = open_store(str(tmp_path / "store"))
    with pytest.raises(ConfigError, match="unknown check 'bogus'"):
        parse_checks("rls,bogus")
    first = take_backup(schema_url, "prod", store, encrypt=False)
    named_by = int(time.time())  # names carry the second: the next backup's must come later
    with pytest.raises(BackupError, match="no verified backup of prod.*unverified: " + first.name):
        newest_verified(store, "prod")
    mark_verified(store, first)
    while int(time.time()) <= named_by:
        time.sleep(0.02)
    take_backup(schema_url, "prod", store, encrypt=False)  # newer, not verified: not chosen
    assert newest_verified(store, "prod") == first.name
    with pytest.raises(BackupError, match="no verified backup of staging"):
        newest_verified(store, "staging")


def test_safer_patterns():
    assert "concurrently" in advice("create unique index x on public.attempts (a)")
    assert "`-- polaris: transaction=false`" in advice("create index x on public.attempts (a)")
    set_not_null = advice("alter table public.attempts alter column response set not null")
    assert "check (col is not null) not valid" in set_not_null and "validate constraint" in set_not_null
    assert set_not_null.index("validate constraint") < set_not_null.index("then `set not null`")
    assert "not valid" in advice("alter table t add constraint c check (response is not null)")  # not "add column"
    volatile = advice("alter table t add column token uuid not null default gen_random_uuid()")
    assert "constant one" in volatile and "validate constraint" in volatile
    assert advice("create index concurrently x on t (a)") is None
    assert "new column of the new type" in advice("alter table t alter column score type numeric(7, 2)")
    assert "validate constraint" in advice("alter table t add constraint c check (score > 0)")
    assert advice("alter table t add constraint c check (score > 0) not valid") is None
    assert "batches" in advice("-- fix\nupdate public.attempts set score = 0")
    assert parse_checks(None) == ("rls", "smoke", "types") and parse_checks("none") == ()


@pytest.mark.parametrize(("args", "message"), [
    ({"flag_rows": "soon"}, "error: --flag-rows must be a number"),
    ({"jobs": "two"}, "error: --jobs must be a whole number"),
    ({"checks": "rls,lint"}, "error: unknown check 'lint'"),
    ({"env": "production"}, "error: unknown environment 'production'"),
])
def test_task_argument_errors_are_one_line_and_exit_2(tmp_path, args, message):
    """The task body in-process: invoke prints the Exit's message on stderr and exits with its code. Through `inv`:
    the exit-7 refusal below, and each of these flags' good values (test_rehearse_end_to_end.py, test_make.py)."""
    store = tmp_path / "empty-store"
    store.mkdir()
    with pytest.raises(Exit) as caught:
        rehearse_task(Context(), from_=str(store), **args)
    text = str(caught.value.message)
    assert caught.value.code == 2 and text.splitlines() == [text] and text.startswith(message)


def test_no_verified_backup_is_one_line_and_exit_7(tmp_path):
    store = tmp_path / "empty-store"
    store.mkdir()
    result = inv("db.rehearse", "--from", str(store))
    assert result.returncode == 7
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: {store}: no verified backup of prod")


def _verdicts(migrations):
    """What was flagged and why, without the measured times."""
    return [(m.migration.filename, s.line, [f.split("; ")[0] for f in s.flags]) for m in migrations
            for s in m.statements]


def _differences(one, other) -> str:
    """The verdicts that differ between two runs (what the assertion prints)."""
    a, b = _verdicts(one), _verdicts(other)
    return "; ".join(f"{x} != {y}" for x, y in zip(a, b) if x != y) or f"{len(a)} statements vs {len(b)}"


def _judged(run, thresholds: Thresholds):
    """The run's measurements judged again under other thresholds, as rehearse() judges its own (flags.flag,
    production's rows from the manifest unless given)."""
    thresholds.production = {**run.manifest.row_counts, **thresholds.production}
    migrations = copy.deepcopy(run.migrations)
    for migration in migrations:
        for statement in migration.statements:
            statement.flags, statement.advice = [], None
        flag(migration, thresholds)
    return migrations


def test_flags_are_the_same_on_every_run_and_follow_the_threshold_not_the_clock(measured, small_backup):
    _, manifest = small_backup
    first, second, production = measured
    assert _verdicts(second.migrations) == _verdicts(first.migrations), \
        _differences(first.migrations, second.migrations)
    rejudged = _judged(first, copy.deepcopy(production.thresholds))  # the first run's measurements, third's limits
    assert _verdicts(production.migrations) == _verdicts(rejudged), _differences(production.migrations, rejudged)
    flagged = [(name, line) for name, line, flags in _verdicts(first.migrations) if flags]
    assert flagged == [(numbered(2, "attempts_add_token.sql"), 2), (numbered(3, "attempts_index_score.sql"), 2)]
    rows = manifest.row_counts["public.attempts"]
    (rewrite,) = _by_file(first)[numbered(2, "attempts_add_token.sql")].flagged
    assert rewrite.flags[0].startswith("AccessExclusiveLock on public.attempts (") and "while it is rewritten" in rewrite.flags[0]
    assert "measured at production size" in rewrite.flags[0] and "blocks reads and writes" in rewrite.flags[0]
    (build,) = _by_file(first)[numbered(3, "attempts_index_score.sql")].flagged
    assert "while index public.attempts_score_idx is built: blocks writes" in build.flags[0]
    assert "-- polaris: transaction=false" in build.advice and "create index concurrently" in build.advice
    # above the table's production size: nothing is flagged, however long anything took
    quiet = _judged(first, Thresholds(rows=rows + 1))
    assert not [s for m in quiet for s in m.flagged]
    # bytes count too: a table of more than 1 MB is large whatever its rows
    by_size = _judged(first, Thresholds(rows=10**9, bytes=1024 ** 2))
    assert [(n, line) for n, line, f in _verdicts(by_size) if f] == flagged


def test_the_time_is_extrapolated_to_production_rows(measured):
    run = measured[2]  # production is larger than this backup: 12M attempts
    (build,) = _by_file(run)[numbered(3, "attempts_index_score.sql")].flagged
    assert "(12M rows," in build.flags[0] and "est. " in build.flags[0] and " at 12M rows" in build.flags[0]
    measured_seconds = float(build.flags[0].split("; ")[1].split(" s measured")[0])
    assert build.seconds == pytest.approx(measured_seconds, abs=0.006)


def test_a_blocking_lock_held_through_a_later_statements_work_is_flagged(small_backup, scratch_here, pending):
    store, _ = small_backup
    run = rehearse("prod", source=store.url, jobs=1, migrations_dir=pending("held_lock"), thresholds=SMALL, checks=())
    note, build = run.migrations[0].statements
    assert note.flags == ["AccessExclusiveLock on public.attempts taken here is held until the commit, while line 4 "
                          "works: blocks reads and writes"]
    assert "move line 4 into a migration of its own" in note.advice
    assert build.flags and "concurrently" in build.advice
