"""Which statements to flag: by what they do, never by how long they took on this machine.

A statement is flagged when it takes a lock that blocks reads or writes on a table while it works through that
table's rows (a rewrite, an index build, a scan that validates, rows written), and the table is large in
production: more rows than `Thresholds.rows` (production's row counts: the backup manifest's) or more bytes than
`Thresholds.bytes` (the table's size scaled to those rows). A blocking lock taken earlier in the same transaction
is held while such a statement works, so it is flagged with it. The measured time is reported beside the flag,
extrapolated to production's rows ("est. 40 s at 12M rows"); it never decides. A catalog-only change (a nullable
column, a comment, a policy) takes its lock for an instant and is not flagged: `lock_timeout` bounds its wait.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..migrations.statements import code_offset, statement_spans
from .results import Lock, MigrationResult, StatementResult
from .safer import advice

DEFAULT_ROWS = 100_000
DEFAULT_BYTES = 100 * 1024 * 1024
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.I)


@dataclass
class Thresholds:
    rows: int = DEFAULT_ROWS
    bytes: int = DEFAULT_BYTES
    production: dict[str, int] = field(default_factory=dict)  # table -> production's rows (the manifest's counts)

    def rows_of(self, lock: Lock) -> int:
        return self.production.get(lock.relation, lock.rows)

    def bytes_of(self, lock: Lock) -> int:
        return int(lock.bytes * self.rows_of(lock) / lock.rows) if lock.rows else lock.bytes

    def large(self, lock: Lock) -> bool:
        return self.rows_of(lock) > self.rows or self.bytes_of(lock) > self.bytes

    def describe(self) -> str:
        return f"more than {human_rows(self.rows)} rows or {self.bytes / 1024 ** 2:g} MB in production"


def parse_count(value, what: str) -> int:
    """`100000`, `100k`, `1.5M` rows; `100MB`, `2G` bytes (powers of 1000 for rows, of 1024 for bytes)."""
    from ..errors import ConfigError

    found = _SIZE.match(str(value))
    if not found:
        raise ConfigError(f"--flag-{what} must be a number like 100k or 1.5M, got {value!r}")
    base = 1024 if what == "bytes" else 1000
    return int(float(found[1]) * base ** " kmgt".index(found[2].lower() or " "))


def human_rows(rows: int) -> str:
    for unit, size in (("M", 1e6), ("k", 1e3)):
        if rows >= size:
            return f"{rows / size:.3g}{unit}"
    return str(rows)


def human_seconds(seconds: float) -> str:
    if seconds >= 5400:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"


def estimate(seconds: float, lock: Lock, thresholds: Thresholds) -> str:
    """'0.31 s measured, est. 1.3 s at 1M rows', or '... at production size (240k rows)' when they match."""
    production = thresholds.rows_of(lock)
    if lock.rows and abs(production / lock.rows - 1) > 0.05:
        extrapolated = human_seconds(seconds * production / lock.rows)
        return (f"{seconds:.2f} s measured at {human_rows(lock.rows)} rows, est. {extrapolated} "
                f"at {human_rows(production)} rows")
    return f"{seconds:.2f} s measured at production size ({human_rows(production)} rows)"


def _blocking_large(statement: StatementResult, thresholds: Thresholds) -> list[Lock]:
    return [lock for lock in statement.locks if lock.table and lock.blocks and thresholds.large(lock)]


def flag(migration: MigrationResult, thresholds: Thresholds) -> None:
    """Set `flags` and `advice` on the statements of one applied (or failed) migration."""
    working = []
    for statement in migration.statements:
        for lock in _blocking_large(statement, thresholds):
            if lock.relation in statement.work:
                statement.flags.append(
                    f"{lock.mode} on {lock.relation} ({human_rows(thresholds.rows_of(lock))} rows, "
                    f"{thresholds.bytes_of(lock) / 1e6:.1f} MB) while {statement.work[lock.relation]}: blocks "
                    f"{lock.blocks}; {estimate(statement.seconds, lock, thresholds)}")
        if statement.flags:
            statement.advice = advice(_full(migration, statement))
            working.append(statement)
    if not migration.migration.transactional or not working:
        return
    heavy = working[-1]  # a blocking lock is held to the commit: through every later statement's work
    for statement in migration.statements[:migration.statements.index(heavy)]:
        for lock in _blocking_large(statement, thresholds):
            if lock.relation not in statement.work:
                statement.flags.append(f"{lock.mode} on {lock.relation} taken here is held until the commit, while "
                                       f"line {heavy.line} works: blocks {lock.blocks}")
                statement.advice = statement.advice or (f"move line {heavy.line} into a migration of its own, so this "
                                                        "lock is released before it starts")


def _full(migration: MigrationResult, statement: StatementResult) -> str:
    for offset, text in statement_spans(migration.migration.sql):
        if migration.migration.line_of(offset + code_offset(text)) == statement.line:
            return text
    return statement.text
