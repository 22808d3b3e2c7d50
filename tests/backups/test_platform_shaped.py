"""A real project's backup, restored where its roles were never seen: backup -> backup-verify -> restore --to
scratch and --to local -> restore-drill -> rehearse, each compared with the source (rows, content, grants,
policies, sequences) and each naming the placeholder roles it had to create (tests/backups/platform_shaped.py).

Runs on the embedded cluster and on the supabase/postgres image (POLARIS_TEST_DATABASE_URL): one server holds
the source, the scratch databases and the "local" target; the roles the fixture created are dropped after the
backup, and again after every step, so each step meets a cluster that lacks them.
"""

from __future__ import annotations

import re

import psycopg
import pytest

from platform_shaped import build, differences, forget_roles, snapshot
from polaris_db.backups.dump import take_backup
from polaris_db.backups.store import open_store
from polaris_db.tasks.backup import backup_verify
from run_inv import inv

SOURCE, LOCAL = "pf_source", "pf_local"
# What the backup's grants and policies name beyond the API roles. The project's own role is unseen everywhere;
# pgsodium's and a newer image's role where the server lacks them (the supabase/postgres image may have them);
# the platform's own where the shim predates them (main's shim lacked supabase_realtime_admin).
NAMED = {"reporting_reader", "pgsodium_keyholder", "supabase_etl_admin", "supabase_read_only_user", "supabase_realtime_admin"}


@pytest.fixture(scope="module")
def platform_backup(cluster, schema_template, tmp_path_factory):
    """(store folder, snapshot of the source, roles the restore side lacks); the source database is gone."""
    store = tmp_path_factory.mktemp("pf-store") / "local"
    created = build(cluster, SOURCE)
    source = snapshot(cluster.url(SOURCE))
    # What `inv db.backup --env local --store <folder>` runs with DATABASE_URL at the source (its CLI: test_end_to_end,
    # test_runbook, storage/test_steps); every later step of the chain restores this backup
    assert take_backup(cluster.url(SOURCE), "local", open_store(str(store))).name.startswith("local-")
    with psycopg.connect(cluster.admin_url("postgres"), autocommit=True) as admin:
        admin.execute(f"drop database {SOURCE} with (force)")
    forget_roles(cluster, created)
    yield store, source, created
    with psycopg.connect(cluster.admin_url("postgres"), autocommit=True) as admin:
        for name in (LOCAL, "polaris_restore_scratch", "polaris_restore_drill", "polaris_rehearse_prod"):
            admin.execute(f"drop database if exists {name} with (force)")
        for (name,) in admin.execute(f"select datname from pg_database where datname like '{LOCAL}_before_%'").fetchall():
            admin.execute(f"drop database {name} with (force)")
    forget_roles(cluster, created)


def _inv(*args, url=None, env=None, fails=False):
    result = inv(*args, url=url, env=env)
    out = result.stdout + result.stderr
    assert (result.returncode != 0) == fails, f"{args}: exit {result.returncode}\n{out[-3000:]}"
    assert "Traceback" not in out
    return out


def _placeholders(out: str) -> set[str]:
    match = re.search(r"NOLOGIN placeholders?[^:]*: ([\w, ]+)", out)
    return set(match[1].replace(" ", "").split(",")) if match else set()


def test_a_real_projects_backup_restores_everywhere_with_nothing_lost(platform_backup, cluster, scratch_on_test_cluster,
                                                                     tmp_path, run_task, capsys):
    store, source, created = platform_backup
    assert "reporting_reader" in created
    unseen = NAMED & set(created)
    latest = f"{store}/latest"
    env = {"POLARIS_SCRATCH_URL": cluster.url("postgres")}

    def check(step: str, out: str, database: str, used: bool = False) -> None:
        assert _placeholders(out) == unseen, f"{step}: placeholders not named:\n{out[-2000:]}"
        lost = differences(source, snapshot(cluster.url(database)), used=used)
        assert not lost, f"{step}: " + "\n".join(lost[:40])
        forget_roles(cluster, created)  # the next step meets a cluster without them again

    # backup-verify's body in-process (`inv db.backup-verify <ref>` runs through the CLI in test_runbook)
    assert run_task(backup_verify, latest) == (0, "")
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "ok local-" in out
    assert unseen == _placeholders(out), out
    forget_roles(cluster, created)

    check("restore --to scratch", _inv("db.restore", "--file", latest, "--to", "scratch", env=env), "polaris_restore_scratch")

    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute(f"drop database if exists {LOCAL} with (force)")
        conn.execute(f"create database {LOCAL}")
    out = _inv("db.restore", "--file", latest, "--to", "local", "--yes", url=cluster.url(LOCAL), env=env)
    check("restore --to local", out, LOCAL)

    reports = tmp_path / "reports"
    out = _inv("db.restore-drill", "--file", latest, "--keep", "--reports", str(reports), env=env)
    drill_report = next(reports.glob("drill-*.md")).read_text()
    assert unseen == _placeholders(drill_report), drill_report
    check("restore-drill", out + drill_report, "polaris_restore_drill", used=True)

    report = tmp_path / "rehearse.md"  # smoke only: the RLS suite's matrix does not know the fixture's extra tables
    out = _inv("db.rehearse", "--env", "prod", "--any-env", "--file", latest, "--keep", "--checks", "smoke", "--report",
               str(report), env=env)
    assert unseen == _placeholders(report.read_text()), report.read_text()
    check("rehearse", out, "polaris_rehearse_prod", used=True)


def test_the_comparison_sees_what_a_restore_could_lose(cluster, schema_template):
    """The helper the chain relies on: a changed row, a lost grant, column grant, policy or default privilege, a
    sequence behind, each named."""
    created = build(cluster, "pf_compare")
    try:
        url = cluster.url("pf_compare")
        before = snapshot(url)
        assert differences(before, snapshot(url)) == []
        with psycopg.connect(cluster.admin_url("pf_compare"), autocommit=True) as conn:
            conn.execute("update public.report_runs set label = 'changed' where id = 1;"
                         " revoke select on public.report_runs from reporting_reader;"
                         " revoke select (label) on public.report_runs from supabase_read_only_user;"
                         " drop policy report_runs_keyholder on public.report_runs;"
                         " alter default privileges for role postgres in schema public revoke select on tables from reporting_reader;"
                         " select setval('public.invoice_number', 1000)")
        lost = "\n".join(differences(before, snapshot(url)))
        for what in ("public.report_runs: source (", "grants: lost ('relation', 'public.report_runs', 'reporting_reader', 'SELECT'",
                     "grants: lost ('column', 'public.report_runs.label', 'supabase_read_only_user'",
                     "policies: lost ('public', 'report_runs', 'report_runs_keyholder'",
                     "default privileges: lost ('postgres', 'public', 'r', 'reporting_reader', 'SELECT')",
                     "sequences: lost ('public.invoice_number', 1010)"):
            assert what in lost, lost
        ahead = {**before, "sequences": [(n, 1015 if n == "public.invoice_number" else v) for n, v in before["sequences"]]}
        assert differences(before, ahead, used=True) == []  # checks ran there: a sequence may only be ahead
    finally:
        with psycopg.connect(cluster.admin_url("postgres"), autocommit=True) as admin:
            admin.execute("drop database if exists pf_compare with (force)")
        forget_roles(cluster, created)
