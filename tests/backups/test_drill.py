"""The restore drill on a real database: every step, the RLS script, the dated report, the exit code."""

import os
import subprocess
import sys

import pytest

from polaris_db import REPO_ROOT
from polaris_db.drill import run_drill, write_report
from polaris_db.manifest import Manifest, manifest_path
from polaris_db.rls.script import SCRIPT_PATH


@pytest.fixture
def tap(tmp_path):
    def script(*lines):
        path = tmp_path / "rls.sql"
        path.write_text("".join(f"\\echo '{line}'\n" for line in lines))
        return path
    return script


def test_drill_passes_and_reports(schema_url, cluster, connect, tmp_path, tap):
    scratch = cluster.url("drill_scratch")
    drill = run_drill("local", schema_url, scratch, tmp_path / "backups", rls_script=tap("ok 1 - restored", "ok 2 - rls"))
    assert drill.passed, drill.failures
    names = [step for step, _, _ in drill.steps]
    assert names == ["backup", "verify", "restore", "row counts", "migration history", "rls script"]
    assert dict((s, r) for s, r, _ in drill.steps)["rls script"] == "2 checks passed"
    assert Manifest.load(manifest_path(drill.dump)).verified_at
    exists = "select count(*) from pg_database where datname = 'drill_scratch'"
    assert connect(cluster.url("postgres")).execute(exists).fetchone() == (0,)  # the scratch database is gone
    report = write_report(drill, tmp_path / "reports").read_text()
    assert "Result: **PASS**" in report and "| migration history | " in report and "matches the manifest" in report
    assert "postgres:postgres@" not in report


def test_drill_fails_on_a_failing_rls_check(schema_url, cluster, tmp_path, tap):
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), tmp_path,
                      rls_script=tap("ok 1 - fine", "not ok 2 - learner reads another learner"))
    assert drill.failures == ["rls script: 1 of 2 checks failed: not ok 2 - learner reads another learner"]


def test_missing_rls_script_is_a_failure(schema_url, cluster, tmp_path):
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), tmp_path, rls_script=tmp_path / "absent.sql")
    assert drill.failures == ["rls script: missing (absent.sql not found)"]
    report = write_report(drill, tmp_path / "reports")
    assert report.name.startswith("drill-") and "FAIL (1 failure)" in report.read_text()


def test_drill_reports_lost_rows_and_history_drift(schema_url, cluster, tmp_path, tap):
    from polaris_db.backup import take_backup

    dump, manifest = take_backup(schema_url, "local", tmp_path)
    manifest.row_counts["public.coaches"] += 1
    manifest.migrations = manifest.migrations + ["9999"]
    manifest.save(manifest_path(dump))
    drill = run_drill("local", None, cluster.url("drill_scratch"), tmp_path, file=dump, rls_script=tap("ok 1 - x"))
    assert any(f.startswith("row count: public.coaches: expected") for f in drill.failures)
    assert any("missing ['9999']" in f for f in drill.failures)


@pytest.mark.skipif(not SCRIPT_PATH.exists(), reason="ops/supabase/tests/rls_tests.sql not written yet (issue 4)")
def test_drill_runs_the_real_rls_script(schema_url, cluster, tmp_path):
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), tmp_path)
    assert drill.passed, drill.failures


def test_task_exits_non_zero_and_writes_the_report(schema_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": schema_url}
    result = subprocess.run([sys.executable, "-m", "invoke", "db.restore-drill", "--dir", str(tmp_path / "b"),
                             "--reports", str(tmp_path / "r")], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    reports = list((tmp_path / "r").glob("drill-*.md"))
    assert len(reports) == 1
    if SCRIPT_PATH.exists():
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 7 and "rls script: missing" in result.stderr
        assert result.stderr.strip().count("\n") == 0  # one line
