"""Run a bench script under scripts/ at a toy size, as a test: a broken bench fails CI, figures are not judged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg

from polaris_db import REPO_ROOT

SCRIPTS = REPO_ROOT / "scripts"


def _databases(server) -> set[str]:
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        return {name for (name,) in conn.execute("select datname from pg_database").fetchall()}


def run_bench(name: str, *args: str, workdir: Path, timeout: int = 600, server=None, schema: str | None = None,
              s3: str | None = None) -> str:
    """stdout of `scripts/<name> args`; the bench must exit 0 with no traceback. Its temporary files and cluster
    go to `workdir` (a cluster_dir: what a killed or failed bench left running there is stopped). `server` (the
    test run's `cluster`) lends the bench that server instead of its own cluster (scripts/benchkit.py), `schema`
    a database there with the full schema to clone: every database the bench made there must be gone after; `s3`
    an S3 endpoint (the test run's moto server) for bench_backup's store."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "POLARIS_SCRATCH_URL") and not k.startswith("POLARIS_BENCH_")}
    env["TMPDIR"] = str(workdir)
    if server is not None:
        env["POLARIS_BENCH_SERVER_URL"] = server.admin_url()
        before = _databases(server)
    if schema:
        env["POLARIS_BENCH_SCHEMA"] = schema
    if s3:
        env["POLARIS_BENCH_S3_URL"] = s3
    result = subprocess.run([sys.executable, str(SCRIPTS / name), *args], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{name} failed ({result.returncode}): {result.stdout[-1500:]}{result.stderr[-2500:]}"
    assert "Traceback" not in result.stderr, result.stderr[-2500:]
    if server is not None:
        assert _databases(server) == before, f"{name} left databases: {sorted(_databases(server) - before)}"
    return result.stdout


def main_exit(name: str, *args: str, monkeypatch, capsys) -> tuple[int, str]:
    """(exit code, stderr) of `scripts/<name> args` run as main() in this process: for argument checks, where the
    script's own toy run (`run_bench`) already proves it works as a process."""
    import pytest

    monkeypatch.syspath_prepend(str(SCRIPTS))
    monkeypatch.setattr(sys, "argv", [str(SCRIPTS / name), *args])
    module = __import__(name.removesuffix(".py"))
    with pytest.raises(SystemExit) as caught:
        module.main()
    return caught.value.code, capsys.readouterr().err
