"""The end goal: the repository's own ops/ passes both sessions (`nox -s lint_sql conventions`)."""

from __future__ import annotations

import pytest

from polaris_db import REPO_ROOT
from polaris_db.lint import advisors
from polaris_db.lint.runner import Options, conventions, style

pytestmark = pytest.mark.cli


@pytest.fixture(autouse=True)
def _needs_migrations():
    if not any((REPO_ROOT / "ops/supabase/migrations").glob("*.sql")):
        pytest.skip("no migrations in ops/ yet")


def test_ops_passes_conventions_and_advisors_warn_of_nothing(server_url, monkeypatch):
    """The session on the repository finds nothing; and `supabase db advisors` itself (the CLI's lints,
    which the session runs on its scratch database: shim + migrations + seeds, the full schema) reports no
    WARN or ERROR at all, before any accepted exception (issue 20)."""
    fetched: list[list[dict]] = []
    fetch = advisors.fetch
    monkeypatch.setattr(advisors, "fetch", lambda url: fetched.append(fetch(url)) or fetched[-1])
    result = conventions(Options(root=REPO_ROOT, server_url=server_url))
    assert [str(f) for f in result.findings] == []
    assert len(fetched) == 1, result.ran
    assert [(r["name"], r.get("detail")) for r in fetched[0] if r.get("level") in ("WARN", "ERROR")] == []


def test_ops_passes_sqlfluff():
    """sqlfluff on ops/ (`nox -s lint_sql`) finds nothing. In-process (the CLI's `sql` contract, exit 1 naming
    each finding: tests/lint/test_sqlfluff.py); one sqlfluff process: the suite's workers already use every CPU."""
    result = style(REPO_ROOT, [REPO_ROOT / "ops"], processes=1)
    assert [str(f) for f in result.findings] == []
