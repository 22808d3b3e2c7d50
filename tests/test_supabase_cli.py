"""Interop with the real Supabase CLI on fixture migrations: same history rows, either tool continues the other.

The committed supabase/ folder (the CLI on the real migrations, from the repo root): test_supabase_folder.py.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from polaris_db import REPO_ROOT, supabase_cli
from polaris_db.migrations import migrate, read_history

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.cli


@pytest.fixture(autouse=True)
def _cli_installed():
    supabase_cli.cli_path()  # raises with the install hint if scripts/setup was skipped


def fixture_workdir(root: Path, migrations: Path) -> Path:
    """A CLI project whose supabase/migrations links to a fixture folder (the repo's own is supabase/)."""
    (root / "supabase").mkdir(parents=True)
    (root / "supabase" / "migrations").symlink_to(migrations.resolve(), target_is_directory=True)
    return root


def history_rows(conn):
    return conn.execute("select version, name, statements from supabase_migrations.schema_migrations order by 1").fetchall()


def test_history_rows_are_byte_for_byte_what_the_cli_writes(bare_url, empty_url, connect, tmp_path):
    migrations = FIXTURES / "statements" / "migrations"
    ours = connect(bare_url)
    migrate(ours, migrations)
    supabase_cli.run(["db", "push", "--yes"], empty_url, workdir=fixture_workdir(tmp_path, migrations))
    assert history_rows(ours) == history_rows(connect(empty_url))


def test_cli_push_after_ours_applies_nothing(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    migrate(conn, FIXTURES / "migrations" / "good")
    result = supabase_cli.run(["db", "push", "--yes"], bare_url,
                              workdir=fixture_workdir(tmp_path, FIXTURES / "migrations" / "good"))
    assert "Applying migration" not in result.stdout + result.stderr
    assert conn.execute("select count(*) from public.notes").fetchone()[0] == 1


def test_we_continue_where_the_cli_stopped(bare_url, connect, tmp_path):
    partial = tmp_path / "partial"
    partial.mkdir()
    for name in ("0001_create_notes.sql", "0002_add_note_function.sql"):
        shutil.copy(FIXTURES / "migrations" / "good" / name, partial)
    supabase_cli.run(["db", "push", "--yes"], bare_url, workdir=fixture_workdir(tmp_path / "wd", partial))
    plan = migrate(connect(bare_url), FIXTURES / "migrations" / "good")
    assert [m.version for m in plan.pending] == ["0003"]
    assert [row.version for row in read_history(connect(bare_url))] == ["0001", "0002", "0003"]


def test_the_platform_binary_is_what_the_npm_wrapper_starts(monkeypatch):
    """The binary of the installed npm package's version (the wrapper resolves the same package)."""
    binary = supabase_cli.cli_path()
    assert binary != supabase_cli.CLI_PATH and binary.parent.parent.name.startswith("cli-"), binary
    installed = json.loads((binary.parent.parent / "package.json").read_text())["version"]
    assert installed == json.loads((REPO_ROOT / "node_modules" / "supabase" / "package.json").read_text())["version"]
    direct = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    assert direct.returncode == 0 and direct.stdout.strip() == installed
    monkeypatch.setenv("SUPABASE_CLI_BINARY_OVERRIDE", str(binary))
    assert supabase_cli.cli_path() == supabase_cli.CLI_PATH


def test_the_cli_starts_without_the_optimizing_jits_unless_the_caller_says(monkeypatch):
    """QUICK_START (DFG/FTL off) is a default: what the caller's environment sets wins; telemetry stays off."""
    monkeypatch.delenv("BUN_JSC_useDFGJIT", raising=False)
    monkeypatch.setenv("BUN_JSC_useFTLJIT", "1")
    monkeypatch.setenv("DO_NOT_TRACK", "0")
    env = supabase_cli.environment(PGSSLMODE="disable")
    assert env["BUN_JSC_useDFGJIT"] == "0" and env["BUN_JSC_useFTLJIT"] == "1"
    assert env["DO_NOT_TRACK"] == "1" and env["SUPABASE_TELEMETRY_DISABLED"] == "1" and env["PGSSLMODE"] == "disable"
