"""An `inv db.*` task's body in this process, as invoke runs it: for the cases that check a task's logic. Each task and
flag keeps one test through `inv` (tests/run_inv.py: its CLI contract); the others save a Python start-up and the
task's imports (most of a quick `inv`'s CPU).

  call(task, *args, **flags) -> (exit code, message)    os.environ restored afterwards, as a process leaves it
  task_run(task, capsys, environ, **flags)              as inv() runs it: no DATABASE_URL/SUPABASE_* but `environ`;
                                                        returncode, stdout and stderr
"""

import os
from types import SimpleNamespace
from unittest import mock

from invoke import Context, Exit


def call(task, *args, environ: dict | None = None, isolated: bool = False, **flags) -> tuple[int, str]:
    """(0, "") or an Exit's (code, message), what reports_errors raises and invoke prints on stderr; a task that
    ends with sys.exit(code), as db.psql does, gives (code, ""). `isolated`: without DATABASE_URL/SUPABASE_*, as
    inv() runs it; `environ` is added; what the task loads (a `.env`) does not stay."""
    with mock.patch.dict(os.environ):
        if isolated:
            for name in [name for name in os.environ if name.startswith(("DATABASE_URL", "SUPABASE_"))]:
                del os.environ[name]
        os.environ.update(environ or {})
        try:
            task(Context(), *args, **flags)
        except Exit as stopped:
            return stopped.code, stopped.message
        except SystemExit as stopped:
            return stopped.code or 0, ""
    return 0, ""


def task_run(task, capsys, environ: dict | None = None, **flags) -> SimpleNamespace:
    """`call` with inv()'s environment and the output captured: returncode, stdout, and stderr as invoke prints an
    Exit (its message, one line). `capsys` may be capfd, for what the task's subprocesses print."""
    capsys.readouterr()
    code, message = call(task, environ=environ, isolated=True, **flags)
    return SimpleNamespace(returncode=code, stdout=capsys.readouterr().out, stderr=f"{message}\n" if message else "")
