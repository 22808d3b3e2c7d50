"""Production-like rows for rehearsal tests: the backup benchmark's generator, plus a few null responses."""

from __future__ import annotations

import sys

import psycopg

from polaris_db import REPO_ROOT

NULL_RESPONSES = 25  # attempts without a response: `set not null` on it fails


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
