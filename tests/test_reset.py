"""`db.reset` rebuilds the same database every time, and a Supabase-like target keeps its platform."""

import subprocess

from polaris_db.config import Target
from polaris_db.console import Steps
from polaris_db.database import recreate_database
from polaris_db.psql import split_password
from polaris_db.reset import reset
from polaris_db.server import bin_path


def schema_dump(url):
    clean, password = split_password(url)
    return subprocess.run([bin_path("pg_dump"), "--schema-only", "--no-owner", "--restrict-key=polaris", "-d", clean], check=True,
                          capture_output=True, text=True, env={"PGPASSWORD": password}).stdout


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
    assert [name for name, _, _ in steps.rows] == ["drop public schema", "platform shim", "migrations", "seeds"]


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
