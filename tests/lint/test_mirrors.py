"""Mirrors from the migrations (`inv db.sync`): what PC602 checks is what sync writes, on any tree."""

from __future__ import annotations

import shutil

from polaris_db import REPO_ROOT
from polaris_db.lint.mirrors import render_mirrors, sync_mirrors
from polaris_db.lint.nodes import defines
from polaris_db.lint.runner import Options, conventions
from polaris_db.lint.tree import Tree
from polaris_db.sync import ci_command, sync_all

import pglast

MIGRATIONS = {
    "0001_notes.sql": """create table notes (id bigint primary key, user_id uuid not null, body text);
create policy notes_select on notes for select to authenticated using (user_id = (select auth.uid()));
create policy notes_old on notes for update to authenticated using (true);
create view v_notes as select id from notes;
comment on view v_notes is 'Notes.';
create or replace function set_updated_at() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger notes_set_updated_at before update on notes for each row execute function set_updated_at();
""",
    "0002_changes.sql": """drop policy notes_old on notes;
drop policy if exists notes_insert on public.notes;
create policy notes_insert on public.notes for insert to authenticated with check (user_id = (select auth.uid()));
create or replace view v_notes as select id, body from notes;
""",
}


def _tree(tmp_path):
    folder = tmp_path / "ops" / "supabase" / "migrations"
    folder.mkdir(parents=True)
    for name, sql in MIGRATIONS.items():
        (folder / name).write_text(sql)
    return tmp_path


def test_committed_mirrors_are_what_sync_writes():
    tree = Tree.load(REPO_ROOT)
    for rel, content in render_mirrors(tree).items():
        assert (REPO_ROOT / "ops" / "supabase" / rel).read_text() == content, f"{rel} is stale: run `inv db.sync`"


def test_unqualified_names_and_dropped_policies(tmp_path):
    root = _tree(tmp_path)
    (root / "ops" / "supabase" / "policies").mkdir()
    (root / "ops" / "supabase" / "policies" / "gone.sql").write_text("create policy x on public.gone using (true);\n")
    changed, removed = sync_mirrors(root)
    assert removed == ["ops/supabase/policies/gone.sql"]
    assert sorted(changed) == ["ops/supabase/policies/notes.sql", "ops/supabase/triggers/updated_at.sql",
                               "ops/supabase/views/v_notes.sql"]
    policies = (root / "ops" / "supabase" / "policies" / "notes.sql").read_text()
    assert "notes_select" in policies and "notes_insert" in policies
    assert "notes_old" not in policies  # dropped by 0002: not in force
    view = (root / "ops" / "supabase" / "views" / "v_notes.sql").read_text()
    assert "select id, body from notes" in view and "comment on view v_notes" in view
    assert "select id from notes;" not in view
    assert "notes_set_updated_at" in (root / "ops" / "supabase" / "triggers" / "updated_at.sql").read_text()
    findings = conventions(Options(root=root, rules=["PC602"], squawk=False)).findings
    assert findings == []
    assert sync_mirrors(root) == ([], [])  # idempotent


def test_pc602_fires_until_sync_runs(tmp_path):
    root = _tree(tmp_path)
    findings = conventions(Options(root=root, rules=["PC602"], squawk=False)).findings
    assert any("is not mirrored" in f.message for f in findings)
    sync_mirrors(root)
    assert conventions(Options(root=root, rules=["PC602"], squawk=False)).findings == []


def test_one_definition_function_names_what_a_statement_defines():
    [raw] = pglast.parse_sql("create policy p on notes for select using (true)")
    assert [(k, n) for k, n, _ in defines(raw.stmt)] == [("policy", "public.notes.p")]
    [raw] = pglast.parse_sql("create trigger t before update on s.x for each row execute function f()")
    assert [(k, n) for k, n, _ in defines(raw.stmt)] == [("trigger", "s.x.t")]


def test_sync_regenerates_mirrors_script_and_types(tmp_path, empty_url):
    root = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "ops", root / "ops")
    (root / "src" / "types").mkdir(parents=True)
    (root / "src" / "types" / "database.types.ts").write_text("// stale\n")
    (root / "ops" / "supabase" / "tests" / "rls_tests.sql").write_text("-- stale\n")
    (root / "ops" / "supabase" / "views" / "v_drill_stats.sql").unlink()
    changed, removed = sync_all(empty_url, root)
    assert sorted(changed) == ["ops/supabase/tests/rls_tests.sql", "ops/supabase/views/v_drill_stats.sql",
                               "src/types/database.types.ts"]
    assert removed == []
    for rel in changed:
        assert (root / rel).read_text() == (REPO_ROOT / rel).read_text()


def test_check_runs_nox_default_sessions_only():
    command = ci_command()
    assert command[-2:] == ["-m", "nox"]  # no -s / -k: nox's default set is what CI runs
