"""What the tasks print when their reader goes away (`inv ... | head -1`) or a server is unreachable."""

import os
import subprocess
import sys

from polaris_db import REPO_ROOT

from polaris_db.tasks.cluster import status
from run_inv import inv
from run_task import task_run


def inv_into_closed_pipe(*args, url=None):
    """`inv ...` whose stdout reader is already gone: every write to stdout is a broken pipe (no race)."""
    read, write = os.pipe()
    os.close(read)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SUPABASE_"))}
    if url:
        environment["DATABASE_URL"] = url
    try:
        return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=REPO_ROOT, env=environment, stdout=write,
                              stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL, timeout=300)
    finally:
        os.close(write)


def test_a_listing_into_a_closed_pipe_prints_no_traceback(empty_url):
    result = inv_into_closed_pipe("db.migration-list", url=empty_url)
    assert result.returncode == 0 and result.stderr == ""


def test_a_reset_whose_reader_went_away_still_finishes(empty_url, connect, capsys):
    """Not killed half-way by the pipe (the reason SIGPIPE keeps Python's default): the database is complete."""
    result = inv_into_closed_pipe("db.reset", "--no-seed", url=empty_url)
    assert result.returncode == 0 and result.stderr == ""
    assert task_run(status, capsys, {"DATABASE_URL": empty_url}).returncode == 0  # in-process: tests/run_task.py
    assert connect(empty_url).execute("select count(*) from supabase_migrations.schema_migrations").fetchone()[0] > 40


def test_invoke_s_own_listing_into_a_closed_pipe_prints_no_traceback():
    for args in (("--list",), ("--help", "db.backup")):
        result = inv_into_closed_pipe(*args)
        assert result.returncode == 0 and result.stderr == "", result.stderr


def test_piped_into_head(empty_url):
    result = subprocess.run(["bash", "-c", f"{sys.executable} -m invoke db.migration-list | head -1"], cwd=REPO_ROOT,
                            env={**os.environ, "DATABASE_URL": empty_url}, capture_output=True, text=True, timeout=300)
    assert result.stdout.count("\n") == 1 and "Traceback" not in result.stderr and result.stderr == ""


def test_an_unreachable_server_is_one_clean_masked_line():
    """It started with a tab (libpq's hint line) after `cannot connect to ...: `; the password never shows."""
    result = inv("db.status", url="postgresql://postgres:Secret@127.0.0.1:9/postgres")
    assert result.returncode == 5
    assert result.stderr == ('error: cannot connect to postgresql://postgres:****@127.0.0.1:9/postgres: connection to '
                             'server at "127.0.0.1", port 9 failed: Connection refused\n')
    assert "Secret" not in result.stdout
