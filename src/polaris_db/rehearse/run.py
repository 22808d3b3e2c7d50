"""Rehearse a release: the newest verified backup of an environment, restored into a scratch database on the
embedded cluster (the hosted privilege model: `postgres` is not a superuser), the migrations pending on that
environment applied and measured (`measure.py`), then the RLS suite, the smoke test and the types check.

The target environment is only read: its migration history, on a read-only connection, says what is
pending (without its URL, the backup's own history does, and the report says so). The archive is
streamed from the store (sha256, age) into a private temporary file and restored with `pg_restore -j`.
"""

from __future__ import annotations

import os
import subprocess
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from .. import MIGRATIONS_DIR, OPS_DIR, REPO_ROOT
from ..backups.fetch import fetched, load, newest_verified, split_ref
from ..backups.manifest import Manifest
from ..backups.store import open_store
from ..backups.targets import drop_database, prove_in_scratch, scratch_url
from ..config import ENVIRONMENTS, REMOTE_URL_VARS, load_environment, resolve
from ..database import connection
from ..errors import BackupError, ConfigError, DriftError, MigrationFailed
from ..migrations import discover, make_plan, read_history
from ..migrations.history import AppliedMigration
from ..migrations.plan import describe_drift
from ..psql import psql_command, setting_args
from ..snapshots import make, use
from .flags import Thresholds, flag
from .measure import apply_measured
from .results import MigrationResult

STORE_VAR = "POLARIS_BACKUP_STORE"  # as `inv db.backup`: the store when --from is not given
SMOKE_PATH = OPS_DIR / "tests" / "smoke.sql"
CHECKS = ("rls", "smoke", "types")
SMOKE_TIMEOUT = 600


@dataclass
class Rehearsal:
    env: str
    database: str  # the scratch database's name (never a URL)
    thresholds: Thresholds
    backup: str | None = None
    manifest: Manifest | None = None
    pending_source: str = ""  # where the list of pending migrations came from
    migrations: list[MigrationResult] = field(default_factory=list)
    checks: list[tuple[str, bool, str, float]] = field(default_factory=list)  # (check, passed, detail, seconds)
    timings: dict[str, float] = field(default_factory=dict)  # download, restore, migrations, checks
    failure: str | None = None  # the failed migration (file:line)
    notes: list[str] = field(default_factory=list)
    kept: bool = False

    @property
    def flagged(self) -> list[tuple[MigrationResult, object]]:
        return [(m, s) for m in self.migrations for s in m.flagged]

    @property
    def failed_checks(self) -> list[str]:
        return [f"{name}: {detail}" for name, passed, detail, _ in self.checks if not passed]

    @property
    def passed(self) -> bool:
        return not self.failure and not self.flagged and not self.failed_checks


def choose_backup(env: str, file: str | None, source: str | None, snapshot: bool = False):
    """(store, name): `--file <store>/<name>` (or `/latest`), else the newest verified one in `--from` / the store;
    `snapshot`: a masked snapshot (snapshots/), never a raw backup."""
    if snapshot:
        if file:
            return use.split_snapshot_ref(file)
        store = make.store_for(env, source, snapshot=True)
        return store, newest_verified(store, env + make.SUFFIX, kind="snapshot")
    if file:
        return split_ref(file)
    store = open_store(source or os.environ.get(STORE_VAR) or str(REPO_ROOT / "backups" / env))
    return store, newest_verified(store, env)


def target_history(env: str, manifest: Manifest) -> tuple[list[AppliedMigration], str]:
    """The target's applied migrations, read on a read-only connection; the backup's history without a URL."""
    load_environment()
    var = REMOTE_URL_VARS.get(env, "DATABASE_URL")
    if not os.environ.get(var):
        applied = [AppliedMigration(v, None, None) for v in manifest.migrations]
        return applied, f"the backup's own history (head {manifest.migration_head}): {var} is not set"
    url = resolve(env).url  # a URL that does not parse is refused (2), never silently replaced
    with connection(url, options="-c default_transaction_read_only=on") as conn:
        return read_history(conn), f"{env}'s history, read-only"


def rehearse(env: str, *, file: str | None = None, source: str | None = None, migrations_dir: Path = MIGRATIONS_DIR,
             thresholds: Thresholds | None = None, jobs: int = 2, keep: bool = False, checks=CHECKS,
             database: str | None = None, any_env: bool = False, say=lambda text: None,
             snapshot: bool = False) -> Rehearsal:
    """Run the rehearsal. Refusals raise (no backup, drift, a restore that differs); a failed migration, flags and
    checks are in the result, which holds everything the report shows. The scratch database is dropped unless `keep`."""
    if env not in ENVIRONMENTS:
        raise ConfigError(f"unknown environment {env!r}: use prod or staging (or local)")
    store, name = choose_backup(env, file, source, snapshot)
    backup_env = load(store, name).env.removesuffix(make.SUFFIX)  # a snapshot of prod is prod_snapshot
    if backup_env != env and not any_env:
        raise ConfigError(f"{name} is a backup of {backup_env}, not {env}: rehearse --env {backup_env}, or pass "
                          "--any-env to rehearse this release on it anyway")
    local = discover(migrations_dir)
    url = scratch_url(database or f"polaris_rehearse_{env}")
    run = Rehearsal(env, url.rsplit("/", 1)[-1], thresholds or Thresholds(), name)
    if backup_env != env:
        run.notes.append(f"--any-env: the backup is of {backup_env}, the release is rehearsed for {env}")
    with ExitStack() as stack:
        started = time.perf_counter()
        say(f"fetching {name} from {store.url} ...")
        archive, run.manifest = stack.enter_context(fetched(store, name))
        run.thresholds.production = {**run.manifest.row_counts, **run.thresholds.production}
        run.timings["download"] = time.perf_counter() - started
        applied, run.pending_source = target_history(env, run.manifest)
        plan = make_plan(local, applied)
        if plan.drift and any(a.name for a in applied):  # the backup's versions alone name no file: checked
            raise DriftError(describe_drift(plan))      # on its restored history (names, statements) instead
        release = {m.version for m in plan.pending}
        try:
            _restore(run, archive, url, jobs, say)
            _apply(run, url, local, release, say)
            if not run.failure:
                _checks(run, url, checks, say, local[-1].version if local else None)
        finally:
            run.kept = keep
            if not keep:
                drop_database(url)
    return run


