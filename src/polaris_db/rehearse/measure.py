"""Apply one migration exactly as `db.push` does, statement by statement, measuring what each one costs.

In a transactional file every statement runs inside the file's transaction (with its history row, as
`db.push` does): `pg_locks` of our own backend is read between statements, so each relation lock is
attributed to the statement that took it, and held until the commit. A `transaction=false` file runs
each statement on its own; a second connection samples its locks while it runs (every 20 ms).
`pg_class` before and after each statement shows rewrites (relfilenode changed) and new indexes;
`pg_stat_xact_user_tables` the rows a statement scanned or wrote in a table. What a statement did to which
table (`work`) and the locks it took are what `flags.py` judges, never the time it took on this machine.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import psycopg

from ..database import connection
from ..errors import MigrationFailed
from ..migrations.apply import _failure_line  # the same file:line message as db.push
from ..migrations.files import Migration
from ..migrations.history import record
from ..migrations.statements import code_offset, statement_spans
from .locks import expected_locks

STRENGTH = ("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
            "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
BLOCKS_WRITES = ("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
BLOCKS_READS = ("AccessExclusiveLock",)
_USER_RELATIONS = ("n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%%'"
                   " and n.nspname not like 'pg\\_temp%%'")
_SNAPSHOT = ("select c.oid::int8, n.nspname || '.' || c.relname, c.relkind::text, c.relfilenode::int8,"
             " greatest(c.reltuples, 0)::int8, pg_total_relation_size(c.oid)::int8 from pg_class c join pg_namespace n on n.oid = c.relnamespace"
             f" where c.relkind in ('r', 'p', 'm', 'i', 'I') and {_USER_RELATIONS}")
_LOCKS = ("select l.relation::int8, l.mode from pg_locks l join pg_class c on c.oid = l.relation"
          " join pg_namespace n on n.oid = c.relnamespace"
          f" where l.pid = %s and l.locktype = 'relation' and l.granted and {_USER_RELATIONS}")
_XACT = "select relid::int8, seq_tup_read, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_xact_user_tables"


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


def _snapshot(conn: psycopg.Connection) -> dict[int, tuple]:
    return {row[0]: row[1:] for row in conn.execute(_SNAPSHOT)}


def _size(conn: psycopg.Connection, oid: int) -> int:
    return conn.execute("select pg_relation_size(%s::oid)", (oid,)).fetchone()[0] or 0


def _changes(conn: psycopg.Connection, before: dict[int, tuple], after: dict[int, tuple], result: StatementResult) -> None:
    """New indexes and rewritten relations; a rewritten table's own index rebuilds are summed up on its line."""
    rebuilt: list[tuple[str, int]] = []  # (index, bytes) rewritten along with a table
    for oid, (name, kind, filenode, rows, _) in after.items():
        old = before.get(oid)
        if old is None and kind in ("i", "I"):
            result.rewrites.append(f"index {name} built ({_size(conn, oid) / 1e6:.1f} MB)")
            table = conn.execute("select indrelid::int8 from pg_index where indexrelid = %s::oid", (oid,)).fetchone()
            if table and table[0] in before:  # an index build reads every row of its table
                result.rows = max(result.rows or 0, before[table[0]][3])
                result.work[before[table[0]][0]] = f"index {name} is built"
        elif old is not None and old[2] != filenode and kind in ("i", "I"):
            rebuilt.append((name, _size(conn, oid)))
        elif old is not None and old[2] != filenode:
            result.rewrites.insert(0, f"table {name} rewritten ({old[3]} rows, {_size(conn, oid) / 1e6:.1f} MB)")
            result.rows = max(result.rows or 0, old[3])
            if kind in ("r", "p", "m"):
                result.work[name] = "it is rewritten"
    if rebuilt and any(r.startswith("table ") for r in result.rewrites):
        result.rewrites.insert(1, f"{len(rebuilt)} of its indexes rebuilt ({sum(b for _, b in rebuilt) / 1e6:.1f} MB)")
    else:
        result.rewrites += [f"index {name} rewritten ({size / 1e6:.1f} MB)" for name, size in rebuilt]


def _new_locks(held: set, before: dict[int, tuple], started: float) -> list[Lock]:
    """The strongest new lock per pre-existing table (index locks follow their table's)."""
    strongest: dict[int, str] = {}
    for oid, mode in held:
        if oid in before and before[oid][1] in ("r", "p", "m") and mode in STRENGTH:
            if STRENGTH.index(mode) > STRENGTH.index(strongest.get(oid, "AccessShareLock")):
                strongest[oid] = mode
    return [Lock(before[oid][0], mode, before[oid][3], True, started, bytes=before[oid][4])
            for oid, mode in sorted(strongest.items(), key=lambda item: before[item[0]][0])]


