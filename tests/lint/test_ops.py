"""The end goal: the repository's own ops/ passes both sessions (`nox -s lint_sql conventions`)."""

from __future__ import annotations

import pytest

from polaris_db import REPO_ROOT
from polaris_db.lint.runner import Options, conventions

pytestmark = pytest.mark.cli


@pytest.fixture(autouse=True)
def _needs_migrations():
    if not any((REPO_ROOT / "ops/supabase/migrations").glob("*.sql")):
        pytest.skip("no migrations in ops/ yet")


def test_ops_passes_conventions(server_url):
    result = conventions(Options(root=REPO_ROOT, server_url=server_url))
    assert [str(f) for f in result.findings] == []


def test_ops_passes_sqlfluff(lint_cli):
    """`python -m polaris_db.lint sql` (`nox -s lint_sql`) on ops/: no finding, exit 0. One sqlfluff process:
    the suite's workers already use every CPU."""
    run = lint_cli("sql", "--processes", "1")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1].startswith("no findings; ran sqlfluff on "), run.stdout
