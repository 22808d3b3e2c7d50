"""What clients can reach: the exposed tables, views, RPCs and storage buckets of a built database.

Scope (documented in ops/docs/rls-tests.md):
  * app schemas: `public` plus any schema named in `pgrst.db_schemas` that is not a platform schema;
  * in `storage`, only `objects` and `buckets` (the rest is managed by the storage service);
  * functions that are not extension members, triggers or aggregates (those cannot be called as RPCs);
  * every row of `storage.buckets`.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

# Schemas owned by the Supabase platform (or Postgres itself), never by our migrations.
PLATFORM_SCHEMAS = frozenset({
    "auth", "storage", "extensions", "graphql", "graphql_public", "realtime", "_realtime", "vault", "pgsodium",
    "pgsodium_masks", "net", "supabase_functions", "supabase_migrations", "cron", "pgbouncer", "_analytics",
    "pg_catalog", "information_schema", "pg_toast",
})
STORAGE_TABLES = ("objects", "buckets")


@dataclass(frozen=True)
class Relation:
    name: str  # schema-qualified: public.sessions
    kind: str  # table | partition | view | matview
    rls: bool
    security_invoker: bool


def app_schemas(conn: psycopg.Connection) -> list[str]:
    """`public` and the PostgREST-exposed schemas that belong to the app and exist."""
    setting = conn.execute("select coalesce(current_setting('pgrst.db_schemas', true), '')").fetchone()[0]
    wanted = {"public", *(s.strip() for s in setting.split(",") if s.strip())} - PLATFORM_SCHEMAS
    rows = conn.execute("select nspname from pg_namespace where nspname = any(%s) order by 1", [sorted(wanted)])
    return [r[0] for r in rows]


_RELATIONS = """
select format('%%I.%%I', n.nspname, c.relname) as name,
       case when c.relispartition then 'partition'
            when c.relkind in ('r', 'p') then 'table'
            when c.relkind = 'v' then 'view' else 'matview' end as kind,
       c.relrowsecurity,
       coalesce((select lower(option_value) in ('true', 'on', '1', 'yes')
                 from pg_options_to_table(c.reloptions) where option_name = 'security_invoker'), false)
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p', 'v', 'm')
  and (n.nspname = any(%(schemas)s) or (n.nspname = 'storage' and c.relname = any(%(storage)s)))
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by 1
"""


def relations(conn: psycopg.Connection) -> list[Relation]:
    rows = conn.execute(_RELATIONS, {"schemas": app_schemas(conn), "storage": list(STORAGE_TABLES)})
    return [Relation(*row) for row in rows]


_FUNCTIONS = """
select format('%%I.%%I(%%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes))
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname = any(%s)
  and p.prokind in ('f', 'p')
  and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
order by 1
"""


def functions(conn: psycopg.Connection) -> list[str]:
    """Callable functions as `schema.name(argtypes)`, the key the matrix uses.

    Argument types are printed with search_path = pg_catalog, so every other type is schema-qualified
    (`extensions.vector`, `public.drill_status`) and the key does not depend on the caller's path.
    """
    schemas = app_schemas(conn)
    with conn.transaction() as savepoint:
        conn.execute("set local search_path = pg_catalog")
        keys = [r[0] for r in conn.execute(_FUNCTIONS, [schemas])]
        raise psycopg.Rollback(savepoint)  # undoes the set local
    return keys


def buckets(conn: psycopg.Connection) -> list[str]:
    if conn.execute("select to_regclass('storage.buckets') is null").fetchone()[0]:
        return []
    return [r[0] for r in conn.execute("select id from storage.buckets order by id")]


@dataclass(frozen=True)
class Exposed:
    """Everything the coverage gate expects an access-matrix entry for."""

    tables: list[str]
    views: list[str]
    functions: list[str]
    buckets: list[str]


def exposed(conn: psycopg.Connection) -> Exposed:
    rels = relations(conn)
    return Exposed(
        tables=[r.name for r in rels if r.kind == "table"],  # partitions are reached through their parent
        views=[r.name for r in rels if r.kind in ("view", "matview")],
        functions=functions(conn),
        buckets=buckets(conn),
    )
