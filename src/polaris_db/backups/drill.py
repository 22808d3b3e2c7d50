"""The restore drill: back up (or pick a backup in the store), fetch and prove it, restore into a fresh
scratch database on the embedded cluster, compare, run the RLS script there, write a report.

Every step's outcome goes into `backups/reports/drill-YYYY-MM-DD.md` (the day's latest run) whether it
passes or not, even when a step fails unexpectedly; a failing step stops the steps that depend on it.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import psycopg

from .. import MIGRATIONS_DIR
from ..config import mask
from ..database import database_name
from ..errors import PolarisError
from ..migrations import discover
from ..rls.script import SCRIPT_PATH, run_script
from .dump import Progress, take_backup
from .fetch import fetched, mark_verified
from .manifest import Manifest
from .restore import RestoreResult
from .store import Store
from .targets import drop_database, prove_in_scratch


@dataclass
class Drill:
    env: str
    scratch: str  # database name, never a URL
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (step, result, seconds)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    name: str | None = None  # the backup drilled
    manifest: Manifest | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    def step(self, name: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            result = action()
        except (PolarisError, psycopg.Error, OSError) as error:
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            self.failures.append(f"{name}: {first}")
            result = f"FAILED: {first}"
        self.steps.append((name, mask(result), f"{time.perf_counter() - started:.2f} s"))
        return not self.failures


def run_drill(env: str, source_url: str | None, scratch_url: str, store: Store, *, name: str | None = None,
              rls_script: Path = SCRIPT_PATH, keep_scratch: bool = False, on_table: Progress | None = None,
              embedded: bool = False, files: Callable[[Manifest], str] | None = None,
              before_manifest=None) -> Drill:
    """`name`: drill that backup of the store; otherwise take one from `source_url` into the store first.

    `files`: the step that proves the backup's Storage files, when it has some (storage/steps.py);
    `before_manifest`: passed to take_backup (the Storage copy)."""
    drill = Drill(env, database_name(scratch_url), name=name)
    if not name:
        def backup() -> str:
            drill.manifest = take_backup(source_url, env, store, on_table=on_table, embedded=embedded,
                                         before_manifest=before_manifest)
            drill.name = drill.manifest.name
            return (f"{drill.manifest.file}, {drill.manifest.object_bytes / 1e6:.1f} MB, "
                    f"sha256 {drill.manifest.sha256[:12]}, head {drill.manifest.migration_head}")
        if not drill.step("backup", backup):
            return drill
    with ExitStack() as stack:
        archive: list[Path] = []

        def fetch() -> str:
            path, drill.manifest = stack.enter_context(fetched(store, drill.name))
            archive.append(path)
            return (f"{drill.name} from {store.url}: checksums and manifest match"
                    + (f", decrypted ({drill.manifest.recipients[0]})" if drill.manifest.encryption == "age" else ""))

        if not drill.step("fetch and verify", fetch):
            return drill
        restored: list[RestoreResult] = []

        def restore() -> str:
            restored.append(prove_in_scratch(archive[0], drill.manifest, scratch_url, keep=True))
            drill.notes += restored[0].notes
            return f"into {drill.scratch} (fresh, embedded) in {restored[0].seconds:.2f} s"

        try:
            if drill.step("restore", restore):
                _check(drill, restored[0], scratch_url, rls_script)
            if files and drill.manifest.storage:
                drill.step("storage files", lambda: files(drill.manifest))
        finally:
            if not keep_scratch:
                drill.step("drop scratch", lambda: _drop(scratch_url))
    if drill.passed:
        note = mark_verified(store, drill.manifest)
        if note:
            drill.notes.append(note)
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


def _drop(scratch_url: str) -> str:
    drop_database(scratch_url)
    return "dropped"


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
    path.chmod(0o644)
    return path
