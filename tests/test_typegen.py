"""Types from the full schema: what is committed, what a real supabase-js client compiles against."""

import os
import shutil
import subprocess
import sys

import pytest

from polaris_db import REPO_ROOT
from polaris_db.typegen import DEFAULT_OUTPUT
from run_task import task_run

TSC = REPO_ROOT / "node_modules" / ".bin" / "tsc"
pytestmark = pytest.mark.cli


def tsc(config: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(TSC), "-p", str(REPO_ROOT / "tests" / "ts" / config)], capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=300)


def test_typed_client_compiles():
    result = tsc("tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_deliberate_type_error_fails_to_compile():
    result = tsc("tsconfig.error.json")
    assert result.returncode != 0
    assert "type_error.ts(9," in result.stdout and "TS2322" in result.stdout


def test_committed_types_pass_the_check_until_a_schema_change_then_regeneration_writes_it(
        schema_url, connect, tmp_path, capsys):
    """`supabase gen types` costs a second or two a run: the first check calls the task in-process, the stale check
    and the regeneration go through `inv` (the CLI contract of the task and of its --check). A copy of the
    committed file stands in for it, so nothing here can write into the checkout."""
    from polaris_db.tasks.types import gen_types

    output = tmp_path / "types.ts"
    shutil.copyfile(DEFAULT_OUTPUT, output)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPABASE_")} | {"DATABASE_URL": schema_url}

    def inv(*args):
        return subprocess.run([sys.executable, "-m", "invoke", "db.gen-types", "--output", str(output), *args],
                              cwd=REPO_ROOT, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              timeout=300)

    check = task_run(gen_types, capsys, {"DATABASE_URL": schema_url}, output=str(output), check=True)
    assert check.returncode == 0 and "is up to date" in check.stdout, \
        f"run `inv db.gen-types` and commit the file: {check.stdout[-3000:]}{check.stderr}"
    connect(schema_url).execute("alter table public.limits add column unit text")
    stale = inv("--check")
    assert stale.returncode == 8
    assert "is stale: run `inv db.gen-types`" in stale.stderr and '"unit"' in stale.stdout
    assert output.read_text() == DEFAULT_OUTPUT.read_text()  # --check writes nothing
    assert inv().returncode == 0 and '"unit"' in output.read_text()
