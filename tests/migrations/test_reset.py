"""`db.reset` rebuilds the same database every time, and a Supabase-like target keeps its platform."""

import subprocess
import threading
import time
from pathlib import Path

import psycopg
import pytest

from polaris_db.cluster import bin_path
from polaris_db.config import Target
from polaris_db.console import Steps
from polaris_db.database import database_name, recreate_database
from polaris_db.errors import MigrationFailed
from polaris_db.migrations import reset as reset_module
from polaris_db.migrations.history import LOCK_KEY
from polaris_db.migrations.reset import reset
from polaris_db.psql import split_password
from polaris_db.tasks import cluster as cluster_tasks

from run_inv import inv
from run_task import task_run

FIXTURES = Path(__file__).parents[1] / "fixtures" / "migrations"


def schema_dump(url):
    clean, password = split_password(url)
    return subprocess.run([bin_path("pg_dump"), "--schema-only", "--no-owner", "--restrict-key=polaris", "-d", clean], check=True,
                          capture_output=True, text=True, env={"PGPASSWORD": password}, timeout=120).stdout


def row_counts(conn):
    tables = conn.execute("select format('%I.%I', schemaname, tablename) from pg_tables "
                          "where schemaname in ('public', 'storage', 'supabase_migrations') order by 1").fetchall()
    return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for (t,) in tables}


def test_reset_twice_gives_the_same_database(empty_url, connect):
    steps = Steps()
    reset(Target("local", empty_url), steps)
    first_schema, first_rows = schema_dump(empty_url), row_counts(connect(empty_url))
    reset(Target("local", empty_url), Steps())
    assert schema_dump(empty_url) == first_schema
    assert row_counts(connect(empty_url)) == first_rows
    assert [name for name, _, _ in steps.rows] == ["check files", "clean project objects", "platform shim", "migrations", "seeds"]


def test_reset_keeps_auth_users_on_a_platform_database(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'someone@example.com')")
    conn.execute("create table public.scratch (id int)")
    reset(Target("local", empty_url), Steps())
    assert conn.execute("select count(*) from auth.users").fetchone()[0] == 1
    assert conn.execute("select to_regclass('public.scratch')").fetchone()[0] is None


def test_recreate_database_starts_from_nothing(bare_url, connect):
    with connect(bare_url) as conn:
        conn.execute("create table leftover (id int)")
    recreate_database(bare_url)
    assert connect(bare_url).execute("select to_regclass('leftover')").fetchone()[0] is None


PUBLIC_SNAPSHOT = """
select n.nspowner::regrole::text, n.nspacl::text,
       (select array_agg(format('%s %s %s', d.defaclrole::regrole, d.defaclobjtype, d.defaclacl) order by 1, 2)
        from pg_default_acl d where d.defaclnamespace = n.oid)
from pg_namespace n where n.nspname = 'public'
"""


def test_reset_on_a_platform_database_leaves_public_itself_alone(empty_url, connect):
    """Owner, ACL and both grantors' default privileges of `public` survive; what migrations made is rebuilt."""
    conn = connect(empty_url)
    before = conn.execute(PUBLIC_SNAPSHOT).fetchone()
    assert before[0] == "pg_database_owner" and "supabase_admin" in str(before[2])
    reset(Target("local", empty_url), Steps(), seeds=False)
    conn.execute("create type public.mood as enum ('ok'); create function public.extra() returns int language sql as 'select 1'")
    policies = conn.execute("select count(*) from pg_policies where schemaname = 'storage'").fetchone()[0]
    reset(Target("local", empty_url), Steps(), seeds=False)
    assert conn.execute(PUBLIC_SNAPSHOT).fetchone() == before
    assert conn.execute("select to_regtype('public.mood'), to_regprocedure('public.extra()')").fetchone() == (None, None)
    assert conn.execute("select count(*) from pg_policies where schemaname = 'storage'").fetchone()[0] == policies > 0
    assert conn.execute("select count(*) from pg_trigger where tgname = 'on_auth_user_created'").fetchone()[0] == 1


