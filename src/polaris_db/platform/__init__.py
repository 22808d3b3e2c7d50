"""Install the Supabase platform shim on local and test databases, never on hosted ones."""

from __future__ import annotations

from importlib.resources import files

import psycopg

from ..errors import ConfigError

SHIM_SQL = files(__package__).joinpath("shim.sql")

# Roles only the real platform (supabase/postgres image, local stack, hosted) creates.
_REAL_PLATFORM_CHECK = """
select exists (select 1 from pg_roles where rolname in ('supabase_admin', 'supabase_auth_admin'))
   and to_regclass('auth.users') is not null
"""


def has_real_platform(conn: psycopg.Connection) -> bool:
    return conn.execute(_REAL_PLATFORM_CHECK).fetchone()[0]


def install(conn: psycopg.Connection, env: str) -> str:
    """Apply the shim in one transaction; return 'installed' or 'skipped (real platform)'."""
    if env != "local":
        raise ConfigError(f"the Supabase shim is for local and test databases only, not {env!r}")
    if has_real_platform(conn):
        return "skipped: real Supabase platform present"
    conn.autocommit = True
    with conn.transaction():
        conn.execute(SHIM_SQL.read_text(encoding="utf-8").encode())
    return "installed"
