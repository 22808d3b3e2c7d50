"""Rebuild a database from nothing: fresh database, platform shim, every migration, seeds."""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from datetime import datetime, timezone

import psycopg
from psycopg import sql

from .. import MIGRATIONS_DIR, SEEDS_DIR, STATE_DIR, shim
from ..config import Target
from ..console import Steps, say
from ..database import connect, connection, database_name, recreate_database, target_url
from ..errors import PolarisError
from . import reset_cache
from .apply import migrate, migration_lock
from .seeds import run_seeds

# What the project's migrations created (policies on platform tables included), and nothing of the platform's: `public` itself keeps its owner,
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
    from pg_policies where schemaname in ('auth', 'storage')
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
drop schema if exists private cascade;
drop schema if exists supabase_migrations cascade;
"""


INCOMPLETE = "polaris: reset incomplete since "  # database comment while a reset is under way


def reset(target: Target, steps: Steps, *, seeds: bool = True, cache: bool = True) -> str:
    """Return the URL that was reset. Embedded: drop and recreate the database; elsewhere: drop the project's objects.

    One reset at a time per target (the embedded cluster: a file lock, since the database itself is
    dropped; elsewhere: the advisory lock `db.push` takes). Until it finishes the database carries a
    comment saying it is incomplete, which `inv db.status` reports, so a failed or interrupted reset
    is never mistaken for a good database.
    """
    url = target_url(target)
    name = database_name(url)
    with reset_lock(target, url):
        try:
            return _reset(target, url, steps, seeds=seeds, cache=cache)
        except PolarisError as error:
            if left_incomplete(url):
                error.args = (f"{error}; reset incomplete: database {name} is half-built, run `inv db.reset` "
                              "again once fixed",)
            raise
        except (KeyboardInterrupt, psycopg.Error):
            if left_incomplete(url):
                say(f"reset interrupted: database {name} is incomplete; run `inv db.reset` again")
            raise


def _reset(target: Target, url: str, steps: Steps, *, seeds: bool, cache: bool) -> str:
    use_cache = cache and seeds and target.embedded
    if use_cache:
        key = reset_cache.fingerprint()
        if reset_cache.cached_key(url) == key:
            with steps.step("clone cached build"):
                reset_cache.clone_from_cache(url)
            steps.note(f"inputs unchanged (key {key[:12]}); --no-cache rebuilds")
            return url
    if target.embedded:
        wait_for_pushes(url)
        with steps.step("recreate database"):
            recreate_database(url)
    with connection(url) as conn, migration_lock(conn):
        mark_incomplete(conn)
        if not target.embedded:
            # A Supabase stack or project keeps auth, storage and `public` itself: remove only what we built.
            with steps.step("clean project objects"), conn.transaction():
                conn.execute(CLEAN_PROJECT.encode())
        if target.env == "local":
            with steps.step("platform shim"):
                shim_outcome = shim.install(conn, target.env)
            steps.note(shim_outcome)
        with steps.step("migrations"):
            plan = migrate(conn, MIGRATIONS_DIR)
        steps.note(f"{len(plan.pending)} applied, head {plan.local[-1].version if plan.local else '-'}")
        if seeds:
            with steps.step("seeds"):
                applied = run_seeds(conn, SEEDS_DIR)
            steps.note(", ".join(s.path.name for s in applied) or "none")
        mark_complete(conn)
    if use_cache:
        with steps.step("cache build"):
            reset_cache.store(url, key)
    return url


@contextmanager
def reset_lock(target: Target, url: str):
    """One reset of the embedded database at a time: a file lock, as the database itself is dropped.

    Elsewhere the reset holds the advisory lock `db.push` takes, on its working connection (`_reset`).
    """
    if not target.embedded:
        yield
        return
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(STATE_DIR / "reset.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for another reset of the embedded database to finish...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def wait_for_pushes(url: str) -> None:
    """Let a `db.push` that is applying migrations to the database finish before it is dropped."""
    try:
        conn = connect(url)
    except PolarisError:
        return  # no such database yet
    with conn, migration_lock(conn):
        pass


def left_incomplete(url: str) -> bool:
    try:
        with connection(url) as conn:
            return incomplete_since(conn) is not None
    except (PolarisError, psycopg.Error):
        return False


def mark_incomplete(conn: psycopg.Connection) -> None:
    _comment(conn, INCOMPLETE + datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"))


def mark_complete(conn: psycopg.Connection) -> None:
    _comment(conn, None)


def incomplete_since(conn: psycopg.Connection) -> str | None:
    """When the unfinished reset of this database started, or None."""
    comment = conn.execute("select shobj_description(oid, 'pg_database') from pg_database "
                           "where datname = current_database()").fetchone()[0]
    return comment.removeprefix(INCOMPLETE) if comment and comment.startswith(INCOMPLETE) else None


def _comment(conn: psycopg.Connection, text: str | None) -> None:
    """Comment on the current database; skipped where the role does not own it (some hosted projects)."""
    owns = conn.execute("select pg_has_role(datdba, 'USAGE') from pg_database where datname = current_database()"
                        ).fetchone()[0]
    if owns:
        conn.execute(sql.SQL("comment on database {} is {}").format(
            sql.Identifier(conn.info.dbname), sql.Literal(text)))


def build(conn: psycopg.Connection, *, seeds: bool = True) -> None:
    """Shim, migrations and seeds on an empty database (tests and scratch databases)."""
    shim.install(conn, "local")
    migrate(conn, MIGRATIONS_DIR)
    if seeds:
        run_seeds(conn, SEEDS_DIR)
