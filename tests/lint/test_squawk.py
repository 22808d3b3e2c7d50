"""squawk on the migrations: exact `path:line: squawk:<rule>` lines (1-based), transaction-aware."""

from __future__ import annotations

from polaris_db.lint.runner import Options, conventions


def test_squawk_findings_snapshot(lint_fixtures):
    root = lint_fixtures / "squawk"
    result = conventions(Options(root=root, rules=["PC000"]))
    expected = (root / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(f) for f in result.findings] == expected


def test_transaction_header_changes_what_squawk_expects(lint_fixtures):
    """`create index concurrently` is right in a transaction=false file and wrong in a transactional one."""
    result = conventions(Options(root=lint_fixtures / "squawk", rules=["PC000"]))
    by_file = {(f.path.rsplit("/", 1)[-1], f.rule) for f in result.findings}
    assert ("0004_locale_index.sql", "squawk:ban-concurrent-index-creation-in-transaction") in by_file
    assert not any(name == "0003_slug_index.sql" for name, _ in by_file)
    assert ("0005_drop.sql", "squawk:require-concurrent-index-creation") in by_file


def test_noqa_suppresses_a_squawk_finding(lint_fixtures):
    result = conventions(Options(root=lint_fixtures / "squawk", rules=["PC000"]))
    assert not any(f.path.endswith("0002_slug.sql") and f.line == 6 for f in result.findings)
