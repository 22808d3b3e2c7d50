"""`task_run(task, capsys, ...)`: an `inv db.*` task as `inv()` (tests/run_inv.py) runs it, but in this process.

For the cases that check a task's logic: each task and flag keeps one test through `inv` (its CLI contract), and
the others save a Python start-up and the task's imports (most of a quick `inv`'s CPU)."""

import os
from types import SimpleNamespace
from unittest import mock

from invoke import Context, Exit


def task_run(task, capsys, environ: dict | None = None, **kwargs) -> SimpleNamespace:
    """`task(**kwargs)` with inv()'s environment (no DATABASE_URL/SUPABASE_* but `environ`, os.environ restored
    afterwards, .env's variables included): returncode, stdout, and stderr as invoke prints an Exit (its message,
    one line). `capsys` may be capfd, for what the task's subprocesses print."""
    with mock.patch.dict(os.environ):
        for name in [name for name in os.environ if name.startswith(("DATABASE_URL", "SUPABASE_"))]:
            del os.environ[name]
        os.environ.update(environ or {})
        capsys.readouterr()
        try:
            task(Context(), **kwargs)
            code, stderr = 0, ""
        except Exit as exit_:
            code, stderr = exit_.code, f"{exit_.message}\n"
        except SystemExit as exit_:  # a task that ends with sys.exit(code), as db.psql does
            code, stderr = exit_.code or 0, ""
    return SimpleNamespace(returncode=code, stdout=capsys.readouterr().out, stderr=stderr)
