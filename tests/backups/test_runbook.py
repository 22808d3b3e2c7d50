"""The restore runbook is tested by running it: its `bash tested` blocks, as written, on a clean checkout,
against a throwaway database and the S3 server on loopback, with the backup key from the environment."""

import os
import re
import subprocess

from polaris_db import OPS_DIR, REPO_ROOT
from polaris_db.backups.dump import take_backup
from run_inv import inv_path

RUNBOOK = OPS_DIR / "runbook_restore.md"
TESTED = re.compile(r"^```bash tested\n(.*?)^```", re.M | re.S)


def runbook_blocks():
    return TESTED.findall(RUNBOOK.read_text())


def test_runbook_has_tested_steps_that_use_only_repo_commands():
    commands = [line.split("#")[0].strip() for block in runbook_blocks() for line in block.splitlines()]
    commands = [c for c in commands if c]
    assert len(commands) >= 8
    assert any(c.startswith("inv db.backup-download") for c in commands)  # the download step is run too
    for command in commands:
        assert command.startswith("inv db.") or re.match(r'^export [A-Z]+="\$STORE/', command), command


def test_runbook_runs_against_the_store(schema_url, tmp_path, s3_store, age_key, scratch_on_test_cluster):
    take_backup(schema_url, "prod", s3_store)  # last night's backup, in the bucket
    backups = tmp_path / "backups"
    script = "set -euo pipefail\n" + "\n".join(runbook_blocks())
    env = {**os.environ, "TARGET": "local", "STORE": s3_store.url, "BACKUPS": str(backups), "DATABASE_URL": schema_url,
           "POLARIS_STATE_DIR": str(tmp_path / "state"), **inv_path(tmp_path / "bin")}
    result = subprocess.run(["bash", "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    assert "downloaded prod-" in out and list(backups.glob("prod-*.backup")) and list(backups.glob("prod-*.json"))
    assert "ok prod-" in out and "restored into a scratch database" in out  # backup-verify, full
    assert "into scratch" in out and "tables match the manifest" in out  # restore --to scratch
    assert "restore drill ok" in out
    assert list((backups / "incident").glob("*.json")) and list((backups / "reports").glob("drill-*.md"))
    assert "postgres:postgres@" not in out + result.stderr and "AGE-SECRET-KEY" not in out + result.stderr
    assert not (tmp_path / "state").exists()  # scratch databases went to the test cluster, no embedded one started
