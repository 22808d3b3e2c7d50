"""`inv db.lint`: sqlfluff house style and the sign-off conventions on ops/ (same as the nox sessions)."""

from __future__ import annotations

from invoke import Exit, task

from .. import REPO_ROOT
from ..config import resolve
from ..console import say
from ..database import target_url
from ..errors import ConfigError
from ..lint import runner
from ..lint.registry import select
from ._common import reports_errors


@task(iterable=["rule"],
      help={"only": "sql (sqlfluff) or conventions (rules, squawk, advisors); default both",
            "static": "no database: skip catalog rules and Supabase's advisors",
            "rule": "run only this rule ID (repeatable, e.g. --rule PC201 --rule PC301)"})
@reports_errors
def lint(c, only="", static=False, rule=None):
    """Lint ops/: `path:line: ID message` per finding, exit 1 on any. Scratch databases go on the local target."""
    if only not in ("", "sql", "conventions"):
        raise ConfigError(f"--only takes sql or conventions, not {only!r}")
    select(rule or None)  # an unknown rule ID fails here (exit 2), before anything runs
    failed = False
    if only in ("", "sql"):
        failed |= runner.report(runner.style(REPO_ROOT, [REPO_ROOT / "ops"]), say) != 0
    if only in ("", "conventions"):
        url = None if static else target_url(resolve("local"))
        options = runner.Options(root=REPO_ROOT, server_url=url, rules=rule or None)
        failed |= runner.report(runner.conventions(options), say) != 0
    if failed:
        raise Exit(code=1)


TASKS = [lint]
