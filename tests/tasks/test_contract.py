"""The operator's contract (README, "Errors"): one `error:` line, the documented exit code, no traceback."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from invoke import Context, Exit

from polaris_db import REPO_ROOT, errors
from polaris_db.cluster import Cluster
from polaris_db.errors import ConfigError, DriftError
from polaris_db.migrations import discover, make_plan, migrate, read_history
from polaris_db.migrations.plan import describe_drift
from polaris_db.rls.matrix import load
from polaris_db.rls.render import render
from polaris_db.rls.suite import check_at_head
from run_inv import inv
from run_task import task_run

FIXTURES = Path(__file__).parents[1] / "fixtures"
MINI_MATRIX = Path(__file__).parents[1] / "rls" / "fixtures" / "mini_matrix.toml"


def one_error_line(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    return result.stderr.strip()


def test_unknown_lint_rule_is_one_line_exit_2():
    result = inv("db.lint", "--rule", "PC999")
    assert result.returncode == 2
    assert "unknown rule(s): PC999" in one_error_line(result)
    assert result.stdout == ""  # refused before sqlfluff or a database ran


@pytest.mark.parametrize(("args", "message"), [
    (("db.push", "--bogus"), "error: No idea what '--bogus' is!"),
    (("db.restore", "--to", "qa"), "error: 'db.restore' did not receive required positional arguments: 'file'"),
])
def test_a_bad_task_argument_is_one_line_exit_2(args, message):
    """invoke's own parser errors follow the contract too (it printed them bare and exited 1)."""
    result = inv(*args)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message] and result.stdout == ""


