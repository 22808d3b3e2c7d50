"""Rehearsal report fixes (issue 23, point 4): skipped checks are never a PASS, drift names real files, the failing
statement is in its migration's table, report names carry the time, another env's backup needs --any-env."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest

from polaris_db import MIGRATIONS_DIR
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import mark_verified
from polaris_db.backups.store import open_store
from polaris_db.errors import ConfigError, DriftError
from polaris_db.migrations import discover
from polaris_db.rehearse import report
from polaris_db.rehearse.run import rehearse

HEAD_FILE = discover(MIGRATIONS_DIR)[-1]


def test_checks_none_says_skipped_never_pass(small_backup, scratch_here):
    store, _ = small_backup
    run = rehearse("prod", source=store.url, checks=())
    assert run.passed  # nothing failed: exit 0
    assert "PASS" not in report.verdict(run) and "checks skipped" in report.verdict(run)
    assert "PASS" not in report.terminal(run) and "checks skipped" in report.terminal(run)
    assert "PASS" not in report.markdown(run).splitlines()[0]
    partly = rehearse("prod", source=store.url, checks=("smoke",))
    assert report.verdict(partly) == "PASS (smoke; skipped: rls, types)"


@pytest.mark.parametrize("how", ["removed", "renamed"])
def test_drift_against_the_backup_names_the_real_files(small_backup, scratch_here, tmp_path, how):
    store, _ = small_backup
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    (folder / HEAD_FILE.filename).unlink()
    if how == "renamed":
        (folder / f"{HEAD_FILE.version}_something_else.sql").write_text(HEAD_FILE.sql)
    with pytest.raises(DriftError) as caught:
        rehearse("prod", source=store.url, migrations_dir=folder, checks=())
    message = str(caught.value)
    assert "None" not in message and HEAD_FILE.filename in message
    if how == "renamed":
        assert f"{HEAD_FILE.version}_something_else.sql" in message


@pytest.mark.parametrize(("case", "line", "mode"), [
    ("unique_over_duplicates", 4, "ShareLock"),
    ("not_null_over_nulls", 2, "AccessExclusiveLock"),
])
def test_the_failing_statement_is_in_its_migrations_table(small_backup, scratch_here, pending, case, line, mode):
    store, _ = small_backup
    run = rehearse("prod", source=store.url, migrations_dir=pending(case), checks=())
    failed = run.migrations[-1]
    statement = failed.statements[-1]
    assert statement.line == line and statement.error and statement.seconds > 0
    assert any(lock.mode == mode and lock.relation == "public.attempts" for lock in statement.locks)
    row = next(r for r in report.rows(failed) if r[0] == line)
    assert row[-1] == "FAILED" and "public.attempts" in row[4]
    assert f"| {line} | " in report.markdown(run)


def test_report_names_carry_the_time_and_never_overwrite(small_backup, scratch_here, tmp_path):
    store, _ = small_backup
    run = rehearse("prod", source=store.url, checks=())
    when = datetime(2026, 12, 4, 18, 30, 5, tzinfo=timezone.utc)
    first = report.write(run, None, tmp_path, when)
    second = report.write(run, None, tmp_path, when)
    later = report.write(run, None, tmp_path, datetime(2026, 12, 4, 19, 0, 0, tzinfo=timezone.utc))
    assert first.name == "rehearse-prod-20261204T183005Z.md"
    assert len({first, second, later}) == 3 and all(p.exists() for p in (first, second, later))


def test_a_backup_of_another_env_is_refused_unless_any_env(cluster, schema_url, scratch_here, tmp_path):
    store = open_store(str(tmp_path / "store"))
    manifest = take_backup(schema_url, "staging", store, encrypt=False)
    mark_verified(store, manifest)
    ref = f"{store.url}/{manifest.name}"
    with pytest.raises(ConfigError, match=f"{manifest.name} is a backup of staging, not prod.*--any-env"):
        rehearse("prod", file=ref, checks=())
    run = rehearse("prod", file=ref, checks=(), any_env=True)
    assert run.backup == manifest.name and any("staging" in note for note in run.notes)
