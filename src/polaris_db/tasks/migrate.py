"""Migration tasks: reset, push, migration-list, new-migration, seed, psql."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from invoke import task

from .. import MIGRATIONS_DIR, REPO_ROOT, SEEDS_DIR, shim
from ..config import resolve
from ..console import Steps, confirm, say, table
from ..database import connection, target_url
from ..errors import ConfigError, DriftError
from ..migrations.files import head_version
from ..migrations.listing import migration_records, migration_rows
from ..migrations import discover, make_plan, migrate, read_history
from ..migrations.plan import counts, describe_drift, summary
from ..migrations.new import create_migration
from ..psql import run_psql
from ..migrations.reset import reset as reset_database
from ..migrations.seeds import run_seeds
from ._common import reports_errors

ENV_HELP = "local (default; the embedded cluster unless DATABASE_URL is set), staging or prod"


@task(help={"env": ENV_HELP, "yes": "skip the confirmation (required for remote targets without a terminal)",
            "no_seed": "skip the seeds", "no_cache": "rebuild even if a cached build of identical inputs exists",
            "from_snapshot": "local only: a masked snapshot instead, <store>/latest or <store>/<env>_snapshot-<stamp>, "
            "pending migrations applied on top (the old database is kept, renamed)"})
@reports_errors
def reset(c, env="local", yes=False, no_seed=False, no_cache=False, from_snapshot=None):
    """Recreate the database: shim (local only), every migration, seeds; prints per-step timings."""
    if from_snapshot:
        _reset_from_snapshot(env, from_snapshot, yes)
        return
    target = resolve(env)
    if target.remote:
        confirm(f"This DROPS every table, view, function and type the migrations made (and their data) on {env}.",
                assume_yes=yes)
    steps = Steps()
    url = reset_database(target, steps, seeds=not no_seed, cache=not no_cache)
    say(f"reset {env}: {url}")
    say(steps.summary())


def _reset_from_snapshot(env: str, ref: str, yes: bool) -> None:
    from ..snapshots.use import reset_from_snapshot  # the backups' modules: only this path needs them

    if env != "local":
        raise ConfigError("--from-snapshot resets the local database only (a snapshot never goes to a hosted one)")
    target = resolve(env)
    confirm(f"Replace the {env} database with the snapshot {ref} (the current one is kept, renamed)?", assume_yes=yes)
    done = reset_from_snapshot(ref, target_url(target),
                               on_applied=lambda m, took: say(f"  applied {m.filename} ({took:.2f}s)"))
    say(f"reset {env} from {done.snapshot}: {len(done.replaced.result.manifest.row_counts)} tables, "
        f"{sum(done.replaced.result.manifest.row_counts.values())} rows, {len(done.applied)} pending migration(s) applied")
    if done.replaced.previous:
        say(f"the previous database is kept as {done.replaced.previous}: drop it in inv db.psql with "
            f"`drop database {done.replaced.previous};`")


@task(help={"env": ENV_HELP, "yes": "apply to prod without the interactive confirmation",
            "dry_run": "print the plan, parse every pending file (pglast), change nothing",
            "lock_retries": "retry a migration that fails on lock_timeout (55P03) this many times, pausing 2 s, "
                            "4 s, 8 s... (default 3; 0: fail at once)",
            "migrations": "migrations folder (default ops/supabase/migrations)"})
@reports_errors
def push(c, env="local", yes=False, dry_run=False, lock_retries="3", migrations=None):
    """Apply pending migrations only; prints the plan first, refuses on drift (3) or a file that does not parse (2)."""
    retries = _whole(lock_retries, "--lock-retries")
    target = resolve(env)
    url = target_url(target)
    with connection(url) as conn:
        folder = Path(migrations) if migrations else MIGRATIONS_DIR
        plan = make_plan(discover(folder), read_history(conn))
        if plan.drift:
            raise DriftError(describe_drift(plan, local=env == "local"))
        if not plan.pending:
            say(f"{env} is up to date (head {plan.head or 'none'})")
            return
        say(f"plan for {env} ({url}): {len(plan.pending)} pending")
        say(table(("version", "file", "transaction"), [(m.version, m.filename, "yes" if m.transactional else "NO") for m in plan.pending]))
        from ..lint.sqlfile import parse_problems  # pglast: only a push with pending migrations parses

        problems = parse_problems([m.path for m in plan.pending], REPO_ROOT)
        for problem in problems:
            say(problem)
        if problems:
            raise ConfigError(f"{len(problems)} parse error(s) in the pending migrations (first: {problems[0]}); "
                              "nothing applied")
        if dry_run:
            say(f"dry run: nothing applied ({len(plan.pending)} file(s) parse)")
            return
        if env == "prod":
            confirm(f"Apply {len(plan.pending)} migration(s) to PRODUCTION?", assume_yes=yes)
        if env == "local":
            shim.install(conn, env)  # skips itself where the real platform exists
        applied = migrate(conn, folder, lock_retries=retries,
                          on_applied=lambda m, took: say(f"  applied {m.filename} ({took:.2f}s)"),
                          on_retry=lambda failure, n, total, pause: say(
                              f"  {failure}: lock not granted, retry {n} of {total} in {pause:g} s"))
        say(f"{env} is at {applied.local[-1].version}")


def _whole(value, flag: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ConfigError(f"{flag} must be a whole number, got {value!r}")
    return number


@task(help={"env": ENV_HELP, "json_": "print JSON (migrations and counts) instead of the table"})
@reports_errors
def migration_list(c, env="local", json_=False):
    """Local files vs the target's history, like `supabase migration list`, drift marked; a count line below."""
    target = resolve(env)
    with connection(target_url(target)) as conn:
        plan = make_plan(discover(MIGRATIONS_DIR), read_history(conn))
    if json_:
        say(json.dumps({"target": env, "migrations": migration_records(plan), **counts(plan)}, indent=2))
    else:
        say(table(("local", "remote", "name", "status"), migration_rows(plan)))
        say(summary(plan))
    if plan.drift:
        raise DriftError(describe_drift(plan, local=env == "local"))


