"""`inv db.rls-test`: catalog audits, coverage gate, access matrix and the psql RLS script."""

from __future__ import annotations

from invoke import Exit, task

from ..config import resolve
from ..console import say
from ..database import target_url
from ..errors import ConfigError
from ..rls.suite import check_at_head, fresh_database, run_suite
from ._common import reports_errors


@task(help={"env": "local (default: the embedded cluster's database, which must be at head) or staging; "
                   "never prod",
            "fresh": "local only: build a throwaway database (shim, migrations, seeds) and test that instead",
            "verbose": "print every passing matrix case too"})
@reports_errors
def rls_test(c, env="local", fresh=False, verbose=False):
    """Run the RLS suite; everything runs in rolled-back transactions, so nothing is left behind."""
    if env not in ("local", "staging"):
        raise ConfigError(f"rls-test runs against local or staging, not {env!r}")
    target = resolve(env)
    if fresh and target.remote:
        raise ConfigError("--fresh builds a database on the local cluster; it cannot be used with staging")
    url = target_url(target)
    if fresh:
        with fresh_database(url) as scratch:
            report = run_suite(scratch, say, verbose=verbose)
    else:
        check_at_head(url)
        report = run_suite(url, say, verbose=verbose)
    if report.failed:
        raise Exit(code=1)


TASKS = [rls_test]
