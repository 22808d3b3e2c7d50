"""Every rule against its data fixtures: `fire/` must produce exactly `fire/expected.txt`, `quiet/` nothing."""

from __future__ import annotations

import pytest

from polaris_db import REPO_ROOT
from polaris_db.lint.registry import RULES
from polaris_db.lint.runner import Options, conventions

RULE_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "lint" / "rules"

CASES = sorted((rule.id, case) for rule in RULES for case in ("fire", "quiet"))


def test_every_rule_has_both_fixtures():
    missing = [f"{rule_id}/{case}" for rule_id, case in CASES if not (RULE_FIXTURES / rule_id / case / "ops").is_dir()]
    assert missing == []
    assert sorted(p.name for p in RULE_FIXTURES.iterdir()) == sorted({rule.id for rule in RULES})


@pytest.mark.parametrize(("rule_id", "case"), CASES, ids=[f"{r}-{c}" for r, c in CASES])
def test_rule_fixture(rule_id, case, server_url):
    root = RULE_FIXTURES / rule_id / case
    result = conventions(Options(root=root, server_url=server_url, rules=[rule_id], squawk=False, advisors=False))
    lines = [str(finding) for finding in result.findings]
    if case == "quiet":
        assert lines == []
    else:
        expected = (root / "expected.txt").read_text(encoding="utf-8").splitlines()
        assert expected, "a fire fixture must expect at least one finding"
        assert all(f": {rule_id} " in line for line in expected)
        assert lines == expected
