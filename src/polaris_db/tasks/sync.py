"""`inv db.sync` (regenerate derived files) and `inv db.check` (what CI runs): the author's whole loop."""

from __future__ import annotations

from invoke import Exit, task

from ..config import resolve
from ..console import say
from ..database import target_url
from ..sync import run_ci, sync_all
from ._common import reports_errors


@task
@reports_errors
def sync(c):
    """Regenerate mirrors (policies/, views/, triggers/), rls_tests.sql and the TypeScript types from the files."""
    changed, removed = sync_all(target_url(resolve("local")))
    for path in changed:
        say(f"wrote {path}")
    for path in removed:
        say(f"removed {path}")
    say(f"{len(changed)} written, {len(removed)} removed" if changed or removed else "everything derived is up to date")


@task
@reports_errors
def check(c):
    """Run `nox` (its default sessions, exactly what CI runs); exit with its code."""
    code = run_ci()
    if code:
        raise Exit(code=code)


TASKS = [sync, check]
