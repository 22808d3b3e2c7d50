"""Checks the catalog audits and the PC rules share: policy clauses (PC302), RLS enabled (PC301)."""

import pytest

from polaris_db.lint.rules import pc301_rls_user_scoped, pc302_policy_clauses
from polaris_db.rls import audits
from polaris_db.rls.clauses import missing_clauses


@pytest.mark.parametrize(("command", "has_using", "has_check", "missing"), [
    ("select", False, False, ["using"]),
    ("select", True, False, []),
    ("delete", False, True, ["using"]),
    ("insert", True, False, ["with check"]),
    ("insert", False, True, []),
    ("update", True, False, ["with check"]),
    ("update", False, False, ["using", "with check"]),
    ("all", True, True, []),
    ("all", False, True, ["using"]),
])
def test_missing_clauses(command, has_using, has_check, missing):
    assert missing_clauses(command, has_using=has_using, has_check=has_check) == missing


def test_the_audit_and_the_lint_rule_share_it():
    assert audits.missing_clauses is missing_clauses is pc302_policy_clauses.missing_clauses


def test_rls_disabled_is_one_check_for_the_audit_and_pc301():
    assert pc301_rls_user_scoped.rls_disabled is audits.rls_disabled
