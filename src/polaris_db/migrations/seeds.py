"""Run `ops/supabase/seeds/*.sql` in their declared order; every seed is idempotent, so repeat freely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from ..errors import MigrationFailed, MigrationFileError

ORDER_PATTERN = re.compile(r"^--\s*seed-order:\s*(\d+)\s*$", re.M)


@dataclass(frozen=True)
class Seed:
    order: int
    path: Path


def discover_seeds(directory: Path) -> list[Seed]:
    seeds = []
    for path in sorted(directory.glob("*.sql")):
        match = ORDER_PATTERN.search(path.read_text(encoding="utf-8"))
        if not match:
            raise MigrationFileError(f"{path}: missing '-- seed-order: N' header (declares the run order)")
        seeds.append(Seed(int(match[1]), path))
    orders = [s.order for s in seeds]
    if len(set(orders)) != len(orders):
        dupes = sorted({o for o in orders if orders.count(o) > 1})
        raise MigrationFileError(f"{directory}: seed-order {dupes} used by more than one seed")
    return sorted(seeds, key=lambda s: s.order)


def run_seeds(conn: psycopg.Connection, directory: Path) -> list[Seed]:
    """All seeds in one transaction: a failing seed leaves the data as it was."""
    seeds = discover_seeds(directory)
    conn.autocommit = True
    with conn.transaction():
        for seed in seeds:
            try:
                with conn.transaction():
                    conn.execute(seed.path.read_text(encoding="utf-8").encode())
            except psycopg.Error as error:
                message = (error.diag.message_primary or str(error)).strip().splitlines()[0]
                line = ""
                if error.diag.statement_position:
                    text = seed.path.read_text(encoding="utf-8")
                    line = f":{text.count(chr(10), 0, int(error.diag.statement_position) - 1) + 1}"
                raise MigrationFailed(f"{seed.path}{line}: {message} [{error.sqlstate}] (seeds rolled back)") from None
    return seeds
