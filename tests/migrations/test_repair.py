"""`db.repair` on a real database: a read-only plan (name and statements hash of every file vs every history row),
then the CLI's verbs (applied, reverted) and a baseline, after confirmation; the Supabase CLI agrees afterwards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from polaris_db import supabase_cli
from polaris_db.errors import ConfigError
from polaris_db.migrations import discover, make_plan, migrate, read_history
from polaris_db.migrations.repair import compare, execute, plan_repair, seed_files, statements_hash
from run_inv import inv
from run_task import task_run

GOOD = Path(__file__).parents[1] / "fixtures" / "migrations" / "good"


def _history(conn):
    return conn.execute("select version, name, statements from supabase_migrations.schema_migrations "
                        "order by version").fetchall()


def _broken(conn):
    """0002's row edited, 0003's renamed, a row 0009 without a file."""
    migrate(conn, GOOD)
    conn.execute("update supabase_migrations.schema_migrations set statements = array['select 1'] where version = '0002'")
    conn.execute("update supabase_migrations.schema_migrations set name = 'old_name' where version = '0003'")
    conn.execute("insert into supabase_migrations.schema_migrations values ('0009', array['select 9'], 'gone')")


def cli_list(url: str, migrations: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """(local, remote) per line of `supabase migration list --remote`."""
    (tmp_path / "cli" / "supabase").mkdir(parents=True)
    (tmp_path / "cli" / "supabase" / "migrations").symlink_to(migrations.resolve(), target_is_directory=True)
    out = supabase_cli.run(["migration", "list"], url, workdir=tmp_path / "cli").stdout
    rows = []
    for line in out.splitlines():
        cells = [c.strip().strip("`") for c in re.split(r"[│|]", line)]
        if len(cells) >= 2 and re.fullmatch(r"\d*", cells[0]) and re.fullmatch(r"\d*", cells[1]) and any(cells[:2]):
            rows.append((cells[0], cells[1]))
    return rows


def test_the_plan_compares_every_file_and_row_and_changes_nothing(bare_url, connect):
    conn = connect(bare_url)
    _broken(conn)
    before = _history(conn)
    rows = {r.version: r for r in compare(discover(GOOD), read_history(conn))}
    assert {v: r.status for v, r in rows.items()} == {"0001": "ok", "0002": "edited", "0003": "renamed",
                                                       "0009": "no file"}
    assert rows["0002"].file_hash == statements_hash(discover(GOOD)[1].statements) != rows["0002"].history_hash
    assert rows["0009"].name == "gone" and rows["0009"].file is None
    assert not any(r.action for r in plan_repair(discover(GOOD), read_history(conn)))
    assert _history(conn) == before
    with pytest.raises(ConfigError, match="--applied 0007: no local file"):
        plan_repair(discover(GOOD), read_history(conn), applied_versions=["0007"])
    with pytest.raises(ConfigError, match="--reverted 0008: no history row"):
        plan_repair(discover(GOOD), read_history(conn), reverted=["0008"])


@pytest.mark.cli
def test_applied_and_reverted_reconcile_and_the_cli_agrees(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    _broken(conn)
    conn.execute("create table supabase_migrations.seed_files (path text not null primary key, hash text not null)")
    conn.execute("insert into supabase_migrations.seed_files values ('supabase/seed.sql', 'abc')")
    rows = plan_repair(discover(GOOD), read_history(conn), applied_versions=["0002", "0003"], reverted=["0009"])
    assert [(r.version, r.action) for r in rows if r.action] == [
        ("0002", "rewrite the row from the file"), ("0003", "rewrite the row from the file"), ("0009", "delete the row")]
    assert execute(conn, rows) == 3
    plan = make_plan(discover(GOOD), read_history(conn))
    assert not plan.drift and not plan.pending
    assert seed_files(conn) == [("supabase/seed.sql", "abc")]  # the CLI's seed records are left alone
    assert cli_list(bare_url, GOOD, tmp_path) == [("0001", "0001"), ("0002", "0002"), ("0003", "0003")]


@pytest.mark.cli
def test_baseline_records_files_without_running_them(bare_url, connect, tmp_path):
    conn = connect(bare_url)
    conn.execute((GOOD / "0001_create_notes.sql").read_text())  # the schema made before the project adopted us
    rows = plan_repair(discover(GOOD), read_history(conn), baseline="0001")
    assert [(r.version, r.action) for r in rows if r.action] == [("0001", "insert the file's row (baseline: not run)")]
    execute(conn, rows)
    assert [a.version for a in read_history(conn)] == ["0001"]
    assert read_history(conn)[0].statements == discover(GOOD)[0].statements  # as the CLI and db.push write it
    plan = migrate(conn, GOOD)  # the rest applies on top
    assert [m.version for m in plan.pending] == ["0002", "0003"]
    assert cli_list(bare_url, GOOD, tmp_path) == [("0001", "0001"), ("0002", "0002"), ("0003", "0003")]


def test_the_task_plans_read_only_and_changes_only_after_confirmation(bare_url, connect, tmp_path, capsys):
    """Through `inv` where it asks for confirmation and where it changes rows; the plan and a bad --baseline
    in-process (tests/run_task.py)."""
    from polaris_db.tasks.migrate import repair

    conn = connect(bare_url)
    _broken(conn)
    before = _history(conn)
    result = task_run(repair, capsys, {"DATABASE_URL": bare_url}, migrations=str(GOOD))
    assert result.returncode == 0, result.stderr
    assert "edited" in result.stdout and "no file" in result.stdout and "nothing to change" in result.stdout
    result = inv("db.repair", "--migrations", str(GOOD), "--reverted", "0009", url=bare_url)
    assert result.returncode == 6 and result.stderr.startswith("error: Change 1 history row(s)")
    assert _history(conn) == before
    result = inv("db.repair", "--migrations", str(GOOD), "--reverted", "0009", "--applied", "0002,0003", "--yes",
                 url=bare_url)
    assert result.returncode == 0, result.stderr
    assert "repaired 3 row(s) on local: 3 applied, 0 pending, 0 drifted" in result.stdout
    result = task_run(repair, capsys, {"DATABASE_URL": bare_url}, migrations=str(GOOD), baseline="0042")
    assert result.returncode == 2 and result.stderr == "error: --baseline 0042: no local file has that version\n"
