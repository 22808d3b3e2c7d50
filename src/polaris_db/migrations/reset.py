"""Rebuild a database from nothing: fresh database, platform shim, every migration, seeds."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import time
from contextlib import contextmanager
from datetime import datetime, timezone

import psycopg
from psycopg import sql

from .. import MIGRATIONS_DIR, REPO_ROOT, SEEDS_DIR, STATE_DIR, interrupts, shim
from ..config import Target
from ..console import Steps, say
from ..database import connect, connection, database_name, recreate_database, target_url
from ..errors import ConfigError, Interrupted, PolarisError
from . import reset_cache
from .apply import migrate, migration_lock
from .files import discover
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
        except psycopg.Error:
            if left_incomplete(url):
                say(f"reset failed: database {name} is incomplete; run `inv db.reset` again")
            raise
        except KeyboardInterrupt:
            if left_incomplete(url):
                raise Interrupted(f"interrupted: database {name} is marked incomplete (`inv db.status` says so); "
                                  "run `inv db.reset` again") from None
            raise Interrupted(f"interrupted: database {name} is as it was (the reset changed nothing)") from None


def check_files() -> None:
    """Names and pglast parse of every migration and seed, before anything is dropped (exit 2, nothing touched).

    Contents that parsed before (their sha256 and pglast's version in STATE_DIR/parsed.txt) are not parsed
    again: a rebuild pays only for the files that changed."""
    import pglast  # here, not at the top: `inv db.status` imports this module for incomplete_since()

    from ..lint.sqlfile import parse_problems

    paths = [m.path for m in discover(MIGRATIONS_DIR)] + sorted(SEEDS_DIR.glob("*.sql"))
    record = STATE_DIR / "parsed.txt"
    try:
        known = set(record.read_text().split())
    except OSError:
        known = set()
    digests = {path: f"{pglast.__version__}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in paths}
    fresh = [path for path in paths if digests[path] not in known]
    problems = parse_problems(fresh, REPO_ROOT)
    if problems:
        raise ConfigError(f"{len(problems)} parse error(s) (first: {problems[0]}); nothing was dropped")
    if fresh:
        with contextlib.suppress(OSError):
            STATE_DIR.mkdir(parents=True, exist_ok=True)
            record.write_text("\n".join(sorted(set(digests.values()))) + "\n")


def _reset(target: Target, url: str, steps: Steps, *, seeds: bool, cache: bool) -> str:
    use_cache = cache and seeds and target.embedded
    if use_cache:
        key = reset_cache.fingerprint()
        if reset_cache.cached_key(url) == key:  # the same files built and passed before
            with steps.step("clone cached build"), interrupts.held():
                reset_cache.clone_from_cache(url)
            steps.note(f"inputs unchanged (key {key[:12]}); --no-cache rebuilds")
            return url
    with steps.step("check files"):
        check_files()
    if target.embedded:
        wait_for_pushes(url)
        with steps.step("recreate database"), interrupts.held():  # never a moment without a marked database
            recreate_database(url, comment=incomplete_comment())
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
def reset_lock(target: Target, url: str, *, shared: bool = False, wait: float | None = None):
    """One reset of the embedded database at a time: a file lock, as the database itself is dropped.

    Elsewhere the reset holds the advisory lock `db.push` takes, on its working connection (`_reset`).
    `shared` (a backup reading the database): waits for a reset, never for another reader; `wait`: give up
    after that many seconds (TimeoutError) instead of waiting for good.
    """
    if not target.embedded:
        yield
        return
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    with open(STATE_DIR / "reset.lock", "a") as handle:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for a reset of the embedded database to finish..." if shared else
                "waiting for another reset or a backup of the embedded database to finish...", err=shared)
            _flock_within(handle, mode, wait)
        yield


def _flock_within(handle, mode: int, wait: float | None) -> None:
    if not wait:
        fcntl.flock(handle, mode)
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"a reset of the embedded database held its lock for {wait:g} s") from None
            time.sleep(0.05)


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


def incomplete_comment() -> str:
    return INCOMPLETE + datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def mark_incomplete(conn: psycopg.Connection) -> None:
    _comment(conn, incomplete_comment())


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
