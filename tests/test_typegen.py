"""Types from the full schema: what is committed, what a real supabase-js client compiles against."""

import os
import subprocess
import sys

import pytest
from invoke import Context

from polaris_db import REPO_ROOT
from polaris_db.typegen import DEFAULT_OUTPUT, stale_diff

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


def test_gen_types_writes_the_committed_types_and_check_fails_after_a_schema_change_until_regenerated(
        schema_url, connect, tmp_path, monkeypatch, capsys):
    """`supabase gen types` costs a second or two a run: the first and last steps call the task in-process, the
    two in between go through `inv` (the CLI contract of the task and of its --check)."""
    from polaris_db.tasks.types import gen_types

    output = tmp_path / "types.ts"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPABASE_")} | {"DATABASE_URL": schema_url}
    monkeypatch.setenv("DATABASE_URL", schema_url)
    for name in [name for name in os.environ if name.startswith("SUPABASE_")]:
        monkeypatch.delenv(name)

    def inv(*args):
        return subprocess.run([sys.executable, "-m", "invoke", "db.gen-types", "--output", str(output), *args],
                              cwd=REPO_ROOT, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              timeout=300)

    gen_types(Context(), output=str(output))
    assert stale_diff(output.read_text(), DEFAULT_OUTPUT) == "", "run `inv db.gen-types` and commit the file"
    connect(schema_url).execute("alter table public.limits add column unit text")
    stale = inv("--check")
    assert stale.returncode == 8
    assert "is stale: run `inv db.gen-types`" in stale.stderr and '"unit"' in stale.stdout
    assert inv().returncode == 0 and '"unit"' in output.read_text()
    capsys.readouterr()
    gen_types(Context(), output=str(output), check=True)  # no Exit: it passes
    assert "is up to date" in capsys.readouterr().out
