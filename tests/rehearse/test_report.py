"""Rehearsal report fixes (issue 23, point 4): skipped checks are never a PASS, drift names real files, report names
carry the time, another env's backup needs --any-env. (The failing statement in its migration's table:
test_rehearse.py, on the same failing rehearsals that check file:line.)"""

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


@pytest.fixture(scope="module")
def staging_backup(cluster, schema_template, tmp_path_factory):
    """(ref, manifest): a verified backup of staging (the schema and seeds), another environment than prod."""
    store = open_store(str(tmp_path_factory.mktemp("staging") / "store"))
    manifest = take_backup(cluster.url(schema_template), "staging", store, encrypt=False)
    mark_verified(store, manifest)
    return f"{store.url}/{manifest.name}", manifest


@pytest.fixture(scope="module")
def unchecked(staging_backup, scratch_module):
    """prod rehearsed on staging's backup (--any-env): nothing pending, --checks none. Read by the tests below."""
    ref, _ = staging_backup
    return rehearse("prod", file=ref, checks=(), any_env=True, jobs=1)


def test_checks_none_says_skipped_never_pass(unchecked):
    run = unchecked
    assert run.passed  # nothing failed: exit 0
    assert "PASS" not in report.verdict(run) and "checks skipped" in report.verdict(run)
    assert "PASS" not in report.terminal(run) and "checks skipped" in report.terminal(run)
    assert "PASS" not in report.markdown(run).splitlines()[0]
    # some checks run: "PASS (smoke; skipped: rls, types)" (test_rehearse.py, on the read-only target's rehearsal)


@pytest.mark.parametrize("how", ["removed", "renamed"])
def test_drift_against_the_backup_names_the_real_files(small_backup, scratch_here, tmp_path, how):
    store, _ = small_backup
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    (folder / HEAD_FILE.filename).unlink()
    if how == "renamed":
        (folder / f"{HEAD_FILE.version}_something_else.sql").write_text(HEAD_FILE.sql)
    with pytest.raises(DriftError) as caught:
        rehearse("prod", source=store.url, jobs=1, migrations_dir=folder, checks=())
    message = str(caught.value)
    assert "None" not in message and HEAD_FILE.filename in message
    if how == "renamed":
        assert f"{HEAD_FILE.version}_something_else.sql" in message


def test_report_names_carry_the_time_and_never_overwrite(unchecked, tmp_path):
    run = unchecked
    when = datetime(2026, 12, 4, 18, 30, 5, tzinfo=timezone.utc)
    first = report.write(run, None, tmp_path, when)
    second = report.write(run, None, tmp_path, when)
    later = report.write(run, None, tmp_path, datetime(2026, 12, 4, 19, 0, 0, tzinfo=timezone.utc))
    assert first.name == "rehearse-prod-20261204T183005Z.md"
    assert len({first, second, later}) == 3 and all(p.exists() for p in (first, second, later))


def test_a_backup_of_another_env_is_refused_unless_any_env(staging_backup, unchecked, scratch_here):
    ref, manifest = staging_backup
    with pytest.raises(ConfigError, match=f"{manifest.name} is a backup of staging, not prod.*--any-env"):
        rehearse("prod", file=ref, checks=())
    run = unchecked  # the same with --any-env
    assert run.backup == manifest.name and any("staging" in note for note in run.notes)
