"""`ops/supabase/tests/smoke.sql` as the staging and production workflows run it (`inv db.psql --file`): it checks
the database against the head of the migration files, not a number written into it."""

import re
import subprocess

from polaris_db import MIGRATIONS_DIR, OPS_DIR
from polaris_db.migrations.files import head_version
from polaris_db.psql import psql_command
from polaris_db.tasks.migrate import psql

from run_inv import inv
from run_task import task_run

SMOKE = OPS_DIR / "tests" / "smoke.sql"


def test_no_migration_number_is_written_into_the_smoke_query():
    code = "\n".join(line for line in SMOKE.read_text().splitlines() if not line.lstrip().startswith("--"))
    assert not re.search(r"'\d{4}'", code)


def test_smoke_passes_on_a_database_at_the_head_of_the_files(schema_url, capfd):
    """In-process (tests/run_task.py); the failing run below goes through `inv`, as the workflows run it."""
    result = task_run(psql, capfd, {"DATABASE_URL": schema_url}, file=str(SMOKE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in ("", "DO")


def test_smoke_fails_on_a_database_behind_the_files_naming_both_heads(schema_url, connect):
    head = head_version(MIGRATIONS_DIR)
    conn = connect(schema_url)
    conn.execute("delete from supabase_migrations.schema_migrations where version = %s", (head,))
    behind = conn.execute("select max(version) from supabase_migrations.schema_migrations").fetchone()[0]
    result = inv("db.psql", "--file", str(SMOKE), url=schema_url)
    assert result.returncode == 9, result.stderr
    assert f"database is at migration {behind}, the migration files' head is {head}" in result.stderr


def test_smoke_without_the_setting_says_how_to_run_it(schema_url):
    command, env = psql_command(schema_url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(SMOKE))
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 3
    assert "polaris.migration_head is not set: run smoke.sql with inv db.psql --file" in result.stderr