@task(help={"name": "snake_case description, e.g. add_streaks"})
@reports_errors
def new_migration(c, name):
    """Create the next-numbered migration from the header template and stub its release-notes entry."""
    path = create_migration(name)
    say(f"created {path.relative_to(MIGRATIONS_DIR.parents[2])}; fill in ops/docs/release-notes.md too")


@task(help={"env": ENV_HELP, "yes": "confirm seeding prod without a prompt"})
@reports_errors
def seed(c, env="local", yes=False):
    """Run ops/supabase/seeds/*.sql in their declared order (idempotent; safe to repeat)."""
    target = resolve(env)
    if env == "prod":
        confirm("Seed PRODUCTION with demo content?", assume_yes=yes)
    with connection(target_url(target)) as conn:
        seeds = run_seeds(conn, SEEDS_DIR)
    say(f"seeded {env}: " + ", ".join(s.path.name for s in seeds))


@task(help={"env": ENV_HELP, "file": "run this SQL file (ON_ERROR_STOP, one transaction; polaris.migration_head set to the files' head) instead of a shell"})
@reports_errors
def psql(c, env="local", file=None):
    """Interactive psql on the target, or run --file; the password travels in the environment, not argv."""
    target = resolve(env)
    head = head_version(MIGRATIONS_DIR)  # smoke.sql compares the database with the files' head
    sys.exit(run_psql(target_url(target), file=file, settings={"polaris.migration_head": head} if head else None))


def _versions(value) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@task(help={"env": ENV_HELP, "applied": "versions to record as applied from their files (insert, or rewrite a row "
            "that differs), comma-separated", "reverted": "versions whose history row is deleted, comma-separated",
            "baseline": "record every file up to this version that has no row as applied, without running it "
            "(a project adopted mid-life)", "yes": "make the change without the typed confirmation",
            "migrations": "migrations folder (default ops/supabase/migrations)"})
@reports_errors
def repair(c, env="local", applied=None, reverted=None, baseline=None, yes=False, migrations=None):
    """Reconcile the migration history with the files, like `supabase migration repair`: a read-only plan first."""
    from ..migrations import repair as history_repair

    folder = Path(migrations) if migrations else MIGRATIONS_DIR
    with connection(target_url(resolve(env))) as conn:
        rows = history_repair.plan_repair(discover(folder), read_history(conn), applied_versions=_versions(applied),
                                          reverted=_versions(reverted), baseline=baseline)
        say(table(history_repair.HEADERS, [row.cells() for row in rows]))
        seeds = history_repair.seed_files(conn)
        if seeds:
            say(f"supabase_migrations.seed_files: {len(seeds)} seed(s) recorded by the CLI (left as they are)")
        todo = history_repair.changes(rows)
        if not todo:
            drifted = [r.version for r in rows if r.status not in ("ok", "pending")]
            say("nothing to change" + (f"; differing: {', '.join(drifted)} (--applied V to record a file as "
                                       "applied, --reverted V to delete a row)" if drifted else ""))
            return
        confirm(f"Change {len(todo)} history row(s) on {env} ({', '.join(r.version for r in todo)})?", assume_yes=yes)
        changed = history_repair.execute(conn, rows)
        after = make_plan(discover(folder), read_history(conn))
    say(f"repaired {changed} row(s) on {env}: {summary(after)}")


TASKS = [reset, push, migration_list, new_migration, seed, psql, repair]
