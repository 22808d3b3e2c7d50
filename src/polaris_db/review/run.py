"""`inv db.review`: plan, findings, locks, access and types of a pull request's migrations, and its blockers.

One scratch database does it all: the base's migrations and the seeds, production-shaped rows in the tables the
change touches, the probes and the types on the base; then the added migrations, traced; then the probes and the
types on the head. With a masked snapshot at hand (`snapshot.py`), the locks are traced on a second scratch
database, the snapshot restored and brought to the base, and the seeded one only takes the change for the probes.
A blocker is a finding on a changed file, an applied migration edited, a migration that fails, a flagged
statement, or an access change the matrix file does not record.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from .. import REPO_ROOT
from ..backups.targets import scratch_url
from ..database import connection, scratch_database
from ..errors import PolarisError
from ..lint.base import Finding
from ..migrations import migrate
from ..migrations.seeds import run_seeds
from ..rehearse.flags import Thresholds
from ..rls.matrix import load as load_matrix
from .access import Change, diff, probe
from .plan import MIGRATIONS, NOTES, Plan, base_migrations, make_plan
from .snapshot import Restored, snapshot_database
from .trace import DEFAULT_CAP, Trace, shape, trace

MATRIX = "ops/supabase/tests/access_matrix.toml"
SEEDS = "ops/supabase/seeds"


@dataclass
class Review:
    plan: Plan
    findings: list[Finding] = field(default_factory=list)
    trace: Trace | None = None
    access: list[Change] = field(default_factory=list)
    types: list[str] = field(default_factory=list)  # "+ ..." / "- ..." lines of the generated TypeScript
    notes: list[str] = field(default_factory=list)

    @property
    def blockers(self) -> list[str]:
        out = [str(f) for f in self.findings]
        out += [f"{m.filename}: an applied migration was edited (write a new one)" for m in self.plan.edited]
        if self.trace and self.trace.failure:
            out.append(self.trace.failure)
        out += [f"{m.migration.filename}:{s.line}: {s.flags[0]}" for m, s in (self.trace.flagged if self.trace else [])]
        out += [f"{c} (not recorded in {MATRIX})" for c in self.access if not c.recorded]
        return out


def findings(root: Path, plan: Plan, server: str | None) -> list[Finding]:
    """Our rules (static, and catalog ones on a scratch database of `server`) and squawk on the head tree, kept
    for the changed files (the base's are the base's); Supabase's advisors are `inv db.lint`'s."""
    from ..lint.runner import Options, conventions

    changed = {f"{MIGRATIONS}/{m.filename}" for m in plan.changed}
    return [f for f in conventions(Options(root, server_url=server, advisors=False)).findings if f.path in changed]


def _types(url: str, notes: list[str]) -> str:
    from ..typegen import generate

    try:
        return generate(url)
    except PolarisError as error:
        notes.append(f"types not generated: {error}")
        return ""


def _seed(conn: psycopg.Connection, root: Path, notes: list[str]) -> None:
    try:
        run_seeds(conn, root / SEEDS)
    except PolarisError as error:  # the head's seeds may need the head's schema
        notes.append(f"seeds not run on the base: {error}")


def review(base: str, *, root: Path = REPO_ROOT, store=None, snapshot_store=None, thresholds: Thresholds | None = None,
           cap: int = DEFAULT_CAP, types: bool = True, say=lambda text: None) -> Review:
    """`snapshot_store`: where the masked snapshot is (`review.snapshot`); `store`: the backups whose newest prod
    manifest sizes synthetic rows when there is no snapshot."""
    thresholds = thresholds or Thresholds()
    with base_migrations(base, root) as base_dir:
        plan = make_plan(base, base_dir, root / MIGRATIONS, root / NOTES)
        result = Review(plan)
        if not plan.changed:
            return result
        say(f"review: {len(plan.added)} added, {len(plan.edited)} edited migration(s) against {base}")
        server = scratch_url("postgres")
        result.findings = findings(root, plan, server)
        matrix = load_matrix(root / MATRIX)
        with scratch_database(server, shim=True) as url, \
                snapshot_database(snapshot_store, base_dir, result.notes, say=say) as snapshot:
            with connection(url) as conn:
                say("building the base ...")
                migrate(conn, base_dir)
                _seed(conn, root, result.notes)
                if snapshot is None:
                    source, notes = shape(conn, plan.added, store, thresholds, cap)
                    result.notes += notes
            say("probing access on the base ...")
            before, base_types = probe(url, matrix), _types(url, result.notes) if types else ""
            say("applying and tracing the change ...")
            if snapshot is None:
                with connection(url) as conn:
                    result.trace = trace(conn, url, plan.added, thresholds)
                result.trace.source = source
            else:
                result.trace = _on_snapshot(snapshot, url, plan, thresholds)
            if result.trace.failure:
                return result
            say("probing access on the head ...")
            after, head_types = probe(url, matrix), _types(url, result.notes) if types else ""
        result.access = diff(before, after, matrix)
        result.types = types_diff(base_types, head_types)
    return result


def types_diff(base: str, head: str) -> list[str]:
    """The "+ ..." / "- ..." lines from the base's generated TypeScript to the head's."""
    return [line.rstrip("\n") for line in difflib.unified_diff(base.splitlines(), head.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _on_snapshot(snapshot: Restored, url: str, plan: Plan, thresholds: Thresholds) -> Trace:
    """The locks traced on the snapshot (production's counts from its manifest); the change applied on the seeded
    database too, where the access and the types are compared (a table empty in production still shows a leak)."""
    thresholds.production = {**snapshot.manifest.row_counts, **thresholds.production}
    with connection(snapshot.url) as conn:
        traced = trace(conn, snapshot.url, plan.added, thresholds)
    traced.source = snapshot.source
    if not traced.failure:
        with connection(url) as conn:
            failure = trace(conn, url, plan.added, Thresholds()).failure
        traced.failure = f"on the seeded database: {failure}" if failure else None
    return traced