def _restore(run: Rehearsal, archive: Path, url: str, jobs: int, say) -> None:
    started = time.perf_counter()
    say(f"restoring into {run.database} (pg_restore -j {jobs}) ...")
    result = prove_in_scratch(archive, run.manifest, url, keep=True, jobs=jobs)
    if not result.ok:
        raise BackupError(f"{run.backup} does not restore to what its manifest says: {result.problems}")
    run.notes += result.notes
    with connection(url) as conn:
        # Production is vacuumed and analyzed: statistics, and tables without the empty pages a bulk load leaves at
        # their end. Vacuumed here, autovacuum has nothing to do mid-rehearsal: it would shrink a table between two
        # statements, and the sizes in the flags would depend on when it ran.
        conn.execute("vacuum (analyze)")
    run.timings["restore"] = time.perf_counter() - started


def _apply(run: Rehearsal, url: str, local, release: set[str], say) -> None:
    started = time.perf_counter()
    with connection(url) as conn:
        plan = make_plan(local, read_history(conn))
        if plan.drift:
            raise DriftError(f"the backup {run.backup}: {describe_drift(plan)}")
        behind = [m.version for m in plan.pending if m.version not in release]
        if behind:
            run.notes.append(f"{run.env} has {', '.join(behind)} applied since the backup: applied first, not rated")
        for migration in plan.pending:
            say(f"applying {migration.filename} ...")
            try:
                result = apply_measured(conn, url, migration, release=migration.version in release)
            except MigrationFailed as error:
                flag(error.result, run.thresholds)
                run.migrations.append(error.result)
                run.failure = str(error)
                break
            if result.release:  # what is already on the target is not rated
                flag(result, run.thresholds)
            run.migrations.append(result)
    run.timings["migrations"] = time.perf_counter() - started


def _checks(run: Rehearsal, url: str, names, say, head: str | None) -> None:
    started = time.perf_counter()
    for name in names:
        began = time.perf_counter()
        say(f"check {name} ...")
        try:
            passed, detail = CHECK_FUNCTIONS[name](url, head)
        except Exception as error:  # noqa: BLE001 - a check that cannot run is a failed check, named
            passed, detail = False, (str(error).strip().splitlines() or [type(error).__name__])[0]
        run.checks.append((name, passed, detail, time.perf_counter() - began))
    run.timings["checks"] = time.perf_counter() - started


def check_rls(url: str, head: str | None = None) -> tuple[bool, str]:
    from ..rls.suite import run_suite

    lines: list[str] = []
    report = run_suite(url, lines.append, check_script=False)
    failures = [line for line in lines if line.startswith("not ok")]
    return not report.failed, report.summary().lstrip("# ") + (f"; first: {failures[0]}" if failures else "")


def check_smoke(url: str, head: str | None = None) -> tuple[bool, str]:
    """smoke.sql as the workflows run it, against `head`: the newest migration rehearsed."""
    settings = setting_args({"polaris.migration_head": head} if head else {})
    command, env = psql_command(url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", *settings,
                                "-f", str(SMOKE_PATH))
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=SMOKE_TIMEOUT,
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False, f"psql did not finish within {SMOKE_TIMEOUT} s"
    if result.returncode != 0:
        return False, (result.stderr.strip().splitlines() or ["psql failed"])[-1]
    return True, f"{SMOKE_PATH.name} passed"


def check_types(url: str, head: str | None = None) -> tuple[bool, str]:
    from ..typegen import DEFAULT_OUTPUT, generate, stale_diff

    diff = stale_diff(generate(url), DEFAULT_OUTPUT)
    if diff:
        changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        return False, (f"{DEFAULT_OUTPUT.name} differs from the rehearsed schema ({len(changed)} lines, first: "
                       f"{changed[0].strip()[:80] if changed else '?'}): run `inv db.gen-types` and commit it")
    return True, f"{DEFAULT_OUTPUT.name} matches the rehearsed schema"


CHECK_FUNCTIONS = {"rls": check_rls, "smoke": check_smoke, "types": check_types}


def parse_checks(value: str | None) -> tuple[str, ...]:
    if value is None or value == "all":
        return CHECKS
    if value in ("", "none"):
        return ()
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in CHECK_FUNCTIONS]
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r}: use {', '.join(CHECKS)}, all or none")
    return names


__all__ = ["CHECKS", "Rehearsal", "choose_backup", "newest_verified", "parse_checks", "rehearse"]
