"""Everything the tools print: tables, step progress, findings, prompts. All output is masked."""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import Iterable, Sequence

from .config import mask
from .errors import Aborted


def say(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    try:
        print(mask(text), file=stream, flush=True)
    except BrokenPipeError:
        if err:
            raise
        stdout_closed()


def stdout_closed() -> None:
    """Whoever read stdout went away (`inv db.migration-list | head -1`): no traceback, and no task stopped half-way
    (a reset or backup goes on to its end and exit code); what it still prints to stdout goes to /dev/null. Other
    broken pipes (pg_dump's, an upload's) are not this one and still fail, named."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain aligned table, like `supabase migration list` prints."""
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = lambda row: "  " + " | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    rule = "  " + "-+-".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


class Steps:
    """Times named steps and prints a summary table at the end, like a build tool."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    @contextmanager
    def step(self, name: str, detail: str = ""):
        say(f"==> {name}")
        started = time.perf_counter()
        yield
        self.rows.append((name, detail, f"{time.perf_counter() - started:6.2f}s"))

    def note(self, detail: str) -> None:
        """Replace the detail of the last finished step."""
        name, _, took = self.rows[-1]
        self.rows[-1] = (name, detail, took)

    def summary(self) -> str:
        total = sum(float(took.strip()[:-1]) for _, _, took in self.rows)
        return table(("step", "detail", "time"), [*self.rows, ("total", "", f"{total:6.2f}s")])


def confirm(question: str, *, assume_yes: bool = False) -> None:
    """Ask for an explicit `yes`; refuse when nobody can answer (CI, no tty)."""
    if assume_yes:
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise Aborted(f"{question} -- no terminal to confirm: pass --yes")
    answer = input(mask(f"{question} Type 'yes' to continue: "))
    if answer.strip().lower() != "yes":
        raise Aborted("aborted: nothing was changed")
