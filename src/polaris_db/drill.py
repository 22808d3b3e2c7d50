"""The restore drill: back up, verify, restore into a fresh scratch database, prove it, write a report.

Every step's outcome goes into `backups/reports/drill-YYYY-MM-DD.md` (the day's latest run) whether it
passes or not; a failing step stops the steps that depend on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from psycopg import sql

from . import MIGRATIONS_DIR
from .backup import Progress, take_backup, verify_archive
from .config import mask
from .database import connection, database_name, with_database
from .errors import PolarisError
from .manifest import Manifest
from .migrations import discover
from .restore import RestoreResult, restore_backup
from .rls.script import SCRIPT_PATH, run_script


@dataclass
class Drill:
    env: str
    scratch: str  # database name, never a URL
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (step, result, seconds)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dump: Path | None = None
    manifest: Manifest | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    def step(self, name: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            result = action()
        except PolarisError as error:
            self.failures.append(f"{name}: {error}")
            result = f"FAILED: {error}"
        self.steps.append((name, mask(result), f"{time.perf_counter() - started:.2f} s"))
        return not self.failures


def run_drill(env: str, source_url: str | None, scratch_url: str, backups: Path, *, file: Path | None = None,
              rls_script: Path = SCRIPT_PATH, keep_scratch: bool = False, on_table: Progress | None = None) -> Drill:
    drill = Drill(env, database_name(scratch_url))
    if file:
        drill.dump = file
    else:
        def backup() -> str:
            drill.dump, drill.manifest = take_backup(source_url, env, backups, on_table=on_table)
            return (f"{drill.dump.name}, {drill.manifest.bytes / 1e6:.1f} MB, sha256 {drill.manifest.sha256[:12]}, "
                    f"head {drill.manifest.migration_head}")
        if not drill.step("backup", backup):
            return drill

    def verify() -> str:
        drill.manifest = verify_archive(drill.dump)
        return "sha256 matches, archive reads completely"

    if not drill.step("verify", verify):
        return drill
    restored: list[RestoreResult] = []

    def restore() -> str:
        restored.append(restore_backup(drill.dump, scratch_url, fresh=True, name="scratch"))
        drill.notes += restored[0].notes
        return f"into {drill.scratch} (fresh, embedded) in {restored[0].seconds:.2f} s"

    try:
        if drill.step("restore", restore):
            _check(drill, restored[0], scratch_url, rls_script)
    finally:
        if not keep_scratch:
            _drop(scratch_url)
    return drill


def _check(drill: Drill, result: RestoreResult, scratch_url: str, rls_script: Path) -> None:
    manifest = result.manifest
    tables, rows = len(manifest.row_counts), sum(manifest.row_counts.values())
    drill.failures += [f"row count: {m}" for m in result.mismatches]
    drill.steps.append(("row counts", f"{tables - len(result.mismatches)}/{tables} tables match, {rows} rows", ""))
    drill.failures += result.history
    history = (f"{len(manifest.migrations)} versions, head {manifest.migration_head}"
               + (": matches the manifest" if not result.history else f": {'; '.join(result.history)}"))
    drill.steps.append(("migration history", history, ""))
    repo = [m.version for m in discover(MIGRATIONS_DIR)]
    if repo and manifest.migration_head != repo[-1]:
        drill.notes.append(f"the backup's head {manifest.migration_head} differs from this checkout's {repo[-1]}"
                           " (migrations not yet deployed there, or an old checkout)")

    def rls() -> str:
        if not rls_script.exists():
            raise PolarisError(f"missing ({rls_script.name} not found)")
        run = run_script(scratch_url, rls_script)
        if not run.passed:
            detail = run.failures[0] if run.failures else (run.errors.splitlines() or ["no checks ran"])[-1]
            raise PolarisError(f"{len(run.failures)} of {run.checks} checks failed: {detail}")
        return f"{run.checks} checks passed"

    drill.step("rls script", rls)


def _drop(scratch_url: str) -> None:
    with connection(with_database(scratch_url, "postgres")) as conn:
        conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(database_name(scratch_url))))


def write_report(drill: Drill, directory: Path, when: datetime | None = None) -> Path:
    when = when or datetime.now(timezone.utc)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"drill-{when:%Y-%m-%d}.md"
    verdict = "PASS" if drill.passed else f"FAIL ({len(drill.failures)} failure{'s' if len(drill.failures) != 1 else ''})"
    lines = [f"# Restore drill {when:%Y-%m-%d} ({drill.env})", "",
             f"Result: **{verdict}** — run at {when:%H:%M} UTC by `inv db.restore-drill --env {drill.env}`.", "",
             "| step | result | time |", "|---|---|---|"]
    lines += [f"| {name} | {result.replace('|', '/')} | {took} |" for name, result, took in drill.steps]
    if drill.manifest:
        m = drill.manifest
        lines += ["", f"Backup: `{m.file}` taken {m.started_at or m.created_at}, server {m.server_version}, "
                  f"pg_dump {m.client_version or '?'}, {m.bytes} bytes, {len(m.row_counts)} tables."]
    if drill.failures:
        lines += ["", "## Failures", ""] + [f"- {mask(f)}" for f in drill.failures]
    if drill.notes:
        lines += ["", "## Notes", ""] + [f"- {mask(n)}" for n in drill.notes]
    path.write_text("\n".join(lines) + "\n")
    return path