class _Sampler(threading.Thread):
    """Polls another backend's relation locks from a second connection while one statement runs."""

    def __init__(self, url: str, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.url, self.pid, self.interval = url, pid, interval
        self.seen: set[tuple[int, str]] = set()
        self.stop, self.ready = threading.Event(), threading.Event()

    def run(self) -> None:
        with connection(self.url) as conn:
            self.ready.set()
            while not self.stop.is_set():
                self.seen.update((oid, mode) for oid, mode in conn.execute(_LOCKS, (self.pid,)))
                self.stop.wait(self.interval)


def _statement_line(migration: Migration, offset: int, text: str) -> tuple[int, str]:
    code = text[code_offset(text):]
    first = code.splitlines()[0] if code else ""
    return migration.line_of(offset + code_offset(text)), (first[:70] + "…") if len(first) > 70 else first


def apply_measured(conn: psycopg.Connection, url: str, migration: Migration, *, release: bool = True) -> MigrationResult:
    """Apply and measure one file on the rehearsal database (`url`, autocommit `conn`); `flags.flag` judges it.

    A failing statement raises MigrationFailed naming file:line (the result so far is on the exception)."""
    result = MigrationResult(migration, release)
    started = time.perf_counter()
    spans = statement_spans(migration.sql)
    pid = conn.info.backend_pid
    try:
        if migration.transactional:
            with conn.transaction():
                for offset, text in spans:
                    result.statements.append(_run_in_transaction(conn, pid, migration, offset, text))
                record(conn, migration.version, migration.name, migration.statements)
            released = time.perf_counter()
            for statement in result.statements:
                for lock in statement.locks:
                    lock.held = released - lock.acquired
        else:
            for done, (offset, text) in enumerate(spans):
                result.statements.append(_run_alone(conn, url, pid, migration, offset, text, done, len(spans)))
            record(conn, migration.version, migration.name, migration.statements)
    except _StatementFailed as failed:
        result.statements.append(failed.statement)  # in its migration's table, with its time and locks
        if migration.transactional:
            for lock in failed.statement.locks:
                lock.held = time.perf_counter() - lock.acquired  # until the rollback
        result.error = failed.message
        result.seconds = time.perf_counter() - started
        error = MigrationFailed(failed.message)
        error.result = result
        raise error from None
    result.seconds = time.perf_counter() - started
    return result


class _StatementFailed(Exception):
    def __init__(self, message: str, statement: StatementResult) -> None:
        super().__init__(message)
        self.message, self.statement = message, statement


def _expected(text: str, before: dict[int, tuple]) -> set[tuple[int, str]]:
    """(oid, mode) of the locks the statement's parse tree asks for, on tables that existed before it."""
    oids = {value[0]: oid for oid, value in before.items() if value[1] in ("r", "p", "m")}
    return {(oids[table], mode) for table, mode in expected_locks(text) if table in oids}


def _failed(result: StatementResult, began: float, error: psycopg.Error, message: str, text: str, seen: set,
            before: dict[int, tuple]) -> _StatementFailed:
    """A failed statement released its locks at the error: what was seen, plus what its parse tree asks for."""
    result.seconds = time.perf_counter() - began
    result.locks = _new_locks(set(seen) | _expected(text, before), before, began)
    result.error = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return _StatementFailed(message, result)




def _xact(conn: psycopg.Connection) -> dict[int, tuple[int, int]]:
    return {relid: (read, written) for relid, read, written in conn.execute(_XACT)}


def _scans(before: dict[int, tuple], xact_before: dict, xact_after: dict, result: StatementResult) -> None:
    """Rows of a table read by a sequential scan or written by this statement (inside the file's transaction)."""
    for relid, (read, written) in xact_after.items():
        old_read, old_written = xact_before.get(relid, (0, 0))
        if relid not in before or before[relid][0] in result.work:
            continue
        if read > old_read:
            result.work[before[relid][0]] = f"{read - old_read} rows are scanned"
        elif written > old_written:
            result.work[before[relid][0]] = f"{written - old_written} rows are written"


def _run_in_transaction(conn, pid, migration, offset, text) -> StatementResult:
    line, first = _statement_line(migration, offset, text)
    result = StatementResult(line, first)
    before = _snapshot(conn)
    xact = _xact(conn)
    held = set(conn.execute(_LOCKS, (pid,)).fetchall())
    began = time.perf_counter()
    try:
        cursor = conn.execute(text.encode())
    except psycopg.Error as error:
        raise _failed(result, began, error, _failure_line(migration, offset + code_offset(text), error, "rolled back; "
                      "the file's transaction and history row are not applied"), text, set(), before) from None
    result.seconds = time.perf_counter() - began
    result.rows = cursor.rowcount if cursor.rowcount >= 0 else None
    result.locks = _new_locks(set(conn.execute(_LOCKS, (pid,)).fetchall()) - held, before, began)
    _changes(conn, before, _snapshot(conn), result)
    _scans(before, xact, _xact(conn), result)
    return result


def _run_alone(conn, url, pid, migration, offset, text, done, total) -> StatementResult:
    line, first = _statement_line(migration, offset, text)
    result = StatementResult(line, first)
    before = _snapshot(conn)
    sampler = _Sampler(url, pid)
    sampler.start()
    sampler.ready.wait(10)
    began = time.perf_counter()
    try:
        cursor = conn.execute(text.encode())
    except psycopg.Error as error:
        sampler.stop.set()
        sampler.join(10)
        failed = _failed(result, began, error, _failure_line(migration, offset + code_offset(text), error, f"runs "
                         f"outside a transaction: {done} of {total} statements had run; no history row written"),
                         text, sampler.seen, before)
        for lock in result.locks:
            lock.held = result.seconds
        raise failed from None
    finally:
        sampler.stop.set()
        sampler.join(10)
    result.seconds = time.perf_counter() - began
    result.rows = cursor.rowcount if cursor.rowcount >= 0 else None
    result.locks = _new_locks(sampler.seen | _expected(text, before), before, began)  # a quick statement may end
    for lock in result.locks:                                                            # between two samples
        lock.held = result.seconds
    _changes(conn, before, _snapshot(conn), result)
    return result
