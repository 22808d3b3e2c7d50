"""Shared ground for our rules that stand in for splinter's lints 0025-0029, which the Supabase CLI
(`supabase db advisors`) does not bundle but the hosted dashboard's Security Advisor runs.

Each rule (PC325-PC329) runs the same catalog logic as its splinter lint on the scratch database and
prints splinter's lint name and dashboard level in its message, so a finding here reads like the
dashboard's. What splinter decides, decided the same way here:

* platform schemas: splinter's own exclusion list (`PLATFORM_SCHEMAS`), never linted;
* exposed schemas (0028/0029): `pgrst.db_schemas` when set, else what the API exposes by default,
  `public` and `graphql_public` (supabase/config.toml `[api] schemas`); hosted sets no such database
  setting, so the scratch database falls back like splinter does on a plain connection;
* pg_graphql (0026/0027): splinter reports only where the extension is installed. The scratch
  database cannot install it (no pg_graphql build here), so the rules also count GraphQL as served
  where the schema `graphql_public` (its `/graphql/v1` entry point, which hosted creates) exists.
  Neither holds on our scratch database: these two stay silent here, while a hosted project with
  pg_graphql enabled shows them on the dashboard (ops/supabase/README.md, "Advisors").
"""

from __future__ import annotations

import psycopg

# splinter's list of schemas it never lints (the platform's and extensions'), as in its lints/00xx_*.sql.
PLATFORM_SCHEMAS = (
    "_timescaledb_cache", "_timescaledb_catalog", "_timescaledb_config", "_timescaledb_internal", "auth", "cron",
    "extensions", "graphql", "graphql_public", "information_schema", "net", "pgmq", "pgroonga", "pgsodium",
    "pgsodium_masks", "pgtle", "pgbouncer", "pg_catalog", "realtime", "repack", "storage", "supabase_functions",
    "supabase_migrations", "tiger", "topology", "vault",
)
DEFAULT_API_SCHEMAS = ("public", "graphql_public")
GRAPHQL_SCHEMA = "graphql_public"


def api_schemas(conn: psycopg.Connection) -> list[str]:
    """The schemas PostgREST serves: `pgrst.db_schemas` when set (an empty value exposes nothing)."""
    setting = conn.execute("select current_setting('pgrst.db_schemas', true)").fetchone()[0]
    if setting is None:
        return list(DEFAULT_API_SCHEMAS)
    return [name.strip() for name in setting.split(",") if name.strip()]


def exposed_schemas(conn: psycopg.Connection) -> list[str]:
    """API schemas that splinter lints (platform schemas left out)."""
    return [name for name in api_schemas(conn) if name not in PLATFORM_SCHEMAS]


def graphql_served(conn: psycopg.Connection) -> bool:
    """pg_graphql is installed, or its API entry schema `graphql_public` exists."""
    return conn.execute("select exists (select 1 from pg_extension where extname = 'pg_graphql') "
                        "or to_regnamespace(%s) is not null", [GRAPHQL_SCHEMA]).fetchone()[0]


def message(level: str, lint: str, text: str) -> str:
    """`WARN anon_security_definer_function_executable: ...`: the dashboard's level and lint name first."""
    return f"{level} {lint}: {text}"


# splinter 0028/0029: SECURITY DEFINER functions in the exposed schemas that a role may execute.
_DEFINERS = """
select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where p.prosecdef
  and has_function_privilege(%(role)s, p.oid, 'EXECUTE')
  and n.nspname = any(%(schemas)s)
order by 1, 2, 3
"""


def executable_definers(conn: psycopg.Connection, role: str) -> list[tuple[str, str, str]]:
    """(schema, name, identity arguments) of each definer function `role` may call as `/rest/v1/rpc/<name>`."""
    return [tuple(row) for row in conn.execute(_DEFINERS, {"role": role, "schemas": exposed_schemas(conn)})]
