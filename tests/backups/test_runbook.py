"""The restore runbook is tested by running it: its `bash tested` blocks, as written, against a throwaway database."""

import os
import re
import subprocess

from polaris_db import OPS_DIR, REPO_ROOT
from polaris_db.backup import take_backup

RUNBOOK = OPS_DIR / "runbook_restore.md"
TESTED = re.compile(r"^```bash tested\n(.*?)^```", re.M | re.S)


def runbook_blocks():
    return TESTED.findall(RUNBOOK.read_text())


def test_runbook_has_tested_steps_that_use_only_repo_commands():
    commands = [line.split("#")[0].strip() for block in runbook_blocks() for line in block.splitlines()]
    commands = [c for c in commands if c]
    assert len(commands) >= 8
    for command in commands:
        assert command.startswith("inv db.") or re.match(r"^[A-Z]+=\$\(ls ", command), command


def test_runbook_runs(schema_url, tmp_path):
    backups = tmp_path / "backups"
    take_backup(schema_url, "local", backups)  # last night's backup
    script = "set -euo pipefail\n" + "\n".join(runbook_blocks())
    env = {**os.environ, "TARGET": "local", "BACKUPS": str(backups), "DATABASE_URL": schema_url,
           "POLARIS_STATE_DIR": str(tmp_path / "state"), "PATH": f"{REPO_ROOT / '.venv' / 'bin'}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    assert "ok " in out and "sha256 matches" in out  # backup-verify
    assert "into scratch" in out and "tables match the manifest" in out  # restore --to scratch
    assert "restore drill ok" in out
    assert list((backups / "incident").glob("*.json")) and list((backups / "reports").glob("drill-*.md"))
    assert "postgres:postgres@" not in out + result.stderr
