"""Install the Supabase platform shim on local and test databases, never on hosted ones.

Two parts, detected apart: the cluster's roles (`roles.sql`, once per cluster, never where the
platform roles exist) and one database's schemas (`shim.sql`: auth, storage, extensions, the
grants and default privileges of `public`, the supautils emulation). Both need a superuser; the
caller's connection is usually the non-superuser `postgres`, so the installer connects as the
cluster's superuser `supabase_admin` with the same password (the embedded cluster and the
supabase/postgres image both work that way), or uses the caller's connection when it is one.
"""

from __future__ import annotations

from contextlib import contextmanager
from importlib.resources import files

import psycopg

from ..config import mask
from ..errors import ConfigError

SHIM_SQL = files(__package__).joinpath("shim.sql")
ROLES_SQL = files(__package__).joinpath("roles.sql")
SUPERUSER = "supabase_admin"
PLATFORM_ROLES = ("anon", "authenticated", "service_role", "authenticator",
                  "supabase_auth_admin", "supabase_storage_admin")

_ROLES_CHECK = "select count(*) = %s from pg_roles where rolname = any(%s)"
_SCHEMAS_CHECK = "select to_regclass('auth.users') is not null"
# A real platform (supabase/postgres image, local stack, hosted): its superuser exists as such.
_REAL_PLATFORM_CHECK = f"""
select exists (select 1 from pg_roles where rolname = '{SUPERUSER}' and rolsuper)
   and exists (select 1 from pg_roles where rolname = 'supabase_auth_admin')
   and to_regclass('auth.users') is not null
   and to_regnamespace('polaris_supautils') is null
"""


def has_platform_roles(conn: psycopg.Connection) -> bool:
    return conn.execute(_ROLES_CHECK, (len(PLATFORM_ROLES), list(PLATFORM_ROLES))).fetchone()[0]


def has_platform_schemas(conn: psycopg.Connection) -> bool:
    return conn.execute(_SCHEMAS_CHECK).fetchone()[0]


def has_real_platform(conn: psycopg.Connection) -> bool:
    return conn.execute(_REAL_PLATFORM_CHECK).fetchone()[0]


def is_superuser(conn: psycopg.Connection) -> bool:
    return conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()[0]


def superuser_conninfo(conn: psycopg.Connection) -> dict:
    """Where the same server's superuser is: same host, port, database and password."""
    info = conn.info
    return {"host": info.host, "port": info.port, "dbname": info.dbname, "user": SUPERUSER,
            "password": info.password or None, "connect_timeout": 10, "autocommit": True}


@contextmanager
def superuser_connection(conn: psycopg.Connection):
    if is_superuser(conn):
        yield conn
        return
    params = superuser_conninfo(conn)
    try:
        admin = psycopg.connect(**params)
    except psycopg.OperationalError as error:
        reason = mask(str(error).strip().splitlines()[-1] if str(error).strip() else "connection failed")
        raise ConfigError(f"the Supabase shim needs the superuser {SUPERUSER} on {params['host']}:{params['port']} "
                          f"(same password as {conn.info.user}): {reason}") from None
    try:
        yield admin
    finally:
        admin.close()


# What the platform's default privileges gave the API roles on everything `postgres` created in public until
# 2026-10-30 (changelog 45329); objects created before then keep those grants on hosted. `postgres` may run
# this itself (its own default privileges): tests use it to build a database as an older project's is.
PRE_2026_DEFAULT_PRIVILEGES = """
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
"""


def install_roles(admin: psycopg.Connection) -> bool:
    """Create the platform roles where the cluster lacks them; True when it did."""
    if has_platform_roles(admin):
        return False
    with admin.transaction():
        admin.execute(ROLES_SQL.read_text(encoding="utf-8").encode())
    return True


def install(conn: psycopg.Connection, env: str) -> str:
    """Roles (once per cluster) and schemas (once per database); return what happened."""
    if env != "local":
        raise ConfigError(f"the Supabase shim is for local and test databases only, not {env!r}")
    if has_platform_schemas(conn):
        return "skipped: Supabase platform present" + (" (real)" if has_real_platform(conn) else "")
    with superuser_connection(conn) as admin:
        admin.autocommit = True
        install_roles(admin)
        with admin.transaction():
            admin.execute(SHIM_SQL.read_text(encoding="utf-8").encode())
    return "installed"
