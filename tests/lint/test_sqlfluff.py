"""sqlfluff with the repo's .sqlfluff: house style, parse errors fail, nothing is skipped.

sqlfluff's start-up is most of its cost on small files, and it lints each file on its own: one run of the
CLI (`python -m polaris_db.lint sql`, what `nox -s lint_sql` runs) lints every case's file, and each test
asserts the findings on its own file. The CLI's contract: exit 1, naming each finding.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from polaris_db import REPO_ROOT

FILLER = "".join(f"-- filler {i:03d} {'x' * 190}\n" for i in range(120))  # comments: cheap to parse
CASES = {
    "a.sql": "select 1;\n\nSELECT 2;\n",
    "bad.sql": "select 1;\ncreate tabel x (id int);\n",
    "big.sql": FILLER + "SELECT 1;\n",
    "ok.sql": (
        "select '{{1,2}}'::int[][] as grid;\n"
        "select '{%' as brace;\n"
        "create policy \"Learners read own rows\" on public.sessions for select to authenticated\n"
        "using (user_id = (select auth.uid()));\n"
        "alter type public.provider add value if not exists 'paymongo';\n"
    ),
    "b.sql": "create tabel x (id int);\n",
}
FINDING = re.compile(r"(?P<path>.*?\.sql):(?P<line>\d+): (?P<rule>\S+) ")


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory) -> subprocess.CompletedProcess:
    folder = tmp_path_factory.mktemp("sqlfluff")
    for name, sql in CASES.items():
        (folder / name).write_text(sql)
    return subprocess.run([sys.executable, "-m", "polaris_db.lint", "sql", "--processes", "1", str(folder)],
                          capture_output=True, text=True, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, timeout=600)


def lint(cli_run, name: str):
    """(file, line, rule) of every finding the run printed for the case `name`."""
    found = [(m["path"].rsplit("/", 1)[-1], int(m["line"]), m["rule"]) for m in map(FINDING.match, cli_run.stdout.splitlines())
             if m]
    assert found or cli_run.returncode == 0, cli_run.stdout + cli_run.stderr  # a crash is not "no findings"
    return [f for f in found if f[0] == name]


def test_uppercase_keywords_are_reported_on_their_line(cli_run):
    assert lint(cli_run, "a.sql") == [("a.sql", 3, "CP01")]


def test_parse_error_is_a_finding(cli_run):
    assert ("bad.sql", 2, "PRS") in lint(cli_run, "bad.sql")


def test_large_files_are_linted_not_skipped(cli_run):
    assert len(FILLER.encode()) > 20000  # sqlfluff's default large_file_skip_byte_limit
    assert lint(cli_run, "big.sql") == [("big.sql", 121, "CP01")]


def test_raw_templater_and_supabase_constructs_parse(cli_run):
    assert lint(cli_run, "ok.sql") == []


def test_cli_exits_1_on_findings_naming_them(cli_run):
    assert cli_run.returncode == 1, cli_run.stdout + cli_run.stderr
    assert "b.sql:1: PRS" in cli_run.stdout


def test_a_cached_verdict_is_used_only_for_the_same_bytes_config_and_version(tmp_path, monkeypatch):
    """The cache is read (a planted verdict comes back), and a changed file or config is linted again."""
    import json

    from polaris_db.lint import sqlfluff

    cache, tree = tmp_path / "cache", tmp_path / "tree"
    tree.mkdir()
    monkeypatch.setenv("POLARIS_LINT_CACHE", str(cache))
    sql = tree / "a.sql"
    sql.write_text("select 1;\n")
    assert sqlfluff.run_sqlfluff([tree], tree, processes=1) == []
    (entry,) = cache.rglob("*.json")
    entry.write_text(json.dumps([{"start_line_no": 7, "code": "ZZ99", "description": "planted in the cache"}]))
    assert [(f.line, f.rule) for f in sqlfluff.run_sqlfluff([tree], tree)] == [(7, "ZZ99")]
    sql.write_text("SELECT 1;\n")  # other bytes: sqlfluff's own verdict
    assert [f.rule for f in sqlfluff.run_sqlfluff([tree], tree, processes=1)] == ["CP01"]
    sql.write_text("select 1;\n")
    changed = tmp_path / "changed.sqlfluff"
    changed.write_text(sqlfluff.CONFIG.read_text() + "\n# another config\n")
    monkeypatch.setattr(sqlfluff, "CONFIG", changed)
    assert sqlfluff.run_sqlfluff([tree], tree, processes=1) == []  # the planted verdict is not this config's
    monkeypatch.setenv("POLARIS_LINT_CACHE", "off")
    assert sqlfluff.cache_dir() is None
