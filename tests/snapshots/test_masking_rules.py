"""masking.toml: validation with file:line, coverage both ways, and the repo's own rules file."""

from __future__ import annotations

import pytest

from polaris_db.errors import ConfigError
from polaris_db.lint.runner import Options, conventions
from polaris_db.snapshots.rules import RULES_PATH, Column, coverage, load

TEXT = '''[settings]
sample = 5

[tables."public.notes"]
id = "keep"
body = { fake = "text" }
'''


def _write(tmp_path, text: str):
    path = tmp_path / "masking.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(("line", "message"), [
    ('body = "scramble"', r"masking.toml:6: public.notes.body: unknown rule 'scramble'"),
    ('body = { fake = "ssn" }', r"masking.toml:6: public.notes.body: invalid rule"),
    ('body = { shift = "owner" }', r"masking.toml:6: public.notes.body: shift by 'owner', not a column"),
])
def test_a_wrong_rule_is_refused_with_its_line(tmp_path, line, message):
    with pytest.raises(ConfigError, match=message):
        load(_write(tmp_path, TEXT.replace('body = { fake = "text" }', line)))


def test_coverage_finds_missing_stale_and_generated(tmp_path):
    rules = load(_write(tmp_path, TEXT + 'gone = "keep"\n\n[tables."auth.mfa_factors"]\nid = "keep"\n\n'
                                     '[tables."public.dropped"]\nid = "keep"\n'))
    tables = {"public.notes": [Column("public.notes", "id", "bigint", False), Column("public.notes", "body", "text", True),
                               Column("public.notes", "author", "text", False)],
              "public.other": [Column("public.other", "id", "bigint", False)]}
    gaps = {(g.table, g.column, g.missing) for g in coverage(rules, tables)}
    # body is generated: its rule must be keep; a platform table absent here (hosted has it) is no gap
    assert gaps == {("public.notes", "author", True), ("public.other", None, True), ("public.notes", "gone", False),
                    ("public.notes", "body", False), ("public.dropped", None, False)}


def test_the_repo_rules_load_and_every_fake_kind_is_used():
    rules = load(RULES_PATH)
    kinds = {r.arg for _, _, r in rules.masked_columns() if r.kind == "fake"}
    assert kinds == {"email", "phone", "name", "text", "json", "path"} and len(rules.sha256) == 64
    assert "auth.sessions" in rules.truncate and "auth.refresh_tokens" in rules.truncate


def test_a_broken_rules_file_is_a_finding_not_a_crash(lint_tree, server_url):
    path = lint_tree / "ops" / "supabase" / "masking.toml"
    path.write_text(path.read_text().replace('display_name = { fake = "name" }', 'display_name = "scramble"'))
    result = conventions(Options(root=lint_tree, server_url=server_url, rules=["PC503"], squawk=False, advisors=False))
    assert [str(f) for f in result.findings] == [
        f"ops/supabase/masking.toml:{_line(path, 'display_name')}: PC503 public.profiles.display_name: unknown rule "
        "'scramble': use keep, null, hash, {fake = ...}, {shift = ...} or {sql = ...}"]


def _line(path, key: str) -> int:
    return next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(key))


@pytest.fixture
def lint_tree(tmp_path):
    import shutil

    from polaris_db import REPO_ROOT

    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "lint" / "clean" / "ops", tmp_path / "tree" / "ops")
    return tmp_path / "tree"


@pytest.fixture
def server_url(cluster):
    return cluster.url("postgres")
