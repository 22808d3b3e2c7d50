"""Postgres servers found by their data directory (/proc), whatever port they hold or whether that directory
still exists: how a cluster finds its own server, and how the test suite finds and stops what it left running.

A postmaster's command line is `.../postgres -D <data> ...`; its children rename themselves (`postgres:
checkpointer`), so only postmasters match.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def postmasters(under: Path | str) -> list[tuple[int, str]]:
    """Running postmasters (pid, data dir as started) whose data directory is `under` or lies below it."""
    base = os.path.realpath(under)
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            args = [a.decode(errors="replace") for a in (proc / "cmdline").read_bytes().split(b"\0")]
        except OSError:
            continue
        if not args or not args[0].endswith("postgres") or "-D" not in args[:-1]:
            continue
        data = args[args.index("-D") + 1]
        if data == base or data.startswith(base + os.sep) or os.path.realpath(data) == base:
            found.append((int(proc.name), data))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return next((line for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                     if line.startswith("State:")), "").lower()
    except OSError:
        return ""


def stop(pids: list[int], timeout: float = 30) -> list[int]:
    """Stop postmasters: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. Returns the pids that
    were still running."""
    running = [pid for pid in pids if alive(pid)]
    for sig, wait in ((signal.SIGINT, timeout), (signal.SIGQUIT, 5.0), (signal.SIGKILL, 5.0)):
        for pid in running:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + wait
        while any(alive(pid) for pid in running) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not any(alive(pid) for pid in running):
            break
    return running


def stop_under(root: Path | str, timeout: float = 30) -> list[tuple[int, str]]:
    """Stop every postmaster whose data directory lies under `root`; returns what was running."""
    found = postmasters(root)
    stop([pid for pid, _ in found], timeout)
    return found
