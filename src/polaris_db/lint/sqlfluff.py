"""House SQL style with sqlfluff (config: the repo's `.sqlfluff`): postgres dialect, lowercase, raw templater.

sqlfluff runs as a subprocess (`python -m sqlfluff lint --format json --processes N`): its parallel
mode starts worker processes, which is safest from a clean interpreter. Every violation becomes a
finding `path:line: CODE message`; a parse error (PRS) or templating error (TMP) is a finding like
any other, never skipped. Every SQL file found must appear in sqlfluff's report, so a file skipped
for any reason (size limit, an ignore file nobody reviewed) fails the run too.

Results are cached by content, as ruff and eslint do: a file whose bytes, the `.sqlfluff` config and the
sqlfluff version are unchanged is not linted again (all of ops/ costs ~9 CPU-seconds; an edit relints one
file). The cache lives in ~/.cache/polaris-db/sqlfluff (XDG_CACHE_HOME); POLARIS_LINT_CACHE names another
folder, or `off`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .. import REPO_ROOT, cache
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


def cache_dir() -> Path | None:
    return cache.folder("sqlfluff", "POLARIS_LINT_CACHE")


def _versions() -> bytes:
    found = []
    for package in ("sqlfluff", "sqlfluffrs"):  # the Rust parser is part of what decides the findings
        try:
            found.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} absent")
    return "\n".join(found).encode()


def _keys(files: list[Path]) -> dict[Path, str]:
    salt = hashlib.sha256(_versions() + b"\0" + CONFIG.read_bytes()).digest()
    return {path: hashlib.sha256(salt + path.read_bytes()).hexdigest() for path in files}


def _store(folder: Path, key: str, violations: list[dict]) -> None:
    cache.write(folder, key, ".json", json.dumps(violations))


def _cached(folder: Path, key: str) -> list[dict] | None:
    try:
        return json.loads(cache.read(folder, key, ".json") or "null")
    except ValueError:
        return None


def run_sqlfluff(paths: list[Path], root: Path, processes: int | None = None) -> list[Finding]:
    skip_ok = ignored(root)
    files = [path.resolve() for path in sql_files(paths) if path.resolve() not in skip_ok]
    folder = cache_dir()
    keys = _keys(files) if folder else {}
    known = {path: found for path in files if folder and (found := _cached(folder, keys[path])) is not None}
    fresh = [path for path in files if path not in known]
    records = [{"filepath": str(path), "violations": violations} for path, violations in known.items()]
    if fresh:
        records += _lint(fresh, root, processes)
    findings, linted = [], set()
    for record in records:
        path = (root / record["filepath"]).resolve()
        linted.add(path)
        if folder and path in keys and path not in known:
            _store(folder, keys[path], record["violations"])
        rel = _relative(path, root)
        for violation in record["violations"]:
            findings.append(Finding(rel, violation.get("start_line_no") or 1, violation["code"],
                                    violation["description"]))
    for path in files:
        if path not in linted:
            findings.append(Finding(_relative(path, root), 1, NOT_LINTED, "sqlfluff did not lint this file"))
    return findings


def _lint(files: list[Path], root: Path, processes: int | None) -> list[dict]:
    processes = min(processes or os.cpu_count() or 1, len(files))
    command = [sys.executable, "-m", "sqlfluff", "lint", "--config", str(CONFIG), "--format", "json",
               "--disable-progress-bar", "--processes", str(processes), *(str(p) for p in files)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=root, stdin=subprocess.DEVNULL,
                                timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise PolarisError(f"sqlfluff did not finish within {TIMEOUT}s") from None
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ConfigError(f"sqlfluff failed ({result.returncode}): {detail[-1] if detail else 'no output'}") from None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
