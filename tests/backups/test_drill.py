"""The restore drill on a real database: every step, the RLS script, the dated report, the exit code."""

import re

import pytest

from polaris_db import shim
from polaris_db.backups.drill import run_drill, write_report
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import load
from polaris_db.backups.store import LocalStore
from run_inv import inv


@pytest.fixture
def tap(tmp_path):
    def script(*lines):
        path = tmp_path / "rls.sql"
        path.write_text("".join(f"\\echo '{line}'\n" for line in lines))
        return path
    return script


def test_drill_passes_and_reports(schema_url, cluster, connect, tmp_path):
    """With the real RLS script (ops/supabase/tests/rls_tests.sql, the drill's default): it passes on the restored
    copy. (Counting the script's checks exactly: test_drill_fails_on_a_failing_rls_check.)"""
    scratch = cluster.url("drill_scratch")
    store = LocalStore(tmp_path / "backups")
    drill = run_drill("local", schema_url, scratch, store)
    assert drill.passed, drill.failures
    names = [step for step, _, _ in drill.steps]
    assert names == ["backup", "fetch and verify", "restore", "row counts", "migration history", "rls script", "drop scratch"]
    checks = re.fullmatch(r"(\d+) checks passed", dict((s, r) for s, r, _ in drill.steps)["rls script"])
    assert checks and int(checks[1]) > 0
    assert load(store, drill.name).verified_at
    exists = "select count(*) from pg_database where datname = 'drill_scratch'"
    assert connect(cluster.url("postgres")).execute(exists).fetchone() == (0,)  # the scratch database is gone
    report = write_report(drill, tmp_path / "reports").read_text()
    assert "Result: **PASS**" in report and "| migration history | " in report and "matches the manifest" in report
    assert "postgres:postgres@" not in report


def test_drill_fails_on_a_failing_rls_check(schema_url, cluster, tmp_path, tap):
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), LocalStore(tmp_path),
                      rls_script=tap("ok 1 - fine", "not ok 2 - learner reads another learner"))
    assert drill.failures == ["rls script: 1 of 2 checks failed: not ok 2 - learner reads another learner"]


def test_missing_rls_script_is_a_failure(schema_url, cluster, tmp_path):
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), LocalStore(tmp_path), rls_script=tmp_path / "absent.sql")
    assert drill.failures == ["rls script: missing (absent.sql not found)"]
    report = write_report(drill, tmp_path / "reports")
    assert report.name.startswith("drill-") and "FAIL (1 failure)" in report.read_text()


def test_drill_from_the_bucket_passes_and_an_edited_manifest_fails_it(schema_url, cluster, s3_store, age_key, tap):
    manifest = take_backup(schema_url, "prod", s3_store)
    drill = run_drill("prod", None, cluster.url("drill_scratch"), s3_store, name=manifest.name, rls_script=tap("ok 1 - x"))
    assert drill.passed, drill.failures
    assert load(s3_store, manifest.name).verified_at
    saved = load(s3_store, manifest.name)
    saved.row_counts["public.coaches"] += 1
    s3_store.put(manifest.name + ".json", saved.to_bytes())
    drill = run_drill("prod", None, cluster.url("drill_scratch"), s3_store, name=manifest.name, rls_script=tap("ok 1 - x"))
    assert len(drill.failures) == 1 and "row_counts differ" in drill.failures[0]
    assert [s for s, _, _ in drill.steps] == ["fetch and verify"]


def test_failing_drill_task_writes_the_report_and_exits_7(schema_url, tmp_path, scratch_on_test_cluster, connect):
    """A backup the drill cannot trust (edited manifest): exit 7, one line, and the report says why."""
    store = LocalStore(tmp_path / "b")
    manifest = take_backup(schema_url, "local", store)
    saved = load(store, manifest.name)
    saved.migrations = saved.migrations[:-1]
    store.put(manifest.name + ".json", saved.to_bytes())
    result = inv("db.restore-drill", "--file", str(tmp_path / "b" / manifest.name), "--reports", str(tmp_path / "r"))
    assert result.returncode == 7 and result.stderr.startswith("error: restore drill failed")
    assert result.stderr.strip().count("\n") == 0
    report = next((tmp_path / "r").glob("drill-*.md")).read_text()
    assert "FAIL (1 failure)" in report and "migrations differ" in report


def test_drill_from_a_platform_like_cluster_as_non_superuser(schema_url, tmp_path, scratch_on_test_cluster, connect):
    """DATABASE_URL as hosted's `postgres`: no superuser, no CREATEDB here, platform roles on the cluster.

    Also the task's contract when the drill passes: exit 0 and one report (the in-process drill with the real RLS
    script as `postgres` is test_drill_passes_and_reports).

    The backup runs as that role; the scratch database goes to the scratch server (the embedded cluster),
    never to DATABASE_URL's, so nothing is created or altered there and the drill passes."""
    with shim.superuser_connection(connect(schema_url)) as admin:
        admin.execute("do $$ begin if not exists (select from pg_roles where rolname = 'hosted_postgres') then"
                      " create role hosted_postgres login password 'hosted-pw' nosuperuser nocreatedb bypassrls;"
                      " end if; end $$")
        admin.execute("grant usage on schema public, auth, storage, supabase_migrations, extensions to hosted_postgres;"
                      " grant select on all tables in schema public, auth, storage, supabase_migrations to hosted_postgres;"
                      " grant select on all sequences in schema public, auth, storage, supabase_migrations to hosted_postgres")
    admin = connect(schema_url)
    roles_before = admin.execute("select rolname, rolsuper, rolconfig::text from pg_roles order by 1").fetchall()
    hosted = schema_url.replace("postgres:postgres@", "hosted_postgres:hosted-pw@")
    result = inv("db.restore-drill", "--store", str(tmp_path / "b"), "--reports", str(tmp_path / "r"), url=hosted)
    assert len(list((tmp_path / "r").glob("drill-*.md"))) == 1  # one report for the day
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr  # the real RLS script passed too
    assert "hosted-pw" not in result.stdout + result.stderr
    assert admin.execute("select rolname, rolsuper, rolconfig::text from pg_roles order by 1").fetchall() == roles_before
