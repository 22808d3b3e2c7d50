"""The Supabase shim: faithful where needed, a no-op on the real platform, refused for hosted targets."""

import psycopg
import pytest

from polaris_db import platform
from polaris_db.errors import ConfigError


def test_shim_is_idempotent(empty_url, connect):
    conn = connect(empty_url)
    assert platform.install(conn, "local") == "installed"
    assert conn.execute("select count(*) from storage.buckets").fetchone()[0] == 0


def test_roles_have_supabase_attributes(empty_url, connect):
    rows = {name: flags for name, *flags in connect(empty_url).execute(
        "select rolname, rolcanlogin, rolinherit, rolbypassrls from pg_roles "
        "where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')").fetchall()}
    rows = {name: tuple(flags) for name, flags in rows.items()}
    assert rows == {"anon": (False, True, False), "authenticated": (False, True, False),
                    "service_role": (False, True, True), "authenticator": (True, False, False)}


def test_auth_helpers_read_claims_like_postgrest(empty_url, connect):
    conn = connect(empty_url)
    with conn.transaction(force_rollback=True):
        conn.execute("set local role authenticated")
        conn.execute("""select set_config('request.jwt.claims',
                        '{"sub": "8d0fd2b3-9ca7-4e9e-a754-84c5b9a3e1f1", "role": "authenticated", "email": "a@example.com"}', true)""")
        assert conn.execute("select auth.uid()::text, auth.role(), auth.email(), auth.jwt() ->> 'role'").fetchone() == (
            "8d0fd2b3-9ca7-4e9e-a754-84c5b9a3e1f1", "authenticated", "a@example.com", "authenticated")


def test_storage_path_helpers(empty_url, connect):
    row = connect(empty_url).execute(
        "select storage.foldername('u1/rec/take.webm'), storage.filename('u1/rec/take.webm'), storage.extension('u1/rec/take.webm')"
    ).fetchone()
    assert row == (["u1", "rec"], "take.webm", "webm")


def test_sql_deletes_on_storage_need_the_storage_api_flag(empty_url, connect):
    conn = connect(empty_url)
    conn.execute("insert into storage.buckets (id, name) values ('b', 'b')")
    conn.execute("insert into storage.objects (bucket_id, name) values ('b', 'u1/x.txt')")
    for table in ("storage.objects", "storage.buckets"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Use the Storage API"):
            conn.execute(f"delete from {table} where false")  # statement-level: refused even for 0 rows
    with conn.transaction():
        conn.execute("select set_config('storage.allow_delete_query', 'true', true)")
        assert conn.execute("delete from storage.objects where bucket_id = 'b'").rowcount == 1
        assert conn.execute("delete from storage.buckets where id = 'b'").rowcount == 1


def test_no_op_where_the_real_platform_exists(bare_url, connect):
    conn = connect(bare_url)
    conn.execute("create schema auth; create table auth.users (id uuid primary key)")
    conn.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'supabase_admin') "
                 "then create role supabase_admin; end if; end $$")
    try:
        assert platform.install(conn, "local").startswith("skipped")
        assert conn.execute("select to_regnamespace('storage')").fetchone()[0] is None
    finally:
        conn.execute("drop role supabase_admin")


@pytest.mark.parametrize("env", ["staging", "prod"])
def test_never_applied_to_hosted_targets(bare_url, connect, env):
    with pytest.raises(ConfigError, match="local and test databases only"):
        platform.install(connect(bare_url), env)
