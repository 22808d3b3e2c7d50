"""Rebuild a database from nothing: fresh database, platform shim, every migration, seeds."""

from __future__ import annotations

import psycopg

from . import MIGRATIONS_DIR, SEEDS_DIR, platform, template_cache
from .config import Target
from .console import Steps
from .database import connection, recreate_database, target_url
from .migrations import migrate
from .seeds import run_seeds

# What the project's migrations created, and nothing of the platform's: `public` itself keeps its owner,
# ACL and default privileges (postgres could not recreate supabase_admin's), auth and storage keep their
# rows. Extension members are left to their extension; cascades take triggers on platform tables along.
CLEAN_PROJECT = """
do $$
declare
  ddl text;
begin
  -- Names first, drops after: a cascade may take later objects along (hence `if exists`).
  foreach ddl in array array(
    select format('drop policy %I on %I.%I', policyname, schemaname, tablename)
    from pg_policies where schemaname = 'storage'
    union all
    select format('drop %s if exists %s cascade', case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                  when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end, c.oid::regclass)
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                      and d.deptype in ('e', 'i'))
    union all
    select format('drop %s if exists %s cascade', case p.prokind when 'a' then 'aggregate' else 'routine' end,
                  p.oid::regprocedure)
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
    union all
    select format('drop %s if exists %s cascade', case t.typtype when 'd' then 'domain' else 'type' end, t.oid::regtype)
    from pg_type t
    where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'c', 'd', 'r')
      and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e'))
  loop
    execute ddl;
  end loop;
end
$$;
drop schema if exists supabase_migrations cascade;
"""


def reset(target: Target, steps: Steps, *, seeds: bool = True, cache: bool = True) -> str:
    """Return the URL that was reset. Embedded: drop and recreate the database; elsewhere: drop the project's objects."""
    url = target_url(target)
    use_cache = cache and seeds and target.embedded
    if use_cache:
        key = template_cache.fingerprint()
        if template_cache.cached_key(url) == key:
            with steps.step("clone cached build"):
                template_cache.clone_from_cache(url)
            steps.note(f"inputs unchanged (key {key[:12]}); --no-cache rebuilds")
            return url
    if target.embedded:
        with steps.step("recreate database"):
            recreate_database(url)
    else:
        # A Supabase stack or project keeps auth, storage and `public` itself: remove only what we built.
        with steps.step("clean project objects"), connection(url) as conn, conn.transaction():
            conn.execute(CLEAN_PROJECT.encode())
    with connection(url) as conn:
        if target.env == "local":
            with steps.step("platform shim"):
                shim_outcome = platform.install(conn, target.env)
            steps.note(shim_outcome)
        with steps.step("migrations"):
            plan = migrate(conn, MIGRATIONS_DIR)
        steps.note(f"{len(plan.pending)} applied, head {plan.local[-1].version if plan.local else '-'}")
        if seeds:
            with steps.step("seeds"):
                applied = run_seeds(conn, SEEDS_DIR)
            steps.note(", ".join(s.path.name for s in applied) or "none")
    if use_cache:
        with steps.step("cache build"):
            template_cache.store(url, key)
    return url


def build(conn: psycopg.Connection, *, seeds: bool = True) -> None:
    """Shim, migrations and seeds on an empty database (tests and scratch databases)."""
    platform.install(conn, "local")
    migrate(conn, MIGRATIONS_DIR)
    if seeds:
        run_seeds(conn, SEEDS_DIR)
