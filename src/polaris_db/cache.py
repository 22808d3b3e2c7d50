"""Content-addressed results on disk (~/.cache/polaris-db/<kind>), as ruff and eslint keep theirs.

An entry is found by a key that hashes everything the result depends on, so a hit is the result a fresh
run would give and nothing is ever invalidated by hand. Entries are written whole or not at all: readers
on other processes never see half a file. Each kind has a variable naming another folder, or `off`.
"""

from __future__ import annotations

import os
from pathlib import Path


def folder(kind: str, variable: str) -> Path | None:
    chosen = os.environ.get(variable, "")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "polaris-db" / kind


def _entry(where: Path, key: str, suffix: str) -> Path:
    return where / key[:2] / f"{key}{suffix}"


def read(where: Path, key: str, suffix: str) -> str | None:
    try:
        return _entry(where, key, suffix).read_text()
    except (OSError, UnicodeDecodeError):
        return None


def write(where: Path, key: str, suffix: str, text: str) -> None:
    target = _entry(where, key, suffix)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        partial.write_text(text)
        os.replace(partial, target)
    except OSError:
        pass  # a cache that cannot be written (read-only home, full disk) only costs the next run time
