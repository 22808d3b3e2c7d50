"""Break a good tree on purpose and the conventions session (`python -m polaris_db.lint conventions`) fails.

Each case runs on a copy of the clean fixture tree and on a copy of the repository's own ops/.
"""

from __future__ import annotations

import re

import pytest

from polaris_db import REPO_ROOT
from polaris_db.lint.registry import RULES

pytestmark = pytest.mark.cli

# Probe migrations, each with one break, and the finding the session must print for it (line in the probe).
BREAKS = {
    "0997_lint_probe_pk": (
        "create table if not exists public.lint_probe_pk (\n  note text\n);\n"
        "comment on table public.lint_probe_pk is 'Probe.';\n"
        "comment on column public.lint_probe_pk.note is 'Probe.';\n"
        "alter table public.lint_probe_pk enable row level security;\n",
        "1: PC201 table public.lint_probe_pk has no primary key",
    ),
    "0998_lint_probe_check": (
        "create table if not exists public.lint_probe_check (\n  id uuid primary key\n);\n"
        "comment on table public.lint_probe_check is 'Probe.';\n"
        "comment on column public.lint_probe_check.id is 'Probe.';\n"
        "alter table public.lint_probe_check enable row level security;\n"
        "create policy lint_probe_insert on public.lint_probe_check for insert to authenticated;\n",
        "7: PC302 policy 'lint_probe_insert' on public.lint_probe_check (for insert) has no with check clause",
    ),
    "0999_lint_probe_definer": (
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


def test_broken_tree_fails_the_session_naming_every_break(good_tree, server_url, lint_cli):
    """One run with every break at once (each run is a session, advisors left out): each finding on its own
    file:line."""
    migrations = good_tree / "ops/supabase/migrations"
    last = sorted(migrations.glob("*.sql"))[-1]  # a released migration, dropped from the release notes
    version = last.name.split("_", 1)[0]
    notes = good_tree / "ops/docs/release-notes.md"
    text = re.sub(rf"(?<!\d){version}(?!\d)", "----", notes.read_text())
    for probe, (body, _) in BREAKS.items():
        (migrations / f"{probe}.sql").write_text(body)
        text += f"\n## {probe.split('_', 1)[0]}\nTest probe.\n"
    notes.write_text(text)
    # Our rules, squawk and the catalog rules find the breaks; Supabase's advisors (a second of CPU per run)
    # are judged on the repository's tree (test_ops.py) and on the clean fixture with and without findings
    # of their own (test_advisors.py, test_clean_fixture_passes_the_session below).
    run = lint_cli("conventions", "--root", str(good_tree), "--url", server_url, "--no-advisors")
    assert run.returncode == 1, run.stdout + run.stderr
    printed = run.stdout.splitlines()
    for probe, (_, finding) in BREAKS.items():
        assert f"ops/supabase/migrations/{probe}.sql:{finding}" in printed
    assert (f"ops/supabase/migrations/{last.name}:1: PC701 migration {version} is not listed in "
            "ops/docs/release-notes.md") in printed


def test_clean_fixture_passes_the_session(lint_fixtures, server_url, lint_cli):
    run = lint_cli("conventions", "--root", str(lint_fixtures / "clean"), "--url", server_url)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = run.stdout.splitlines()[-1]
    assert summary.startswith(f"no findings; ran {len(RULES)} rule(s)"), summary
    assert ", supabase db advisors in " in summary, summary  # no advisor finding either, and they ran
