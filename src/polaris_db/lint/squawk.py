"""Migration safety for production (locks, rewrites, destructive changes) from squawk (PyPI `squawk-cli`).

squawk has these rules already; we only run it and translate its JSON into findings with IDs like
`squawk:adding-required-field`. Configuration lives in the repo's `.squawk.toml` (migrations run in a
transaction, so `assume_in_transaction = true`); files whose header says `-- polaris: transaction=false`
are checked with `--no-assume-in-transaction`. squawk's JSON reporter counts lines from 0.
squawk's own inline ignore (`-- squawk-ignore rule`) works too, but `-- noqa: squawk:rule reason` is
the documented way, because it needs a reason and is reported when stale.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .. import REPO_ROOT
from ..errors import ConfigError, PolarisError
from ..migrations.files import OPTION_PATTERN
from .base import Finding
from .sqlfile import SqlFile

CONFIG = REPO_ROOT / ".squawk.toml"
PREFIX = "squawk:"
TIMEOUT = 120  # seconds; squawk takes a fraction of one


def binary() -> str:
    beside_python = Path(sys.executable).parent / "squawk"
    found = str(beside_python) if beside_python.exists() else shutil.which("squawk")
    if not found:
        raise ConfigError("squawk not found: install the project (`pip install -e .` brings squawk-cli)")
    return found


def transactional(file: SqlFile) -> bool:
    options = {m["key"]: m["value"] for m in OPTION_PATTERN.finditer(file.text)}
    return options.get("transaction", "true") == "true"


def run_squawk(files: list[SqlFile], config: Path = CONFIG) -> list[Finding]:
    findings: list[Finding] = []
    by_path = {str(f.path): f for f in files}
    groups = {"--assume-in-transaction": [f for f in files if transactional(f)],
              "--no-assume-in-transaction": [f for f in files if not transactional(f)]}
    for flag, group in groups.items():
        if not group:
            continue
        command = [binary(), "--config", str(config), flag, "--reporter", "json", *(str(f.path) for f in group)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise PolarisError(f"squawk did not finish within {TIMEOUT}s") from None
        try:
            reports = json.loads(result.stdout or "[]")
        except json.JSONDecodeError:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise ConfigError(f"squawk failed ({result.returncode}): {detail[-1] if detail else 'no output'}") from None
        for report in reports:
            file = by_path.get(report["file"]) or by_path.get(str(Path(report["file"]).resolve()))
            rel = file.rel if file else report["file"]
            message = report["message"] + (f" ({report['help']})" if report.get("help") else "")
            findings.append(Finding(rel, int(report["line"]) + 1, PREFIX + report["rule_name"], message))
    return findings
