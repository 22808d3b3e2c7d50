"""House SQL style with sqlfluff (config: the repo's `.sqlfluff`): postgres dialect, lowercase, raw templater.

sqlfluff runs as a subprocess (`python -m sqlfluff lint --format json --processes N`): its parallel
mode starts worker processes, which is safest from a clean interpreter. Every violation becomes a
finding `path:line: CODE message`; a parse error (PRS) or templating error (TMP) is a finding like
any other, never skipped. Every SQL file found must appear in sqlfluff's report, so a file skipped
for any reason (size limit, an ignore file nobody reviewed) fails the run too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .. import REPO_ROOT
from ..errors import ConfigError, PolarisError
from .base import Finding

CONFIG = REPO_ROOT / ".sqlfluff"
NOT_LINTED = "SKIP"
TIMEOUT = 900  # seconds for all of ops/ (a few seconds today)


def sql_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        found.extend(sorted(path.rglob("*.sql")) if path.is_dir() else [path])
    return found


def ignored(root: Path) -> set[Path]:
    """Files excluded on purpose by `.sqlfluffignore` (listed there with a reason)."""
    ignore_file = root / ".sqlfluffignore"
    if not ignore_file.is_file():
        return set()
    patterns = [line.strip() for line in ignore_file.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return {p.resolve() for pattern in patterns for p in root.glob(pattern.strip("/"))}


def run_sqlfluff(paths: list[Path], root: Path, processes: int | None = None) -> list[Finding]:
    processes = processes or os.cpu_count() or 1
    command = [sys.executable, "-m", "sqlfluff", "lint", "--config", str(CONFIG), "--format", "json",
               "--disable-progress-bar", "--processes", str(processes), *(str(p) for p in paths)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=root, stdin=subprocess.DEVNULL,
                                timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise PolarisError(f"sqlfluff did not finish within {TIMEOUT}s") from None
    try:
        records = json.loads(result.stdout)
    except json.JSONDecodeError:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ConfigError(f"sqlfluff failed ({result.returncode}): {detail[-1] if detail else 'no output'}") from None
    findings, linted = [], set()
    for record in records:
        path = (root / record["filepath"]).resolve()
        linted.add(path)
        rel = _relative(path, root)
        for violation in record["violations"]:
            findings.append(Finding(rel, violation.get("start_line_no") or 1, violation["code"],
                                    violation["description"]))
    skip_ok = ignored(root)
    for path in sql_files(paths):
        if path.resolve() not in linted and path.resolve() not in skip_ok:
            findings.append(Finding(_relative(path.resolve(), root), 1, NOT_LINTED, "sqlfluff did not lint this file"))
    return findings


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
