"""`inv db.rls-test` (audits, coverage gate, access matrix, psql script) and `inv db.rls-script` (renders the script)."""

from __future__ import annotations

from invoke import Exit, task

from .. import REPO_ROOT
from ..config import resolve
from ..console import say
from ..database import connection, target_url
from ..errors import ConfigError, StaleFile
from ..rls.matrix import load
from ..rls.render import render
from ..rls.script import SCRIPT_PATH
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
        check_at_head(url, local=not target.remote)  # drift: exit 3
        # staging may lack the matrix's optional objects, so its rendering differs: check the script locally
        report = run_suite(url, say, verbose=verbose, check_script=not target.remote)
    if report.failed:
        raise Exit(code=1)


@task(help={"check": "only check: exit 8 if the committed script differs from a fresh rendering"})
@reports_errors
def rls_script(c, check=False):
    """Render ops/supabase/tests/rls_tests.sql from the access matrix (on a throwaway database at head)."""
    with fresh_database(target_url(resolve("local"))) as scratch, connection(scratch) as conn:
        script = render(load(), conn)
    current = SCRIPT_PATH.read_text(encoding="utf-8") if SCRIPT_PATH.is_file() else ""
    if check:
        if script != current:
            raise StaleFile(f"{SCRIPT_PATH.name} is stale: run `inv db.sync` (or `inv db.rls-script`) and commit it")
        say(f"{SCRIPT_PATH.name} is up to date")
        return
    SCRIPT_PATH.write_text(script, encoding="utf-8")
    checks = script.count("select pg_temp.rls_check(")
    say(f"{'wrote' if script != current else 'unchanged'} {SCRIPT_PATH.relative_to(REPO_ROOT)} ({checks} checks)")


TASKS = [rls_test, rls_script]
