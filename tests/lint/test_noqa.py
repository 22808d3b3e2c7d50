"""Inline suppression: `-- noqa: ID reason` on the line or alone on the line above; stale ones are reported."""

from __future__ import annotations

from polaris_db.lint.runner import Options, conventions

MIGRATION = "ops/supabase/migrations/0001_suppressions.sql"


def lines(result) -> list[str]:
    return [str(f) for f in result.findings]


def test_suppressions_static(lint_fixtures):
    result = conventions(Options(root=lint_fixtures / "noqa", rules=["PC201", "PC203"], squawk=False))
    assert lines(result) == [
        f"{MIGRATION}:5: NOQA suppression of PC201 needs a reason after the ID",
        f"{MIGRATION}:5: PC201 table public.scratch has no primary key",
        f"{MIGRATION}:6: NOQA unused suppression of PC201: nothing to suppress on line 6",
        f"{MIGRATION}:7: NOQA unknown rule PC999",
        f"{MIGRATION}:8: PC201 table public.third has no primary key",
    ]  # the PC203 suppression on line 9 is not called unused: PC203 needs the database and did not run


def test_catalog_findings_are_suppressed_at_the_defining_statement(lint_fixtures, server_url):
    result = conventions(Options(root=lint_fixtures / "noqa", server_url=server_url, rules=["PC203"], squawk=False,
                                 advisors=False))
    found = lines(result)
    assert not any("public.buffer" in line for line in found)
    assert not any("public.ledger.amount" in line for line in found)  # comment alone above a column
    assert f"{MIGRATION}:12: PC203 column public.ledger.id has no comment" in found
    assert f"{MIGRATION}:3: PC203 table public.import_rows has no comment" in found


def test_unused_suppression_fails_the_run(lint_fixtures, tree_copy, lint_cli):
    root = tree_copy(lint_fixtures / "clean")
    migration = root / "ops/supabase/migrations/0001_profiles.sql"
    migration.write_text(migration.read_text().replace(
        "create table if not exists public.profiles (",
        "-- noqa: PC201 this table has a key, so the suppression is stale\ncreate table if not exists public.profiles ("))
    run = lint_cli("conventions", "--root", str(root), "--static", "--no-squawk")
    assert run.returncode == 1
    assert ("ops/supabase/migrations/0001_profiles.sql:5: NOQA unused suppression of PC201: nothing to suppress "
            "on line 6") in run.stdout
