"""Types from the full schema: what is committed, what a real supabase-js client compiles against."""

import shutil
import subprocess

import pytest

from polaris_db import REPO_ROOT, typegen
from polaris_db.typegen import DEFAULT_OUTPUT
from run_inv import inv
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

    def gen_types_inv(*args):
        return inv("db.gen-types", "--output", str(output), *args, url=schema_url)

    check = task_run(gen_types, capsys, {"DATABASE_URL": schema_url}, output=str(output), check=True)
    assert check.returncode == 0 and "is up to date" in check.stdout, \
        f"run `inv db.gen-types` and commit the file: {check.stdout[-3000:]}{check.stderr}"
    connect(schema_url).execute("alter table public.limits add column unit text")
    stale = gen_types_inv("--check")
    assert stale.returncode == 8
    assert "is stale: run `inv db.gen-types`" in stale.stderr and '"unit"' in stale.stdout
    assert output.read_text() == DEFAULT_OUTPUT.read_text()  # --check writes nothing
    assert gen_types_inv().returncode == 0 and '"unit"' in output.read_text()


def test_types_are_cached_by_the_whole_schema_and_a_hit_is_what_the_cli_prints(schema_url, connect, tmp_path,
                                                                                  monkeypatch):
    """The cache answers only for the exact schema: a planted entry is returned under its key, and any change the
    CLI could see (a column, a comment, a function), and another CLI build, give another key."""
    monkeypatch.setenv("POLARIS_TYPES_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SUPABASE_CLI_BINARY_OVERRIDE", raising=False)
    fresh = typegen.generate(schema_url)
    assert list((tmp_path / "cache").rglob("*.ts")), "a miss stores the CLI's types"
    assert typegen.generate(schema_url) == fresh, "a hit differs from what the CLI printed"

    key = typegen.cache_key(schema_url, "public")
    assert key and typegen.cache_key(schema_url, "public") == key, "the key is stable for one schema"
    assert typegen.cache_key(schema_url, "storage") != key, "the schema asked for is part of the key"
    (tmp_path / "cache" / key[:2] / f"{key}.ts").write_text("export type Planted = 1\n")
    assert typegen.generate(schema_url) == "export type Planted = 1\n"

    conn = connect(schema_url)
    for change in ("comment on column public.limits.value is 'minutes a day'",
                   "create function public.typegen_probe() returns int language sql as 'select 1'",
                   "alter table public.limits add column unit text"):
        conn.execute(change)
        changed = typegen.cache_key(schema_url, "public")
        assert changed != key, f"the key missed: {change}"
        key = changed
    monkeypatch.setattr(typegen, "_cli_build", lambda: ["9.9.9", 1])
    assert typegen.cache_key(schema_url, "public") != key, "the CLI's build is part of the key"


def test_nothing_is_cached_for_a_hosted_database_another_cli_or_a_database_that_does_not_answer(
        schema_url, tmp_path, monkeypatch):
    monkeypatch.setenv("POLARIS_TYPES_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SUPABASE_CLI_BINARY_OVERRIDE", raising=False)
    # never dumped (no connection is tried: it would fail here, with no network)
    assert typegen.cache_key("postgresql://postgres:pw@db.abcdefgh.supabase.co:5432/postgres", "public") is None
    assert typegen.cache_key("postgresql://postgres:pw@10.1.2.3:5432/postgres", "public") is None
    assert typegen.cache_key(schema_url, "public") is not None
    monkeypatch.setenv("SUPABASE_CLI_BINARY_OVERRIDE", "/nonexistent/supabase")
    assert typegen.cache_key(schema_url, "public") is None
    monkeypatch.delenv("SUPABASE_CLI_BINARY_OVERRIDE")
    gone = schema_url.rsplit("/", 1)[0] + "/no_such_database"
    assert typegen.cache_key(gone, "public") is None  # then the CLI runs and reports, as without a cache
