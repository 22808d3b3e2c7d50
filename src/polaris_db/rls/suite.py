"""The whole RLS suite against one database: catalog audits, coverage gate, and the access matrix, run once.

The matrix runs as ops/supabase/tests/rls_tests.sql with psql (its rendering, which locally must be
current): the same pg_temp.rls_check that staging, the rehearsal and an operator run, so the suite proves
the script and judges every case in one pass; its TAP lines are the per-case results. Output is TAP-like:
`not ok` lines name the object and say what was expected; `#` lines are section summaries. Passing
matrix cases print only with `verbose`.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import MIGRATIONS_DIR
from ..database import connection, database_name, scratch_database
from ..errors import ConfigError, DriftError
from ..migrations import discover, make_plan, read_history
from ..migrations.plan import describe_drift
from ..migrations.reset import build
from . import catalog
from .audits import run_audits
from .matrix import MATRIX_PATH, Matrix, coverage, load
from .render import render
from .script import SCRIPT_PATH, Check, ScriptRun, run_script


@dataclass
class SuiteReport:
    audits: list[str] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)
    matrix: list[Check] = field(default_factory=list)  # the script's TAP lines, one per matrix case
    script_ok: bool = True  # psql ran the script to its end (failed checks still count as a run)
    script_error: str = ""  # why not: psql's last error line
    script_stale: bool = False  # the committed script is not the rendering of the matrix
    script_run: ScriptRun | None = None  # psql's run of the script: exit code, TAP lines, stderr

    @property
    def failed(self) -> int:
        broken = [r for r in self.matrix if not r.passed]
        return len(self.audits) + len(self.coverage) + len(broken) + (not self.script_ok) + self.script_stale

    def summary(self) -> str:
        matrix_failed = sum(not r.passed for r in self.matrix)
        verdict = "FAILED" if self.failed else "passed"
        script = "ok" if self.script_ok else f"did not finish ({self.script_error or 'no output'})"
        if self.script_stale:
            script += ", STALE (run `inv db.sync`)"
        return (f"# rls-test {verdict}: audits {len(self.audits)} finding(s), coverage {len(self.coverage)} "
                f"gap(s), matrix {matrix_failed}/{len(self.matrix)} failed, script {script}")


def check_at_head(url: str, *, local: bool = False) -> None:
    """The suite tests the schema in the files: refuse a database that is behind or has drifted."""
    with connection(url) as conn:
        plan = make_plan(discover(MIGRATIONS_DIR), read_history(conn))
    if plan.drift:
        raise DriftError(describe_drift(plan, local=local))
    if plan.pending:
        raise ConfigError(f"{len(plan.pending)} migration(s) not applied (first: {plan.pending[0].filename}): "
                          "run `inv db.reset` or `inv db.push` first, or pass --fresh")


def run_suite(url: str, say: Callable[[str], None], *, verbose: bool = False, matrix_path: Path = MATRIX_PATH,
              script_path: Path = SCRIPT_PATH, check_script: bool = True) -> SuiteReport:
    """`check_script`: the committed script must be the rendering of the matrix on this database."""
    report = SuiteReport()
    matrix = load(matrix_path)
    with connection(url) as conn:
        report.audits = [str(f) for f in run_audits(conn, matrix.public_aggregates)]
        exposed = catalog.exposed(conn)
        report.coverage = coverage(matrix, exposed)
        if check_script:
            report.script_stale = script_is_stale(matrix, conn, script_path)
    say(f"# audits: {len(report.audits)} finding(s)")
    for finding in report.audits:
        say(f"not ok - audit {finding}")
    say(f"# coverage: {len(exposed.tables)} tables, {len(exposed.views)} views, {len(exposed.functions)} "
        f"functions, {len(exposed.buckets)} buckets; {len(report.coverage)} gap(s)")
    for problem in report.coverage:
        say(f"not ok - coverage {problem}")

    say(f"# matrix: {script_path.name} with psql, one check per case")
    if report.script_stale:
        say(f"not ok - script {script_path.name} is stale: the matrix or the schema changed; run `inv db.sync`")
    run = run_script(url, script_path, on_line=lambda line: say(line) if verbose or not line.startswith("ok ") else None)
    report.script_run = run
    report.matrix = run.results
    report.script_ok = run.complete
    if not run.complete:
        errors = run.errors.splitlines() or [f"psql exited {run.returncode}"]
        report.script_error = next((line for line in errors if "ERROR:" in line), errors[-1])
        say(f"not ok - script {script_path.name}: {len(run.results)} of {run.plan or '?'} checks ran, "
            f"psql exited {run.returncode}: {report.script_error}")
    say(report.summary())
    return report


def script_is_stale(matrix: Matrix, conn, script_path: Path = SCRIPT_PATH) -> bool:
    committed = script_path.read_text(encoding="utf-8") if script_path.is_file() else ""
    return committed != render(matrix, conn)


@contextmanager
def fresh_database(url: str):
    """A throwaway database beside `url` with shim + migrations + seeds; dropped afterwards."""
    with scratch_database(url, f"rls_fresh_{database_name(url)}") as scratch:
        with connection(scratch) as conn:
            build(conn)
        yield scratch
