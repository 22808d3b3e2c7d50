"""The `inv db.*` commands as a user runs them: exit codes, one-line errors, masked output."""

import pytest

from run_inv import inv


def history_count(conn):
    if conn.execute("select to_regclass('supabase_migrations.schema_migrations')").fetchone()[0] is None:
        return None
    return conn.execute("select count(*) from supabase_migrations.schema_migrations").fetchone()[0]


def test_push_dry_run_prints_the_plan_and_changes_nothing(empty_url, connect):
    result = inv("db.push", "--dry-run", url=empty_url)
    assert result.returncode == 0, result.stderr
    assert "dry run: nothing applied" in result.stdout or "up to date" in result.stdout
    assert history_count(connect(empty_url)) is None


def test_push_then_list_shows_everything_applied(empty_url, connect):
    assert inv("db.push", url=empty_url).returncode == 0
    listing = inv("db.migration-list", url=empty_url)
    assert listing.returncode == 0, listing.stderr
    rows = [line for line in listing.stdout.splitlines() if line.strip()[:4].isdigit()]
    assert rows and all(line.rstrip().endswith("applied") for line in rows)
    assert history_count(connect(empty_url)) == len(rows)


def test_output_never_shows_the_password(empty_url):
    for args in (("db.push",), ("db.status",), ("db.migration-list",)):
        result = inv(*args, url=empty_url)
        assert ":postgres@" not in result.stdout + result.stderr
    assert "****@127.0.0.1" in inv("db.status", url=empty_url).stdout


def test_unreachable_database_is_one_masked_line(cluster):
    result = inv("db.status", url="postgresql://postgres:Sup3rSecret@127.0.0.1:9/postgres")
    assert result.returncode == 5
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: cannot connect to")
    assert "Sup3rSecret" not in result.stdout + result.stderr


def test_unknown_environment_exits_2_with_one_line():
    result = inv("db.push", "--env", "qa")
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


def test_drift_makes_migration_list_fail(empty_url, connect):
    assert inv("db.push", url=empty_url).returncode == 0
    connect(empty_url).execute(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ('9999', 'ghost', '{}')")
    result = inv("db.migration-list", url=empty_url)
    assert result.returncode == 3
    assert "DRIFT: applied as 9999_ghost.sql but the file no longer exists locally" in result.stdout
    assert "error: migration history drift: 9999" in result.stderr
