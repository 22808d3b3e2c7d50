"""The Supabase shim: the hosted privilege model, faithful where a test can tell, a no-op on the platform."""

import psycopg
import pytest

from polaris_db import shim
from polaris_db.errors import ConfigError

IS_SUPERUSER = "select rolsuper from pg_roles where rolname = current_user"


def test_shim_is_idempotent_and_skipped_once_installed(empty_url, connect):
    conn = connect(empty_url)
    assert shim.install(conn, "local").startswith("skipped")
    with shim.superuser_connection(conn) as admin, admin.transaction():
        admin.execute(shim.SHIM_SQL.read_text().encode())  # the file itself runs twice cleanly
    assert conn.execute("select count(*) from storage.buckets").fetchone()[0] == 0


def test_migrations_connect_as_a_non_superuser_postgres(schema_url, empty_url, connect):
    for url in (schema_url, empty_url):
        conn = connect(url)
        assert conn.execute("select current_user::text").fetchone()[0] == "postgres"
        assert conn.execute(IS_SUPERUSER).fetchone()[0] is False


def test_roles_have_supabase_attributes(empty_url, connect):
    rows = {name: flags for name, *flags in connect(empty_url).execute(
        "select rolname, rolcanlogin, rolinherit, rolbypassrls from pg_roles "
        "where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')").fetchall()}
    rows = {name: tuple(flags) for name, flags in rows.items()}
    assert rows == {"anon": (False, True, False), "authenticated": (False, True, False),
                    "service_role": (False, True, True), "authenticator": (True, False, False)}


def test_postgres_has_hosted_attributes_and_memberships(empty_url, connect):
    conn = connect(empty_url)
    attributes = conn.execute("select rolsuper, rolcreatedb, rolcreaterole, rolcanlogin, rolreplication, rolbypassrls "
                              "from pg_roles where rolname = 'postgres'").fetchone()
    assert attributes == (False, True, True, True, True, True)
    memberships = dict(conn.execute(
        "select r.rolname::text, m.admin_option from pg_auth_members m join pg_roles r on r.oid = m.roleid "
        "where m.member = 'postgres'::regrole and (r.rolname like any (array['pg\\_%%', 'supabase\\_%%']) "
        "or r.rolname in ('anon', 'authenticated', 'service_role', 'authenticator'))").fetchall())
    assert memberships == {"anon": True, "authenticated": True, "service_role": True,
                           "pg_read_all_data": False, "pg_signal_backend": False, "pg_monitor": False}
    assert conn.execute("select setconfig from pg_db_role_setting where setrole = 'postgres'::regrole").fetchone() == (
        ['search_path="$user", public, extensions'],)
    assert conn.execute("select count(*) from pg_db_role_setting where setrole = 0").fetchone()[0] == 0


def test_public_schema_as_the_platform_leaves_it(empty_url, connect):
    conn = connect(empty_url)
    owner, acl = conn.execute("select nspowner::regrole::text, nspacl::text[] from pg_namespace "
                              "where nspname = 'public'").fetchone()
    assert owner == "pg_database_owner"
    for grantee in ("anon", "authenticated", "service_role", "postgres"):  # USAGE only (the image adds realtime's)
        assert f"{grantee}=U/pg_database_owner" in acl, acl
    assert "=U/pg_database_owner" in acl
    defaults = conn.execute(
        "select defaclrole::regrole::text, defaclobjtype::text, grantee::regrole::text, "
        "string_agg(privilege_type, ',' order by privilege_type) "
        "from pg_default_acl d, aclexplode(d.defaclacl) where defaclnamespace = 'public'::regnamespace "
        "and grantee::regrole::text in ('anon', 'authenticated', 'service_role') group by 1, 2, 3").fetchall()
    held = {(grantor, kind, grantee): privileges for grantor, kind, grantee, privileges in defaults}
    api = ("anon", "authenticated", "service_role")
    # Today's platform ("Default privileges for new entities" off, changelog 45329): postgres's defaults keep
    # only what the Data API never uses; supabase_admin's are the old ALL (postgres cannot change them).
    table_rest = {"REFERENCES", "TRIGGER", "TRUNCATE"} | ({"MAINTAIN"} if conn.info.server_version >= 170000 else set())
    for role in api:
        assert set(held.pop(("postgres", "r", role)).split(",")) == table_rest
        assert held.pop(("postgres", "S", role)) == "UPDATE"
        assert ("postgres", "f", role) not in held
        assert held.pop(("supabase_admin", "f", role)) == "EXECUTE"
        assert held.pop(("supabase_admin", "S", role)) == "SELECT,UPDATE,USAGE"
        assert "SELECT" in held.pop(("supabase_admin", "r", role)).split(",")
    assert held == {}
    # A table postgres creates in public is invisible to the API until a migration grants it.
    conn.execute("create table public.t_new_default (id int)")
    assert conn.execute("select has_table_privilege(r, 'public.t_new_default', 'select') from "
                        "unnest(array['anon', 'authenticated', 'service_role']) r").fetchall() == [(False,)] * 3


