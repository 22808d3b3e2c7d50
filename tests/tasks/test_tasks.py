"""The `inv db.*` commands as a user runs them: exit codes, one-line errors, masked output."""

import json
import re

import pytest

from polaris_db import REPO_ROOT
from polaris_db.migrations import discover
from polaris_db.tasks import cluster, migrate
from run_inv import inv
from run_task import task_run


def history_count(conn):
    if conn.execute("select to_regclass('supabase_migrations.schema_migrations')").fetchone()[0] is None:
        return None
    return conn.execute("select count(*) from supabase_migrations.schema_migrations").fetchone()[0]


def test_unknown_environment_exits_2_with_one_line(capsys):
    result = task_run(migrate.push, capsys, env="qa")  # in-process: tests/run_task.py
    assert result.returncode == 2
    assert result.stderr.strip() == "error: unknown environment 'qa': use one of local, staging, prod"


def test_prod_push_needs_yes_without_a_terminal(empty_url, connect):
    result = inv("db.push", "--env", "prod", env={"SUPABASE_PROD_URL": empty_url})
    if "up to date" in result.stdout:
        pytest.skip("no migrations to push")
    assert result.returncode == 6
    assert "pass --yes" in result.stderr
    assert history_count(connect(empty_url)) is None


def test_remote_reset_needs_confirmation(empty_url, connect):
    connect(empty_url).execute("create table public.keep_me (id int)")
    result = inv("db.reset", "--env", "staging", env={"SUPABASE_STAGING_URL": empty_url})
    assert result.returncode == 6
    assert connect(empty_url).execute("select to_regclass('public.keep_me')").fetchone()[0] is not None


def test_push_dry_run_prints_the_plan_parses_every_file_and_changes_nothing(empty_url, connect):
    result = inv("db.push", "--dry-run", url=empty_url)
    assert result.returncode == 0, result.stderr
    assert re.search(r"dry run: nothing applied \(\d+ file\(s\) parse\)", result.stdout), result.stdout
    assert history_count(connect(empty_url)) is None


def test_status_push_and_list_on_one_database_then_drift_fails_the_list(empty_url, connect, capsys):
    """One database through status (--json), push, migration-list (lines, summary, --json), then a ghost row in
    the history: every output masks the password, the listing fails with exit 3 once the history drifted. The
    push, the text status and the drifted --json listing run in-process (tests/run_task.py), the rest through
    `inv`."""
    def shown(result) -> str:
        assert ":postgres@" not in result.stdout + result.stderr  # the password never shows
        return result.stdout

    before = inv("db.status", "--json", url=empty_url)
    assert before.returncode == 0, before.stderr
    data = json.loads(shown(before))
    assert data["url"].startswith("postgresql://postgres:****@127.0.0.1:")
    assert data["head"] is None and data["pending"] > 30 and data["drift"] == [] and data["embedded"] is False

    push = task_run(migrate.push, capsys, {"DATABASE_URL": empty_url})  # through inv: test_lock_retries.py
    assert push.returncode == 0, push.stderr
    shown(push)
    listing = inv("db.migration-list", url=empty_url)
    assert listing.returncode == 0, listing.stderr
    rows = [line for line in shown(listing).splitlines() if line.strip()[:4].isdigit()]
    assert rows and all(line.rstrip().endswith("applied") for line in rows)
    assert history_count(connect(empty_url)) == len(rows)
    total = len(discover(REPO_ROOT / "ops" / "supabase" / "migrations"))
    assert listing.stdout.rstrip().splitlines()[-1] == f"{total} applied, 0 pending, 0 drifted"
    status = task_run(cluster.status, capsys, {"DATABASE_URL": empty_url})
    assert "****@127.0.0.1" in shown(status)
    data = json.loads(inv("db.migration-list", "--json", url=empty_url).stdout)
    assert (data["applied"], data["pending"], data["drifted"]) == (total, 0, 0)
    assert data["migrations"][0] == {"version": "0001", "local": True, "remote": True, "name": "init",
                                     "status": "applied", "drift": None, "drift_kind": None}

    connect(empty_url).execute(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ('9999', 'ghost', '{}')")
    drifted = inv("db.migration-list", url=empty_url)
    assert drifted.returncode == 3
    assert "DRIFT: applied as 9999_ghost.sql but the file no longer exists locally" in drifted.stdout
    assert "error: migration history drift: 9999" in drifted.stderr
    drifted = task_run(migrate.migration_list, capsys, {"DATABASE_URL": empty_url}, json_=True)
    assert drifted.returncode == 3
    assert json.loads(drifted.stdout)["drifted"] == 1 and drifted.stderr.startswith("error: migration history drift")
