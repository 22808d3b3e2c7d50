"""A rehearsal as the terminal shows it (a table per migration) and as a markdown report for a PR comment."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..config import mask
from ..console import table
from .results import MigrationResult, StatementResult
from .run import CHECKS, Rehearsal

HEADERS = ("line", "statement", "time", "rows", "locks (held)", "rewrites", "flag")


def _locks(statement: StatementResult) -> str:
    return ", ".join(f"{lock.mode.removesuffix('Lock')} {lock.relation} ({lock.held:.2f} s)"
                     for lock in statement.locks) or "-"


def rows(migration: MigrationResult) -> list[tuple]:
    return [(s.line, s.text, f"{s.seconds:.3f} s", "" if s.rows is None else s.rows, _locks(s),
             "; ".join(s.rewrites) or "-", "FAILED" if s.error else ("FLAGGED" if s.flags else ""))
            for s in migration.statements]


def title(migration: MigrationResult) -> str:
    kind = "one transaction" if migration.migration.transactional else "transaction=false"
    status = "FAILED" if migration.error else ("FLAGGED" if migration.flagged else "ok")
    catch_up = "" if migration.release else ", already on the target (not rated)"
    return f"{migration.migration.filename} ({kind}{catch_up}): {status} in {migration.seconds:.2f} s"


def verdict(run: Rehearsal) -> str:
    """PASS only when every check ran; skipped checks are said, never hidden behind a PASS."""
    if run.passed:
        ran = [name for name, *_ in run.checks]
        skipped = [name for name in CHECKS if name not in ran]
        if not ran:
            return "NOT CHECKED (migrations applied; checks skipped: --checks none)"
        return "PASS" + (f" ({', '.join(ran)}; skipped: {', '.join(skipped)})" if skipped else "")
    parts = (["migration failed"] * bool(run.failure) + [f"{len(run.flagged)} statement(s) flagged"] * bool(run.flagged)
             + [f"{len(run.failed_checks)} check(s) failed"] * bool(run.failed_checks))
    return "FAIL (" + ", ".join(parts) + ")"


def timings(run: Rehearsal) -> str:
    total = sum(run.timings.values())
    return ", ".join(f"{k} {v:.2f} s" for k, v in run.timings.items()) + f" (total {total:.2f} s)"


def terminal(run: Rehearsal) -> str:
    released = sum(m.release for m in run.migrations)
    lines = [f"rehearsal of {run.env} on {run.backup} in {run.database}: {released} pending migration(s) "
             f"(from {run.pending_source}); flagged: a lock blocking reads or writes while a statement "
             f"works through a table of {run.thresholds.describe()}"]
    for migration in run.migrations:
        lines += ["", title(migration), table(HEADERS, rows(migration))]
        lines += _details(migration, "  ")
    if run.failure:
        lines += ["", f"failed: {run.failure}"]
    if run.checks:
        lines += ["", table(("check", "result", "time"),
                            [(n, ("ok: " if ok else "FAILED: ") + d, f"{t:.2f} s") for n, ok, d, t in run.checks])]
    lines += [f"  note: {n}" for n in run.notes]
    lines += ["", f"time: {timings(run)}", f"rehearsal: {verdict(run)}"]
    return mask("\n".join(lines))


def _details(migration: MigrationResult, indent: str, nested: str = "    ") -> list[str]:
    out = []
    for statement in migration.flagged:
        out += [f"{indent}{migration.migration.path.name}:{statement.line}: {flag}" for flag in statement.flags]
        if statement.advice:
            out.append(f"{nested}safer: {statement.advice}")
    return out


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(run: Rehearsal, when: datetime | None = None) -> str:
    when = when or datetime.now(timezone.utc)
    m = run.manifest
    lines = [f"## Release rehearsal on {run.env}: {verdict(run)}", "",
             f"Backup `{run.backup}`" + (f" (taken {m.started_at or m.created_at}, head {m.migration_head}, "
                                         f"{sum(m.row_counts.values())} rows)" if m else "")
             + f", restored into a scratch database at {when:%Y-%m-%d %H:%M} UTC; pending migrations from "
             f"{run.pending_source}; flagged: a lock that blocks reads or writes while a statement works through a "
             f"table of {run.thresholds.describe()} (the time is measured, never the criterion).", ""]
    for migration in run.migrations:
        lines += [f"### {title(migration)}", "", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows(migration)]
        details = _details(migration, "- ", "  - ")
        lines += [""] + details if details else []
        lines.append("")
    if not run.migrations:
        lines += ["Nothing pending: the backup is at the head of this checkout.", ""]
    if run.failure:
        lines += [f"**Failed:** `{run.failure}`", ""]
    if run.checks:
        lines += ["| check | result | time |", "|---|---|---|"]
        lines += [f"| {n} | {'ok' if ok else '**FAILED**'}: {_cell(d)} | {t:.2f} s |" for n, ok, d, t in run.checks]
        lines.append("")
    lines += [f"- note: {_cell(n)}" for n in run.notes]
    lines += [f"Time: {timings(run)}."]
    return mask("\n".join(lines) + "\n")


def write(run: Rehearsal, path: Path | None, directory: Path, when: datetime | None = None) -> Path:
    """The report at `path`, else `directory/rehearse-<env>-<UTC stamp>.md` (a second run never overwrites one)."""
    when = when or datetime.now(timezone.utc)
    if path is None:
        path = directory / f"rehearse-{run.env}-{when:%Y%m%dT%H%M%SZ}.md"
        for n in range(2, 1000):
            if not path.exists():
                break
            path = directory / f"rehearse-{run.env}-{when:%Y%m%dT%H%M%SZ}-{n}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(run, when))
    return path
