"""Invoke collections. Each area module defines TASKS; `namespace()` puts them all under `db`.

`namespace(argv)` (tasks.py passes the command line) imports only the areas of the tasks named there: an `inv`
run then starts in about half the time (importing every area's modules was most of a quick task's run). Which
area holds a task is read from each module's `TASKS = [...]` line, without importing it; a command line that
names no task or one that is not found that way (`inv --list`, a typo) gets every area, as before."""

import re
from importlib import import_module
from pathlib import Path

from invoke import Collection
from invoke.exceptions import Exit, ParseError
from invoke.program import Program

from ..console import stdout_closed
from ..interrupts import outside_tasks

# One module per area; add a module name here when an area gains tasks.
AREAS = ("cluster", "migrate", "backup", "snapshot", "rehearse", "review", "rls", "lint", "types", "sync", "auth")


def namespace(argv: list[str] | None = None) -> Collection:
    outside_tasks()  # Ctrl-C while invoke parses: exit 130, not invoke's silent 1
    _task_argument_errors_exit_2()
    _listing_into_a_closed_pipe_is_quiet()
    db = Collection("db")
    for area in areas_for(argv):
        for task in import_module(f"{__name__}.{area}").TASKS:
            db.add_task(task)
    root = Collection()
    root.add_collection(db)
    return root


_TASKS_LINE = re.compile(r"^TASKS = \[([^\]]*)\]", re.MULTILINE)


def task_areas() -> dict[str, str]:
    """Task name (as invoke spells it) -> area module, from each module's `TASKS = [...]` line (not imported)."""
    found = {}
    for area in AREAS:
        line = _TASKS_LINE.search((Path(__file__).parent / f"{area}.py").read_text())
        for name in (line.group(1).split(",") if line else ()):
            found[name.strip().replace("_", "-")] = area
    return found


def areas_for(argv: list[str] | None) -> tuple[str, ...]:
    """The areas of the `db.<task>` names on a command line; every area when it names none, or one not found."""
    named = [arg.removeprefix("db.").replace("_", "-") for arg in argv or () if arg.startswith("db.")]
    where = task_areas() if named else {}
    if not named or any(name not in where for name in named):
        return AREAS
    return tuple(area for area in AREAS if area in {where[name] for name in named})


def _task_argument_errors_exit_2() -> None:
    """A bad task argument (`--bogus`, a missing positional) is bad input: one `error:` line and exit 2, as the
    README says, where invoke prints its parser's message and exits 1. invoke parses the task arguments
    after loading tasks.py, so wrapping the method here takes effect for this run."""
    parse_tasks = Program.parse_tasks
    if getattr(parse_tasks, "polaris_wrapped", False):
        return

    def parse_tasks_or_exit_2(self: Program) -> None:
        try:
            parse_tasks(self)
        except ParseError as error:
            raise Exit(f"error: {error}", code=2) from None

    parse_tasks_or_exit_2.polaris_wrapped = True
    Program.parse_tasks = parse_tasks_or_exit_2


def _listing_into_a_closed_pipe_is_quiet() -> None:
    """`inv --list | head -1`, `inv --help db.backup | head -3`: invoke prints these itself (after loading tasks.py),
    and a reader that went away made a BrokenPipeError traceback. Our tasks print through `console.say`, which
    handles it the same way."""
    cleanup = Program.parse_cleanup
    if getattr(cleanup, "polaris_wrapped", False):
        return

    def parse_cleanup_quietly(self: Program) -> None:
        try:
            cleanup(self)
        except BrokenPipeError:
            stdout_closed()
            raise Exit(code=0) from None

    parse_cleanup_quietly.polaris_wrapped = True
    Program.parse_cleanup = parse_cleanup_quietly
