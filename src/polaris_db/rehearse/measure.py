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

import time

import psycopg

from ..errors import MigrationFailed
from ..migrations.apply import _failure_line  # the same file:line message as db.push
from ..migrations.files import Migration
from ..migrations.history import record
from ..migrations.statements import code_offset, statement_spans
from . import observe
from .results import MigrationResult, StatementResult

def _statement_line(migration: Migration, offset: int, text: str) -> tuple[int, str]:
    code = text[code_offset(text):]
    first = code.splitlines()[0] if code else ""
    return migration.line_of(offset + code_offset(text)), (first[:70] + "…") if len(first) > 70 else first


def apply_measured(conn: psycopg.Connection, url: str, migration: Migration, *,
                   release: bool = True) -> MigrationResult:
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


def _failed(result: StatementResult, began: float, error: psycopg.Error, message: str, text: str, seen: set,
            before: dict[int, tuple]) -> _StatementFailed:
    """A failed statement released its locks at the error: what was seen, plus what its parse tree asks for."""
    result.seconds = time.perf_counter() - began
    result.locks = observe.new_locks(set(seen) | observe.expected(text, before), before, began)
    result.error = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return _StatementFailed(message, result)


def _run_in_transaction(conn, pid, migration, offset, text) -> StatementResult:
    line, first = _statement_line(migration, offset, text)
    result = StatementResult(line, first)
    before = observe.snapshot(conn)
    xact = observe.xact(conn)
    held = set(conn.execute(observe.LOCKS, (pid,)).fetchall())
    began = time.perf_counter()
    try:
        cursor = conn.execute(text.encode())
    except psycopg.Error as error:
        raise _failed(result, began, error, _failure_line(migration, offset + code_offset(text), error, "rolled back; "
                      "the file's transaction and history row are not applied"), text, set(), before) from None
    result.seconds = time.perf_counter() - began
    result.rows = cursor.rowcount if cursor.rowcount >= 0 else None
    result.locks = observe.new_locks(set(conn.execute(observe.LOCKS, (pid,)).fetchall()) - held, before, began)
    observe.changes(conn, before, observe.snapshot(conn), result)
    observe.scans(before, xact, observe.xact(conn), result)
    return result


def _run_alone(conn, url, pid, migration, offset, text, done, total) -> StatementResult:
    line, first = _statement_line(migration, offset, text)
    result = StatementResult(line, first)
    before = observe.snapshot(conn)
    sampler = observe.Sampler(url, pid)
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
    # a quick statement may end between two samples: the parse tree's locks too
    result.locks = observe.new_locks(sampler.seen | observe.expected(text, before), before, began)
    for lock in result.locks:
        lock.held = result.seconds
    observe.changes(conn, before, observe.snapshot(conn), result)
    return result
