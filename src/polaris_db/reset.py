"""Rebuild a database from nothing: fresh database, platform shim, every migration, seeds."""

from __future__ import annotations

import psycopg

from . import MIGRATIONS_DIR, SEEDS_DIR, platform, template_cache
from .config import Target
from .console import Steps
from .database import connection, recreate_database, target_url
from .migrations import migrate
from .seeds import run_seeds

# Supabase's own grants on a fresh `public` (supabase/postgres init scripts).
RECREATE_PUBLIC = """
drop schema if exists supabase_migrations cascade;
drop schema if exists public cascade;
create schema public;
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres, anon, authenticated, service_role;
"""


def reset(target: Target, steps: Steps, *, seeds: bool = True, cache: bool = True) -> str:
    """Return the URL that was reset. Embedded: drop and recreate the database; elsewhere: drop user schemas."""
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
        # A Supabase stack keeps auth and storage in this database: clean our schemas, keep the platform.
        with steps.step("drop public schema"), connection(url) as conn, conn.transaction():
            conn.execute(RECREATE_PUBLIC.encode())
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
