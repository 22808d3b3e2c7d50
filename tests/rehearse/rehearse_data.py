"""Production-like rows for rehearsal tests: the backup benchmark's generator, plus a few null responses."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg

from polaris_db import MIGRATIONS_DIR, REPO_ROOT
from polaris_db.migrations import discover

HEAD = int(discover(MIGRATIONS_DIR)[-1].version)  # fixture files NN_name.sql become HEAD+NN_name.sql

NULL_RESPONSES = 25  # attempts without a response: `set not null` on it fails


def numbered(n: int, rest: str) -> str:
    return f"{HEAD + n:04d}_{rest}"


def release(case: Path, target: Path) -> list[str]:
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    try:
        from bench_rehearse import release as make  # the benchmark builds its release the same way
    finally:
        sys.path.pop(0)
    return make(case, target)


def fill_database(url: str, rows: int) -> int:
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    try:
        from bench_backup import fill  # the benchmark's generator: generate_series inserts
    finally:
        sys.path.pop(0)
    total = fill(url, rows)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("update public.attempts set response = null where id in "
                     "(select id from public.attempts order by id limit %s)", (NULL_RESPONSES,))
    return total
