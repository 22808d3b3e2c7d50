"""Ctrl-C as the tools promise it: exit 130, never in the middle of a step that must not be cut in two.

- `held()`: a critical section (drop a database and create its replacement, marked incomplete): a Ctrl-C
  that arrives meanwhile is remembered and raised as KeyboardInterrupt once the section is done.
- `outside_tasks()` / `in_task()`: invoke turns a KeyboardInterrupt into a silent exit 1; while invoke loads
  and parses (before a task body runs) a Ctrl-C exits 130 with `error: interrupted`, and inside a task body
  it is a KeyboardInterrupt again, so `finally` blocks and the tasks' own messages run.
Signal handlers belong to the main thread: elsewhere (tests calling the logic in a thread) these do nothing.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from invoke import Exit


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def held():
    """Defer Ctrl-C (SIGINT) until the body is done, then raise it."""
    if not _main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _exit_130(signum, frame):
    raise Exit("error: interrupted", code=130)


def outside_tasks() -> None:
    """While invoke loads and parses the command line: Ctrl-C is exit 130 (invoke's own handling exits 1)."""
    if _main_thread():
        signal.signal(signal.SIGINT, _exit_130)


@contextmanager
def in_task():
    """Inside a task body: Ctrl-C raises KeyboardInterrupt, as Python's default."""
    if not _main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