def test_lint_rules_to_a_closed_pipe_is_quiet():
    """`python -m polaris_db.lint rules | head`: the reader leaves early; no BrokenPipe traceback."""
    with subprocess.Popen([sys.executable, "-m", "polaris_db.lint", "rules"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=REPO_ROOT) as process:
        process.stdout.close()
        errors_text = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
    assert errors_text == ""


def test_matrix_table_without_primary_key_is_a_config_error(empty_url, connect, tmp_path):
    conn = connect(empty_url)
    conn.execute((Path(__file__).parents[1] / "rls" / "fixtures" / "mini_schema.sql").read_bytes())
    conn.execute("alter table public.sessions drop constraint sessions_pkey")
    matrix = tmp_path / "matrix.toml"
    matrix.write_text(MINI_MATRIX.read_text())  # its sessions entry has no `touch`: the update needs the key
    with pytest.raises(ConfigError, match=r"table public.sessions: public.sessions has no primary key: give its "
                                          r"matrix entry a `touch`"):
        render(load(matrix), conn)


def test_psql_file_with_a_sql_error_exits_9_and_rolls_back(empty_url, connect, tmp_path):
    script = tmp_path / "fix.sql"
    script.write_text("create table public.half_done (id int);\nselect * from public.nope;\n")
    result = inv("db.psql", "--file", str(script), url=empty_url)
    assert result.returncode == 9
    line = one_error_line(result)
    assert f"{script}:2: relation \"public.nope\" does not exist" in line and "rolled back" in line
    assert connect(empty_url).execute("select to_regclass('public.half_done')").fetchone()[0] is None


def test_psql_file_that_succeeds_exits_0(empty_url, connect, tmp_path, capfd):
    """In-process (tests/run_task.py): the failing file above is the CLI run."""
    from polaris_db.tasks.migrate import psql

    script = tmp_path / "ok.sql"
    script.write_text("create table public.done (id int);\n")
    assert task_run(psql, capfd, {"DATABASE_URL": empty_url}, file=str(script)).returncode == 0
    assert connect(empty_url).execute("select to_regclass('public.done')").fetchone()[0] is not None


def _ghost(conn):
    conn.execute("insert into supabase_migrations.schema_migrations (version, name, statements) "
                 "values ('9999', 'ghost', '{}')")


def test_rls_test_on_drift_exits_3(schema_url, connect):
    _ghost(connect(schema_url))  # on a database at the head of the migrations
    with pytest.raises(DriftError):
        check_at_head(schema_url)
    result = inv("db.rls-test", url=schema_url)
    assert result.returncode == 3
    assert one_error_line(result).startswith("error: migration history drift: 9999")


def test_rls_script_check_exits_8_on_a_stale_script(empty_url, monkeypatch, tmp_path, capsys):
    from polaris_db.tasks import rls

    stale = tmp_path / "rls_tests.sql"
    stale.write_text("-- an old rendering\n")
    monkeypatch.setattr(rls, "SCRIPT_PATH", stale)
    monkeypatch.setenv("DATABASE_URL", empty_url)
    with pytest.raises(Exit) as exit_:
        rls.rls_script(Context(), check=True)
    assert exit_.value.code == 8 and "rls_tests.sql is stale: run `inv db.sync`" in str(exit_.value.message)
    assert "exit 8" in rls.rls_script.help["check"]


def test_rls_test_fails_on_a_stale_script(schema_url, tmp_path):
    from polaris_db.rls.script import SCRIPT_PATH
    from polaris_db.rls.suite import run_suite

    stale = tmp_path / "rls_tests.sql"
    stale.write_text(SCRIPT_PATH.read_text().replace("select pg_temp.rls_check(", "-- dropped\nselect pg_temp.rls_check(", 1))
    lines: list[str] = []
    report = run_suite(schema_url, lines.append, script_path=stale)
    assert report.script_ok and report.script_stale and report.failed == 1
    assert "not ok - script rls_tests.sql is stale: the matrix or the schema changed; run `inv db.sync`" in lines
    assert lines[-1].startswith("# rls-test FAILED") and "STALE" in lines[-1]



def test_rls_test_fails_when_the_script_stops_early(schema_url, tmp_path):
    """The matrix runs once, as the script: psql stopping half-way is a failure, not a shorter pass."""
    from polaris_db.rls.script import SCRIPT_PATH
    from polaris_db.rls.suite import run_suite

    broken = tmp_path / "rls_tests.sql"
    text = SCRIPT_PATH.read_text()
    cut = text.index("select pg_temp.rls_check(", text.index("select pg_temp.rls_check(") + 1)
    broken.write_text(text[:cut] + "select pg_temp.rls_bind($q$:'nobody'$q$);\n" + text[cut:])
    lines: list[str] = []
    report = run_suite(schema_url, lines.append, script_path=broken, check_script=False)
    assert not report.script_ok and report.failed == 1 and len(report.matrix) == 1
    assert any(line.startswith("not ok - script rls_tests.sql: 1 of ") and "unknown placeholder :'nobody'" in line
               for line in lines), lines
    assert lines[-1].startswith("# rls-test FAILED") and "matrix 0/1 failed, script did not finish" in lines[-1]

def test_db_status_after_stop_exits_5_without_starting(tmp_path):
    stopped = Cluster(root=tmp_path / "postgres", port=59999)
    stopped.init()  # a cluster that exists and is not running: what `inv db.stop` leaves
    result = inv("db.status", env={"POLARIS_STATE_DIR": str(tmp_path)})
    assert result.returncode == 5
    assert "embedded Postgres is stopped" in one_error_line(result)
    assert stopped.running_port() is None


def test_db_status_without_a_cluster_exits_5(tmp_path):
    result = inv("db.status", env={"POLARIS_STATE_DIR": str(tmp_path)})
    assert result.returncode == 5 and "not created yet" in one_error_line(result)
    assert not (tmp_path / "postgres").exists()


# -- drift: three different stories, three different fixes -------------------------------------------------

def _drifted(tmp_path, connect, url, edit):
    folder = tmp_path / "migrations"
    folder.mkdir()
    for path in sorted((FIXTURES / "migrations" / "good").glob("*.sql")):
        (folder / path.name).write_text(path.read_text())
    migrate(connect(url), folder)
    edit(folder)
    return make_plan(discover(folder), read_history(connect(url)))


def test_edited_applied_file_on_a_remote_says_add_a_new_migration(empty_url, connect, tmp_path):
    plan = _drifted(tmp_path, connect, empty_url, lambda f: (f / "0003_seed_note.sql").write_text("select 2;\n"))
    message = describe_drift(plan, local=False)
    assert "0003: 0003_seed_note.sql changed after it was applied" in message
    assert "add a new migration" in message and "inv db.reset" not in message


def test_unreleased_local_migration_edited_says_reset(empty_url, connect, tmp_path):
    plan = _drifted(tmp_path, connect, empty_url, lambda f: (f / "0003_seed_note.sql").write_text("select 2;\n"))
    message = describe_drift(plan, local=True, is_released=lambda m: False)
    assert "0003_seed_note.sql changed after it was applied" in message
    assert "`inv db.reset` rebuilds local" in message and "add a new migration" not in message


def test_released_migration_edited_locally_still_says_add_a_new_migration(empty_url, connect, tmp_path):
    plan = _drifted(tmp_path, connect, empty_url, lambda f: (f / "0003_seed_note.sql").write_text("select 2;\n"))
    message = describe_drift(plan, local=True, is_released=lambda m: True)
    assert "add a new migration" in message and "inv db.reset" not in message


def test_a_different_file_under_an_applied_number_is_named_as_such(empty_url, connect, tmp_path):
    def swap(folder):
        (folder / "0003_seed_note.sql").unlink()
        (folder / "0003_other_change.sql").write_text("select 3;\n")

    plan = _drifted(tmp_path, connect, empty_url, swap)
    [drift] = plan.drift
    assert drift.kind == "replaced"
    assert str(drift) == "0003: 0003_other_change.sql is a different file under the applied number 0003 " \
                         "(applied as 0003_seed_note.sql)"
    assert "changed after it was applied" not in describe_drift(plan)


# -- push --dry-run parses with pglast (clean files say they parse: tests/tasks/test_tasks.py) ---------------

def test_push_dry_run_reports_parse_errors_as_file_line_and_exit_2(empty_url, connect, tmp_path, monkeypatch,
                                                                    capsys):
    from polaris_db.tasks import migrate as tasks

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_ok.sql").write_text("create table public.notes (id int primary key);\n")
    (folder / "0002_typo.sql").write_text("-- a typo\n\ncreate tabel public.more (id int);\n")
    (folder / "0003_body.sql").write_text("create function public.f() returns int language plpgsql as $$\n"
                                          "begin\n  retrun 1;\nend $$;\n")
    monkeypatch.setattr(tasks, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(tasks, "REPO_ROOT", tmp_path)
    monkeypatch.setenv("DATABASE_URL", empty_url)
    with pytest.raises(Exit) as exit_:
        tasks.push(Context(), dry_run=True)
    assert exit_.value.code == 2
    out = capsys.readouterr().out
    assert 'migrations/0002_typo.sql:3: syntax error at or near "tabel"' in out
    assert re.search(r"migrations/0003_body.sql:\d+: body of public.f: syntax error", out), out
    assert "nothing applied" in str(exit_.value.message)
    assert connect(empty_url).execute("select to_regclass('public.notes')").fetchone()[0] is None


# -- timeouts and the README table --------------------------------------------------------------------------

def _subprocess_calls(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "subprocess" \
                and node.func.attr in ("run", "call", "check_call", "check_output"):
            yield node


def test_every_subprocess_call_has_a_timeout():
    src = REPO_ROOT / "src" / "polaris_db"
    files = sorted(src.rglob("*.py"))  # the whole package: cluster, backups, rehearse, lint, rls, tasks, ...
    missing = [f"{p.relative_to(REPO_ROOT)}:{call.lineno}" for p in files for call in _subprocess_calls(p)
               if not any(k.arg == "timeout" for k in call.keywords)]
    assert missing == []
    popen = [p for p in files if "subprocess.Popen(" in p.read_text() and "threading.Timer(" not in p.read_text()]
    assert popen == []


def test_readme_lists_every_exit_code():
    readme = (REPO_ROOT / "README.md").read_text()
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|", readme, re.M))
    codes = {cls.exit_code for cls in vars(errors).values() if isinstance(cls, type)
             and issubclass(cls, errors.PolarisError)}
    assert codes | {0, 130} <= {int(c) for c in table}, table


# -- releases (migration-list/status outputs for machines: tests/tasks/test_tasks.py) ------------------------

def test_released_means_on_main(tmp_path):
    from polaris_db.migrations.plan import released

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=tmp_path,
                       check=True, capture_output=True, timeout=30)

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_shipped.sql").write_text("select 1;\n")
    assert released(discover(folder)[0]) is None  # no repository: cannot tell
    git("init", "-q", "-b", "main")
    git("add", "migrations/0001_shipped.sql")
    git("commit", "-q", "-m", "ship")
    git("checkout", "-q", "-b", "feature")
    (folder / "0002_draft.sql").write_text("select 2;\n")
    shipped, draft = discover(folder)
    assert released(shipped) is True and released(draft) is False
