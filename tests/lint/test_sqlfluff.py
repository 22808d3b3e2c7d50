"""sqlfluff with the repo's .sqlfluff: house style, parse errors fail, nothing is skipped."""

from __future__ import annotations

from polaris_db import REPO_ROOT
from polaris_db.lint.runner import style


def lint(tmp_path, name: str, sql: str):
    path = tmp_path / name
    path.write_text(sql)
    return [(f.path.rsplit("/", 1)[-1], f.line, f.rule) for f in style(REPO_ROOT, [tmp_path]).findings]


def test_uppercase_keywords_are_reported_on_their_line(tmp_path):
    assert lint(tmp_path, "a.sql", "select 1;\n\nSELECT 2;\n") == [("a.sql", 3, "CP01")]


def test_parse_error_is_a_finding(tmp_path):
    found = lint(tmp_path, "bad.sql", "select 1;\ncreate tabel x (id int);\n")
    assert ("bad.sql", 2, "PRS") in found


def test_large_files_are_linted_not_skipped(tmp_path):
    filler = "".join(f"-- filler {i:03d} {'x' * 190}\n" for i in range(120))  # comments: cheap to parse
    assert len(filler.encode()) > 20000  # sqlfluff's default large_file_skip_byte_limit
    found = lint(tmp_path, "big.sql", filler + "SELECT 1;\n")
    assert found == [("big.sql", 121, "CP01")]


def test_raw_templater_and_supabase_constructs_parse(tmp_path):
    sql = (
        "select '{{1,2}}'::int[][] as grid;\n"
        "select '{%' as brace;\n"
        "create policy \"Learners read own rows\" on public.sessions for select to authenticated\n"
        "using (user_id = (select auth.uid()));\n"
        "alter type public.provider add value if not exists 'paymongo';\n"
    )
    assert lint(tmp_path, "ok.sql", sql) == []


def test_cli_exit_codes(tmp_path, lint_cli):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    (good / "a.sql").write_text("select 1;\n")
    (bad / "b.sql").write_text("create tabel x (id int);\n")
    assert lint_cli("sql", str(good)).returncode == 0
    run = lint_cli("sql", str(bad))
    assert run.returncode == 1
    assert "b.sql:1: PRS" in run.stdout
