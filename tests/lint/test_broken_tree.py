"""Break a good tree on purpose and the conventions session (`python -m polaris_db.lint conventions`) fails.

Each case runs on a copy of the clean fixture tree and on a copy of the repository's own ops/.
"""

from __future__ import annotations

import re

import pytest

from polaris_db import REPO_ROOT

pytestmark = pytest.mark.cli

PROBE = "0999_lint_probe"
BREAKS = {
    "table-without-primary-key": (
        "create table if not exists public.lint_probe (\n  note text\n);\n"
        "comment on table public.lint_probe is 'Probe.';\n"
        "comment on column public.lint_probe.note is 'Probe.';\n"
        "alter table public.lint_probe enable row level security;\n",
        "1: PC201 table public.lint_probe has no primary key",
    ),
    "policy-without-with-check": (
        "create table if not exists public.lint_probe (\n  id uuid primary key\n);\n"
        "comment on table public.lint_probe is 'Probe.';\n"
        "comment on column public.lint_probe.id is 'Probe.';\n"
        "alter table public.lint_probe enable row level security;\n"
        "create policy lint_probe_insert on public.lint_probe for insert to authenticated;\n",
        "7: PC302 policy 'lint_probe_insert' on public.lint_probe (for insert) has no with check clause",
    ),
    "definer-without-search-path": (
        "create or replace function public.get_lint_probe() returns integer\n"
        "language sql stable security definer as $$ select 1 $$;\n",
        "1: PC303 security definer function public.get_lint_probe does not set search_path "
        "(a caller's search_path can hijack it: set search_path = '' and qualify names)",
    ),
}
ROOTS = ["clean-fixture", "repo-ops"]


@pytest.fixture(params=ROOTS)
def good_tree(request, tree_copy, lint_fixtures):
    source = lint_fixtures / "clean" if request.param == "clean-fixture" else REPO_ROOT
    if not any((source / "ops/supabase/migrations").glob("*.sql")):
        pytest.skip("no migrations in ops/ yet")
    return tree_copy(source)


def add_migration(root, body: str) -> str:
    path = root / "ops/supabase/migrations" / f"{PROBE}.sql"
    path.write_text(body)
    notes = root / "ops/docs/release-notes.md"
    notes.write_text(notes.read_text() + f"\n## {PROBE}\nTest probe.\n")
    return path.relative_to(root).as_posix()


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_broken_tree_fails_the_session(case, good_tree, server_url, lint_cli):
    body, finding = BREAKS[case]
    rel = add_migration(good_tree, body)
    run = lint_cli("conventions", "--root", str(good_tree), "--url", server_url)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{rel}:{finding}" in run.stdout.splitlines()


def test_migration_missing_from_release_notes_fails_the_session(good_tree, server_url, lint_cli):
    last = sorted((good_tree / "ops/supabase/migrations").glob("*.sql"))[-1]
    version = last.name.split("_", 1)[0]
    notes = good_tree / "ops/docs/release-notes.md"
    notes.write_text(re.sub(rf"(?<!\d){version}(?!\d)", "----", notes.read_text()))
    run = lint_cli("conventions", "--root", str(good_tree), "--url", server_url)
    assert run.returncode == 1
    expected = (f"ops/supabase/migrations/{last.name}:1: PC701 migration {version} is not listed in "
                f"ops/docs/release-notes.md")
    assert expected in run.stdout.splitlines()


def test_clean_fixture_passes_the_session(lint_fixtures, server_url, lint_cli):
    run = lint_cli("conventions", "--root", str(lint_fixtures / "clean"), "--url", server_url)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1].startswith("no findings; ran 20 rule(s)")
