"""What a measured migration is made of: its statements, the locks each took, what each did to which table."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..migrations.files import Migration

STRENGTH = ("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
            "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
BLOCKS_WRITES = ("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
BLOCKS_READS = ("AccessExclusiveLock",)


@dataclass
class Lock:
    relation: str
    mode: str
    rows: int  # of the table before the statement (reltuples after ANALYZE)
    table: bool  # a table or materialized view (index locks are not listed)
    acquired: float  # perf_counter when the statement that took it started
    held: float = 0.0  # seconds until released (commit, or the statement's end outside a transaction)
    bytes: int = 0  # pg_total_relation_size before the statement

    @property
    def blocks(self) -> str | None:
        if self.mode in BLOCKS_READS:
            return "reads and writes"
        return "writes" if self.mode in BLOCKS_WRITES else None


@dataclass
class StatementResult:
    line: int
    text: str  # the statement's first line of code, shortened
    seconds: float = 0.0
    rows: int | None = None  # rows touched: DML rowcount, or the rows of a rewritten table
    locks: list[Lock] = field(default_factory=list)
    rewrites: list[str] = field(default_factory=list)  # "public.attempts rewritten (1000000 rows, 120.0 MB)"
    flags: list[str] = field(default_factory=list)
    advice: str | None = None
    error: str | None = None  # the statement failed: its error's first line
    work: dict[str, str] = field(default_factory=dict)  # table -> what the statement did to its rows


@dataclass
class MigrationResult:
    migration: Migration
    release: bool = True  # pending on the target environment (False: catching the backup up to it)
    statements: list[StatementResult] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    @property
    def flagged(self) -> list[StatementResult]:
        return [s for s in self.statements if s.flags]