def test_auth_and_storage_tables_match_the_platform(empty_url, connect):
    conn = connect(empty_url)
    owners = dict(conn.execute("select oid::regclass::text, relowner::regrole::text from pg_class "
                               "where oid in ('auth.users'::regclass, 'storage.objects'::regclass)").fetchall())
    assert owners == {"auth.users": "supabase_auth_admin", "storage.objects": "supabase_storage_admin"}
    with pytest.raises(psycopg.errors.CheckViolation, match="users_email_change_confirm_status_check"):
        conn.execute("insert into auth.users (id, email_change_confirm_status) values (gen_random_uuid(), 3)")
    conn.execute("insert into auth.users (id, confirmation_token) values (gen_random_uuid(), 'tok')")
    with pytest.raises(psycopg.errors.UniqueViolation, match="confirmation_token_idx"):
        conn.execute("insert into auth.users (id, confirmation_token) values (gen_random_uuid(), 'tok')")
    assert conn.execute("select enum_range(null::storage.buckettype)::text").fetchone()[0] == "{STANDARD,ANALYTICS,VECTOR}"
    with pytest.raises(psycopg.errors.RaiseException, match="too long"):
        conn.execute("insert into storage.buckets (id, name) values ('b', repeat('x', 101))")
    conn.execute("insert into storage.buckets (id, name) values ('b', 'b')")
    assert conn.execute("select versioning_status, type::text from storage.buckets").fetchone() == ("DISABLED", "STANDARD")
    conn.execute("insert into storage.objects (bucket_id, name, updated_at) values ('b', 'x', '2020-01-01')")
    conn.execute("update storage.objects set name = 'y'")
    assert conn.execute("select updated_at > now() - interval '1 minute', is_versioned, is_delete_marker "
                        "from storage.objects").fetchone() == (True, False, False)
    assert conn.execute("select conname::text from pg_constraint where conrelid = 'storage.objects'::regclass "
                        "and contype = 'f'").fetchone()[0] == "objects_bucketId_fkey"


@pytest.mark.parametrize("statement, message", [
    ("alter table auth.users add column nickname text", "must be owner of table users"),
    ("create function auth.x() returns int language sql as 'select 1'", "permission denied for schema auth"),
    ("alter role authenticator set statement_timeout = '1s'", "permission denied to alter role"),
    ("alter table storage.objects add column note text", "must be owner of table objects"),
    ("create extension pageinspect", 'permission denied to create extension "pageinspect"'),
    ("create table public.t (id int); alter default privileges for role supabase_admin grant select on tables to anon",
     "permission denied to change default privileges"),
])
def test_what_hosted_refuses_postgres_is_refused(empty_url, connect, statement, message):
    conn = connect(empty_url)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=message):
        conn.execute(statement)


def test_supautils_allowances_and_nothing_left_behind(bare_url, empty_url, connect):
    conn = connect(empty_url)
    conn.execute("create extension if not exists vector with schema extensions")
    conn.execute("create policy p on storage.objects for select to authenticated using (owner = auth.uid())")
    conn.execute("alter policy p on storage.objects using (true)")
    conn.execute("drop policy p on storage.objects")
    conn.execute("drop policy if exists p on storage.objects")
    conn.execute("create function public.on_signup() returns trigger language plpgsql as 'begin return new; end'")
    conn.execute("create trigger on_signup after insert on auth.users for each row execute function public.on_signup()")
    conn.execute("drop trigger on_signup on auth.users")  # drop_trigger_grants
    conn.execute("create policy p on auth.users for select to authenticated using (id = auth.uid())")
    conn.execute("insert into storage.buckets (id, name) values ('b', 'b')")
    conn.execute("set session_replication_role = replica; reset session_replication_role")
    assert conn.execute(IS_SUPERUSER).fetchone()[0] is False
    assert conn.execute("select pg_has_role('postgres', 'supabase_storage_admin', 'member'), "
                        "pg_has_role('postgres', 'supabase_auth_admin', 'member')").fetchone() == (False, False)
    assert conn.execute("select extowner::regrole::text from pg_extension where extname = 'vector'").fetchone()[0] == "postgres"
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
        conn.execute("alter table storage.objects add column note text")


