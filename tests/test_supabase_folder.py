"""The committed supabase/ folder: the Supabase CLI, run from the repo root, works on our migrations and seeds.

The CLI runs as a user types it (`npx supabase ... --remote=<url>` in the repo root, no --workdir)
against a platform-like database (`empty_url`: the hosted model, `auth` and `storage` owned by the
platform roles, so the CLI's remote reset keeps them as on a real project). The test server's port is
never 54322: on 127.0.0.1 with config.toml's database port the CLI would look for its Docker stack.
"""

import subprocess
import tomllib

import psycopg
import pytest

from polaris_db import MIGRATIONS_DIR, REPO_ROOT, SEEDS_DIR, supabase_cli
from polaris_db.errors import MigrationFileError
from polaris_db.migrations import discover, migrate
from polaris_db.migrations.seeds import discover_seeds
from polaris_db.tasks.migrate import migration_list
from run_task import task_run

SUPABASE_DIR = REPO_ROOT / "supabase"


def test_config_seeds_are_every_seed_in_declared_order():
    config = tomllib.loads((SUPABASE_DIR / "config.toml").read_text())
    expected = [f"../{seed.path.relative_to(REPO_ROOT)}" for seed in discover_seeds(SEEDS_DIR)]
    assert config["db"]["seed"]["sql_paths"] == expected
    assert config["db"]["major_version"] == 17 and config["db"]["port"] == 54322


def test_migrations_folder_is_a_committed_link_to_ours():
    link = SUPABASE_DIR / "migrations"
    assert link.is_symlink() and link.resolve() == MIGRATIONS_DIR.resolve()
    staged = subprocess.run(["git", "ls-files", "-s", "supabase/migrations"], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=30, check=True).stdout
    assert staged.startswith("120000 "), "supabase/migrations must be committed as a symlink"


def test_timestamp_named_file_gets_a_rename_hint(tmp_path):
    for migration in discover(MIGRATIONS_DIR)[:2]:
        (tmp_path / migration.filename).write_text(migration.sql)
    (tmp_path / "20261130120000_Add-Streaks.sql").write_text("select 1;\n")
    with pytest.raises(MigrationFileError) as raised:
        discover(tmp_path)
    message = str(raised.value)
    assert raised.value.exit_code == 2 and "\n" not in message
    assert "supabase migration new" in message and "rename it to 0003_add_streaks.sql" in message


def npx_supabase(*args):
    """The CLI as a user runs it from the repo root (`npx supabase ...`): no --workdir."""
    env = supabase_cli.environment(PGSSLMODE="disable")
    result = subprocess.run([str(supabase_cli.cli_path()), *args], cwd=REPO_ROOT, env=env, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def our_listing(url, capsys):
    """`inv db.migration-list`'s table, in-process (tests/run_task.py; the task's CLI contract is in tests/tasks)."""
    result = task_run(migration_list, capsys, {"DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    return listed_versions(result.stdout)


def listed_versions(listing):
    """(local, remote) per row of a migration table, ours or the CLI's (which quotes cells in backticks)."""
    rows = [[cell.strip().strip("`").strip() for cell in line.split("|")] for line in listing.splitlines()]
    return [(row[0], row[1]) for row in rows if len(row) >= 2 and (row[0][:4].isdigit() or row[1][:4].isdigit())]


@pytest.mark.cli
def test_cli_list_and_push_dry_run_agree_with_ours(empty_url, tmp_path, capsys):
    url = empty_url
    local = discover(MIGRATIONS_DIR)
    for migration in local[:20]:
        (tmp_path / migration.filename).symlink_to(migration.path)
    with psycopg.connect(url, autocommit=True) as conn:
        migrate(conn, tmp_path)
    ours = our_listing(url, capsys)
    assert ours == [(m.version, m.version if i < 20 else "") for i, m in enumerate(local)]
    assert listed_versions(npx_supabase("migration", "list", f"--remote={url}")) == ours
    dry_run = npx_supabase("db", "push", "--dry-run", f"--remote={url}")
    assert [m.filename for m in local if m.filename in dry_run] == [m.filename for m in local[20:]]


@pytest.mark.cli
def test_cli_reset_builds_schema_and_seeds(empty_url, schema_url, connect, capsys):
    url = empty_url
    output = npx_supabase("db", "reset", "--yes", f"--remote={url}")
    assert [line.split()[-1] for line in output.splitlines() if line.startswith("Seeding data from")] == \
        [f"{seed.path.relative_to(REPO_ROOT)}..." for seed in discover_seeds(SEEDS_DIR)]
    assert our_listing(url, capsys) == [(m.version, m.version) for m in discover(MIGRATIONS_DIR)]
    counts = ("select (select count(*) from pg_tables where schemaname = 'public'),"
              " (select count(*) from pg_policies where schemaname in ('public', 'storage')), (select count(*) from public.drills),"
              " (select count(*) from public.coaches), (select count(*) from public.limits)")
    assert connect(url).execute(counts).fetchone() == connect(schema_url).execute(counts).fetchone()
