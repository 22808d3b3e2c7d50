"""`inv db.gen-types`: TypeScript types for the app from the target database."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from .. import REPO_ROOT
from ..config import resolve
from ..console import say
from ..database import target_url
from ..typegen import DEFAULT_OUTPUT, StaleTypes, generate, stale_diff
from ._common import reports_errors


@task(help={"env": "local (default), staging or prod", "output": "file to write (default src/types/database.types.ts)",
            "check": "do not write: fail with a short diff if the committed file is stale"})
@reports_errors
def gen_types(c, env="local", output=None, check=False):
    """Generate TypeScript types with `supabase gen types` from the target (embedded local by default)."""
    path = Path(output) if output else DEFAULT_OUTPUT
    types = generate(target_url(resolve(env)))
    shown = path.relative_to(REPO_ROOT) if path.is_absolute() and path.is_relative_to(REPO_ROOT) else path
    if check:
        diff = stale_diff(types, path)
        if diff:
            say(diff)
            raise StaleTypes(f"{shown} is stale: run `inv db.gen-types` and commit it")
        say(f"{shown} is up to date")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(types)
    say(f"wrote {shown} ({types.count(chr(10))} lines)")


TASKS = [gen_types]
