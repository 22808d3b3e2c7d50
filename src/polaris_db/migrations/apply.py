"""Apply pending migrations: one transaction per file with its history row, under an advisory lock.

A file that fails on `lock_timeout` (55P03: a busy table's lock was not granted in time) is tried again after a
pause that doubles (`lock_retries`, `retry_delay`), as strong_migrations does; each retry is announced through
`on_retry`. Outside a transaction only the statement that timed out is run again (the ones before it stand).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import psycopg

from ..console import say
from ..errors import DriftError, MigrationFailed
from .files import Migration, discover
from .history import LOCK_KEY, ensure_history, read_history, record
from .plan import Plan, describe_drift, make_plan
from .statements import code_offset, statement_spans

OnApplied = Callable[[Migration, float], None]
OnRetry = Callable[[str, int, int, float], None]  # (failure line, retry number, retries, delay in seconds)
LOCK_NOT_AVAILABLE = "55P03"


@contextmanager
def migration_lock(conn: psycopg.Connection):
    """Session-level advisory lock so two pushes to one database run one after the other."""
    if not conn.execute("select pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()[0]:
        say("waiting for another migration run (push or reset) or a backup on this database to finish...")
        conn.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
    try:
        yield
    finally:
        if not conn.closed and not conn.broken:
            conn.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))


def migrate(conn: psycopg.Connection, directory: Path, *, dry_run: bool = False,
            on_applied: OnApplied | None = None, lock_retries: int = 0, retry_delay: float = 2.0,
            on_retry: OnRetry | None = None) -> Plan:
    """Plan against the current history and apply what is pending; refuse on drift."""
    conn.autocommit = True
    local = discover(directory)
    if dry_run:
        plan = make_plan(local, read_history(conn))
        if plan.drift:
            raise DriftError(describe_drift(plan))
        return plan
    with migration_lock(conn):
        ensure_history(conn)
        # Read after taking the lock: a push that waited sees what the other one applied.
        plan = make_plan(local, read_history(conn))
        if plan.drift:
            raise DriftError(describe_drift(plan))
        apply_plan(conn, plan, on_applied=on_applied, lock_retries=lock_retries, retry_delay=retry_delay,
                   on_retry=on_retry)
    return plan


def apply_plan(conn: psycopg.Connection, plan: Plan, *, on_applied: OnApplied | None = None, lock_retries: int = 0,
               retry_delay: float = 2.0, on_retry: OnRetry | None = None) -> None:
    for migration in plan.pending:
        started = time.perf_counter()
        retrying = _Retrying(lock_retries, retry_delay, on_retry)
        if migration.transactional:
            retrying(lambda: _apply_in_transaction(conn, migration))
        else:
            _apply_without_transaction(conn, migration, retrying)
        if on_applied:
            on_applied(migration, time.perf_counter() - started)


class _Retrying:
    """Runs a step, again after a doubling pause while it fails on lock_timeout, `retries` times at most."""

    def __init__(self, retries: int, delay: float, on_retry: OnRetry | None) -> None:
        self.retries, self.delay, self.on_retry, self.done = retries, delay, on_retry, 0

    def __call__(self, step: Callable[[], None]) -> None:
        while True:
            try:
                return step()
            except MigrationFailed as failed:
                if getattr(failed, "sqlstate", None) != LOCK_NOT_AVAILABLE:
                    raise
                if self.done >= self.retries:
                    if self.retries:
                        raise MigrationFailed(f"{failed} (still after {self.retries} lock retries)") from None
                    raise
                self.done += 1
                pause = self.delay * 2 ** (self.done - 1)
                if self.on_retry:
                    self.on_retry(str(failed), self.done, self.retries, pause)
                time.sleep(pause)


def _failed(message: str, error: psycopg.Error) -> MigrationFailed:
    failed = MigrationFailed(message)
    failed.sqlstate = error.sqlstate
    return failed


def _apply_in_transaction(conn: psycopg.Connection, migration: Migration) -> None:
    try:
        with conn.transaction():
            # The whole file as one simple-protocol query: what `psql -1 -f` does, and as fast.
            conn.execute(migration.sql.encode())
            record(conn, migration.version, migration.name, migration.statements)
    except psycopg.Error as error:
        # A lock timeout is not replayed to find its line: the replay would wait for the same lock again.
        offset = _error_offset(conn, migration, error) if error.sqlstate != LOCK_NOT_AVAILABLE else None
        raise _failed(_failure_line(migration, offset, error, "rolled back; schema and history unchanged"),
                      error) from None


def _apply_without_transaction(conn: psycopg.Connection, migration: Migration, retrying=None) -> None:
    spans = statement_spans(migration.sql)
    retrying = retrying or _Retrying(0, 0, None)
    for done, (offset, statement) in enumerate(spans):
        def step(offset=offset, statement=statement, done=done) -> None:
            try:
                conn.execute(statement.encode())
            except psycopg.Error as error:
                note = f"runs outside a transaction: {done} of {len(spans)} statements had run; no history row written"
                raise _failed(_failure_line(migration, offset + code_offset(statement), error, note), error) from None
        retrying(step)
    record(conn, migration.version, migration.name, migration.statements)


def _error_offset(conn: psycopg.Connection, migration: Migration, error: psycopg.Error) -> int | None:
    """Character offset of the failing statement in the file, from the server or by replaying."""
    position = error.diag.statement_position
    if position:
        return int(position) - 1
    # Runtime errors carry no position: replay statement by statement in a transaction we roll back.
    try:
        with conn.transaction(force_rollback=True):
            for offset, statement in statement_spans(migration.sql):
                try:
                    conn.execute(statement.encode())
                except psycopg.Error:
                    return offset + code_offset(statement)
    except psycopg.Error:
        pass
    return None


def _failure_line(migration: Migration, offset: int | None, error: psycopg.Error, note: str) -> str:
    where = f"{migration.path}:{migration.line_of(offset)}" if offset is not None else str(migration.path)
    message = (error.diag.message_primary or str(error)).strip().splitlines()[0]
    code = f" [{error.sqlstate}]" if error.sqlstate else ""
    return f"{where}: {message}{code} ({note})"