def test_roles_are_left_alone_where_they_exist(bare_url, connect):
    """A fresh database on a cluster with the platform roles gets the schemas; no role is touched."""
    conn = connect(bare_url)
    roles = "select rolname::text, xmin::text from pg_authid order by 1"
    with shim.superuser_connection(conn) as admin:
        before = admin.execute(roles).fetchall()
    assert shim.install(conn, "local") == "installed"
    with shim.superuser_connection(conn) as admin:
        assert admin.execute(roles).fetchall() == before
    assert conn.execute("select to_regclass('storage.objects') is not null").fetchone()[0]


def test_no_op_where_the_platform_schemas_exist(bare_url, connect):
    conn = connect(bare_url)
    with shim.superuser_connection(conn) as admin:
        admin.execute("create schema auth; create table auth.users (id uuid primary key)")
    assert shim.install(conn, "local").startswith("skipped")
    assert conn.execute("select to_regnamespace('storage')").fetchone()[0] is None


@pytest.mark.parametrize("env", ["staging", "prod"])
def test_never_applied_to_hosted_targets(bare_url, connect, env):
    with pytest.raises(ConfigError, match="local and test databases only"):
        shim.install(connect(bare_url), env)


def test_a_missing_superuser_is_one_clear_line(bare_url, connect):
    conn = connect(bare_url)
    conn.execute("create role shim_probe login password 'probe'")
    try:
        probe = connect(bare_url.replace("postgres:postgres@", "shim_probe:probe@", 1))
        with pytest.raises(ConfigError, match="needs the superuser supabase_admin on 127.0.0.1:") as raised:
            shim.install(probe, "local")
        assert "probe" not in str(raised.value).replace("shim_probe", "")
        probe.close()
    finally:
        conn.execute("drop role shim_probe")


def test_policies_only_on_the_tables_hosted_lists(empty_url, connect):
    """supautils.policy_grants names auth.users and the storage tables, not every platform table."""
    conn = connect(empty_url)
    with shim.superuser_connection(conn) as admin:
        admin.execute("create table auth.flow_state (id uuid primary key); "
                      "alter table auth.flow_state owner to supabase_auth_admin")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner of table auth.flow_state"):
        conn.execute("create policy p on auth.flow_state for select using (true)")
    assert conn.execute("select count(*) from pg_policies where tablename = 'flow_state'").fetchone()[0] == 0
    assert conn.execute("select pg_has_role('postgres', 'supabase_auth_admin', 'member')").fetchone()[0] is False


HOSTED_SET = {  # ../shared/design/supabase-platform.md, "The whole hosted role set": login, inherit, createrole, replication, bypassrls
    "supabase_storage_admin": (True, False, True, False, False),
    "supabase_functions_admin": (True, False, True, False, False),
    "supabase_realtime_admin": (True, False, True, True, False),
    "supabase_replication_admin": (True, True, False, True, False),
    "supabase_read_only_user": (True, True, False, False, True),
    "dashboard_user": (False, True, True, True, False),
    "pgbouncer": (True, True, False, False, False),
}


def test_the_whole_hosted_role_set_with_its_attributes(empty_url, connect):
    conn = connect(empty_url)
    rows = {name: tuple(flags) for name, *flags in conn.execute(
        "select rolname::text, rolcanlogin, rolinherit, rolcreaterole, rolreplication, rolbypassrls from pg_roles"
        " where rolname = any(%s)", (list(HOSTED_SET),)).fetchall()}
    assert rows == HOSTED_SET
    assert conn.execute("select rolcreatedb from pg_roles where rolname = 'dashboard_user'").fetchone() == (True,)
    assert conn.execute("select pg_has_role('supabase_read_only_user', 'pg_read_all_data', 'member')").fetchone() == (True,)
    assert conn.execute("select pg_has_role('supabase_realtime_admin', r, 'member') from unnest(array['anon', "
                        "'authenticated', 'service_role']) r").fetchall() == [(True,)] * 3
    assert conn.execute("select has_database_privilege('supabase_realtime_admin', 'postgres', 'create'), "
                        "has_schema_privilege('supabase_realtime_admin', 'public', 'create'), "
                        "has_schema_privilege('supabase_realtime_admin', 'public', 'usage')").fetchone() == (True,) * 3
    assert "supabase_realtime_admin=UC/pg_database_owner" in conn.execute(
        "select nspacl::text[] from pg_namespace where nspname = 'public'").fetchone()[0]
