"""`db.new-migration`: next number, header template, release-notes stub."""

import pytest

from polaris_db.errors import ConfigError
from polaris_db.migrations import discover
from polaris_db.migrations.new import create_migration


def test_next_number_template_and_notes(tmp_path):
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "0007_earlier.sql").write_text("select 1;")
    notes = tmp_path / "release-notes.md"
    notes.write_text("# Release notes\n")
    path = create_migration("add_streaks", migrations, notes)
    assert path.name == "0008_add_streaks.sql"
    assert path.read_text().startswith("-- migration: 0008_add_streaks\n-- purpose: TODO")
    assert "## 0008_add_streaks" in notes.read_text()
    assert [m.version for m in discover(migrations)] == ["0007", "0008"]


def test_bad_name_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="must be snake_case"):
        create_migration("Add-Streaks", tmp_path, tmp_path / "notes.md")


ADDITIVE = {
    "create_table": """create table if not exists public.badge_kinds (
  id bigint generated always as identity primary key,
  label text not null
);

comment on table public.badge_kinds is 'Kinds of badges a learner can earn.';
comment on column public.badge_kinds.id is 'Identity.';
comment on column public.badge_kinds.label is 'Shown to learners.';

alter table public.badge_kinds enable row level security;
""",
    "add_column": """alter table public.profiles add column if not exists nickname text;

comment on column public.profiles.nickname is 'Optional short name.';
""",
}
# What the author adds to ops/supabase/masking.toml with it (PC503: every backed-up column has a rule).
MASKING = {
    "create_table": '\n[tables."public.badge_kinds"]\nid = "keep"\nlabel = "keep"\n',
    "add_column": None,  # a line under [tables."public.profiles"]
}


def test_template_passes_every_rule_once_a_simple_statement_is_written(tmp_path, cluster):
    """Generate, append an additive statement, fill the notes: sqlfluff, our rules, squawk and advisors are clean.
    One migration per statement in one tree, so the rules and sqlfluff run once for all (each a second or two)."""
    from polaris_db.lint.runner import Options, conventions, style
    from polaris_db import REPO_ROOT
    import shutil

    root = tmp_path / "tree"
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "lint" / "clean" / "ops", root / "ops")
    notes = root / "ops" / "docs" / "release-notes.md"
    masking = root / "ops" / "supabase" / "masking.toml"
    paths = []
    for statement in sorted(ADDITIVE):
        path = create_migration(f"add_{statement}", root / "ops" / "supabase" / "migrations", notes)
        if not paths:
            stub = conventions(Options(root=root, rules=["PC701"], squawk=False))
            assert [f.message.split(":")[0] for f in stub.findings] == \
                ["release notes entry for 0003 is an unfilled stub (TODO)"]
        path.write_text(path.read_text() + ADDITIVE[statement])
        rules = masking.read_text()
        masking.write_text(rules + MASKING[statement] if MASKING[statement] else rules.replace(
            '[tables."public.profiles"]\n', '[tables."public.profiles"]\nnickname = { fake = "name" }\n'))
        paths.append(path)
    assert [path.name for path in paths] == ["0003_add_add_column.sql", "0004_add_create_table.sql"]
    notes.write_text(notes.read_text().replace("Adds: TODO", "Adds: badges.").replace("Rollback: TODO", "Rollback: drop."))
    result = conventions(Options(root=root, server_url=cluster.url("postgres")))
    assert [str(f) for f in result.findings] == []
    assert [str(f) for f in style(root, paths).findings] == []