@pytest.mark.parametrize("statement", [
    "alter table auth.users add column nickname text;",
    "create function auth.x() returns int language sql as 'select 1';",
    "alter role authenticator set statement_timeout = '1s';",
])
def test_a_migration_needing_more_than_hosted_fails_with_file_and_line(empty_url, tmp_path, monkeypatch, statement):
    """The migration alone (the platform's objects it touches are the shim's): not after a replay of all of ours."""
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "0999_needs_superuser.sql").write_text(f"-- migration: 0999_needs_superuser\n\n{statement}\n")
    monkeypatch.setattr(reset_module, "MIGRATIONS_DIR", migrations)
    with pytest.raises(MigrationFailed, match=r"0999_needs_superuser\.sql:3: (must be owner|permission denied)"):
        reset(Target("local", empty_url), Steps(), seeds=False, cache=False)


def test_migrations_run_as_a_non_superuser(empty_url, tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "0999_who_am_i.sql").write_text(
        "create table public.who_ran_migrations as select current_user::text as name, rolsuper as superuser\n"
        "from pg_roles where rolname = current_user;\n")
    monkeypatch.setattr(reset_module, "MIGRATIONS_DIR", migrations)
    reset(Target("local", empty_url), Steps(), seeds=False, cache=False)
    with psycopg.connect(empty_url) as conn:
        assert conn.execute("select name, superuser from public.who_ran_migrations").fetchone() == ("postgres", False)


def test_reset_waits_for_the_lock_a_push_holds(empty_url, connect):
    """Before the lock, a reset cleaned the database under a running push (which then blamed a good migration)."""
    pusher = connect(empty_url)
    pusher.execute("create table public.in_flight (id int)")  # what the running push is building
    pusher.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))  # what db.push holds while it applies
    done = threading.Event()
    worker = threading.Thread(target=lambda: (reset(Target("local", empty_url), Steps(), seeds=False), done.set()))
    worker.start()
    observer = connect(empty_url)
    try:
        for _ in range(600):  # until the reset is seen queued on the lock (not a fixed sleep)
            if observer.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted").fetchone()[0]:
                break
            assert not done.is_set(), "reset ran while a push held the migration lock"
            time.sleep(0.05)
        else:
            raise AssertionError("the reset never queued on the migration lock")
        assert not done.is_set()
        assert observer.execute("select to_regclass('public.in_flight')").fetchone()[0] is not None
    finally:
        pusher.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
    worker.join(timeout=240)
    assert done.is_set()
    assert reset_module.incomplete_since(connect(empty_url)) is None


def test_two_embedded_resets_take_turns_on_a_file_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(reset_module, "STATE_DIR", tmp_path)
    embedded = Target("local", None)
    second_in = threading.Event()

    def second():
        with reset_module.reset_lock(embedded, ""):
            second_in.set()

    with reset_module.reset_lock(embedded, ""):
        worker = threading.Thread(target=second)
        worker.start()
        assert not second_in.wait(1)
    worker.join(timeout=10)
    assert second_in.is_set()


def test_a_failed_reset_says_the_database_is_incomplete_and_status_repeats_it(empty_url, monkeypatch, capsys):
    monkeypatch.setattr(reset_module, "MIGRATIONS_DIR", FIXTURES / "failing")
    name = database_name(empty_url)
    with pytest.raises(MigrationFailed, match=rf"0002_half_applied\.sql:\d+: .*reset incomplete: database {name} is "
                                              r"half-built, run `inv db.reset` again"):
        reset(Target("local", empty_url), Steps(), seeds=False)
    status = inv("db.status", url=empty_url)
    assert status.returncode == 4
    assert status.stderr.strip().startswith(f"error: database {name} ")
    assert "is incomplete: a reset started" in status.stderr and "run `inv db.reset`" in status.stderr
    monkeypatch.undo()
    reset(Target("local", empty_url), Steps(), seeds=False)
    assert task_run(cluster_tasks.status, capsys, {"DATABASE_URL": empty_url}).returncode == 0  # in-process (tests/run_task.py)
