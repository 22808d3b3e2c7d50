"""Run ops/supabase/tests/rls_tests.sql with the psql client, exactly as CI and operators do, and read its
TAP output back: one `Check` per matrix case."""

from __future__ import annotations

import re
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import OPS_DIR
from ..psql import psql_command

SCRIPT_PATH = OPS_DIR / "tests" / "rls_tests.sql"
HEAD_PATH = SCRIPT_PATH.with_name(SCRIPT_PATH.name + ".head")  # the helpers: the one executor of the matrix
TIMEOUT = 600  # seconds: the script takes a few; a hung server must not hang CI
TAP_LINE = re.compile(r"(ok|not ok) (\d+) - (.*?)(?: # (.*))?")
PLAN = re.compile(r"1\.\.(\d+)")
SUMMARY = re.compile(r"# \d+ checks: \d+ passed, \d+ failed")


@dataclass(frozen=True)
class Check:
    """One TAP line of the script: a matrix case as pg_temp.rls_check judged it."""

    number: int
    passed: bool
    description: str  # the case's title: "other may not select public.attempts"
    explanation: str | None = None  # failed checks: "expected denied, got allowed: 1 row(s)"

    @classmethod
    def parse(cls, line: str) -> Check | None:
        match = TAP_LINE.fullmatch(line)
        if not match:
            return None
        return cls(int(match[2]), match[1] == "ok", match[3], match[4])


@dataclass(frozen=True)
class ScriptRun:
    returncode: int
    lines: list[str]  # stdout: the TAP lines and the summary
    errors: str  # stderr: psql's error (the final "N check(s) failed", or a broken script)

    @property
    def results(self) -> list[Check]:
        return [check for check in map(Check.parse, self.lines) if check]

    @property
    def failures(self) -> list[str]:
        return [line for line in self.lines if line.startswith("not ok")]

    @property
    def checks(self) -> int:
        return sum(1 for line in self.lines if line.startswith(("ok ", "not ok ")))

    @property
    def plan(self) -> int | None:
        return next((int(m[1]) for m in map(PLAN.fullmatch, self.lines) if m), None)

    @property
    def complete(self) -> bool:
        """Every planned check reported and the summary printed: psql got to the end (failed checks
        make it exit 3 there, on purpose)."""
        return (self.plan is not None and self.checks == self.plan and bool(self.lines)
                and SUMMARY.fullmatch(self.lines[-1]) is not None)

    @property
    def passed(self) -> bool:
        return self.returncode == 0 and not self.failures and self.checks > 0


def run_script(url: str, path: Path = SCRIPT_PATH, on_line=None, timeout: float = TIMEOUT) -> ScriptRun:
    """`psql -X -v ON_ERROR_STOP=1 -f rls_tests.sql`; `on_line` sees each stdout line as it arrives.
    Past `timeout` seconds psql is killed and the run fails, saying so."""
    command, env = psql_command(url, "-v", "ON_ERROR_STOP=1", "-f", str(path))
    lines: list[str] = []
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          stdin=subprocess.DEVNULL) as process:
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        for raw in process.stdout:
            line = raw.rstrip("\n")
            if not line:
                continue
            lines.append(line)
            if on_line:
                on_line(line)
        errors = process.stderr.read()
        process.wait()
        timed_out = not watchdog.is_alive()
        watchdog.cancel()
    if timed_out:
        errors += f"\npsql did not finish within {timeout:.0f}s: killed"
    return ScriptRun(process.returncode, lines, errors.strip())
