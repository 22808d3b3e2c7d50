"""What the catalog says around one statement: relations before and after (rewrites, new indexes), the relation
locks a backend holds (read between statements, or sampled from a second connection), the rows it scanned or
wrote (`pg_stat_xact_user_tables`), and the locks its parse tree asks for."""

from __future__ import annotations

import threading

import psycopg

from ..database import connection
from .locks import expected_locks
from .results import STRENGTH, Lock, StatementResult

_USER_RELATIONS = ("n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%%'"
                   " and n.nspname not like 'pg\\_temp%%'")
_SNAPSHOT = ("select c.oid::int8, n.nspname || '.' || c.relname, c.relkind::text, c.relfilenode::int8,"
             " greatest(c.reltuples, 0)::int8, pg_total_relation_size(c.oid)::int8"
             " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
             f" where c.relkind in ('r', 'p', 'm', 'i', 'I') and {_USER_RELATIONS}")
LOCKS = ("select l.relation::int8, l.mode from pg_locks l join pg_class c on c.oid = l.relation"
         " join pg_namespace n on n.oid = c.relnamespace"
         f" where l.pid = %s and l.locktype = 'relation' and l.granted and {_USER_RELATIONS}")
_XACT = "select relid::int8, seq_tup_read, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_xact_user_tables"


def snapshot(conn: psycopg.Connection) -> dict[int, tuple]:
    return {row[0]: row[1:] for row in conn.execute(_SNAPSHOT)}


def size(conn: psycopg.Connection, oid: int) -> int:
    return conn.execute("select pg_relation_size(%s::oid)", (oid,)).fetchone()[0] or 0


def changes(conn: psycopg.Connection, before: dict[int, tuple], after: dict[int, tuple],
            result: StatementResult) -> None:
    """New indexes and rewritten relations; a rewritten table's own index rebuilds are summed up on its line."""
    rebuilt: list[tuple[str, int]] = []  # (index, bytes) rewritten along with a table
    for oid, (name, kind, filenode, rows, _) in after.items():
        old = before.get(oid)
        if old is None and kind in ("i", "I"):
            result.rewrites.append(f"index {name} built ({size(conn, oid) / 1e6:.1f} MB)")
            table = conn.execute("select indrelid::int8 from pg_index where indexrelid = %s::oid", (oid,)).fetchone()
            if table and table[0] in before:  # an index build reads every row of its table
                result.rows = max(result.rows or 0, before[table[0]][3])
                result.work[before[table[0]][0]] = f"index {name} is built"
        elif old is not None and old[2] != filenode and kind in ("i", "I"):
            rebuilt.append((name, size(conn, oid)))
        elif old is not None and old[2] != filenode:
            result.rewrites.insert(0, f"table {name} rewritten ({old[3]} rows, {size(conn, oid) / 1e6:.1f} MB)")
            result.rows = max(result.rows or 0, old[3])
            if kind in ("r", "p", "m"):
                result.work[name] = "it is rewritten"
    if rebuilt and any(r.startswith("table ") for r in result.rewrites):
        result.rewrites.insert(1, f"{len(rebuilt)} of its indexes rebuilt ({sum(b for _, b in rebuilt) / 1e6:.1f} MB)")
    else:
        result.rewrites += [f"index {name} rewritten ({size / 1e6:.1f} MB)" for name, size in rebuilt]


def new_locks(held: set, before: dict[int, tuple], started: float) -> list[Lock]:
    """The strongest new lock per pre-existing table (index locks follow their table's)."""
    strongest: dict[int, str] = {}
    for oid, mode in held:
        if oid in before and before[oid][1] in ("r", "p", "m") and mode in STRENGTH:
            if STRENGTH.index(mode) > STRENGTH.index(strongest.get(oid, "AccessShareLock")):
                strongest[oid] = mode
    return [Lock(before[oid][0], mode, before[oid][3], True, started, bytes=before[oid][4])
            for oid, mode in sorted(strongest.items(), key=lambda item: before[item[0]][0])]


class Sampler(threading.Thread):
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
                self.seen.update((oid, mode) for oid, mode in conn.execute(LOCKS, (self.pid,)))
                self.stop.wait(self.interval)


def expected(text: str, before: dict[int, tuple]) -> set[tuple[int, str]]:
    """(oid, mode) of the locks the statement's parse tree asks for, on tables that existed before it."""
    oids = {value[0]: oid for oid, value in before.items() if value[1] in ("r", "p", "m")}
    return {(oids[table], mode) for table, mode in expected_locks(text) if table in oids}


def xact(conn: psycopg.Connection) -> dict[int, tuple[int, int]]:
    return {relid: (read, written) for relid, read, written in conn.execute(_XACT)}


def scans(before: dict[int, tuple], xact_before: dict, xact_after: dict, result: StatementResult) -> None:
    """Rows of a table read by a sequential scan or written by this statement (inside the file's transaction)."""
    for relid, (read, written) in xact_after.items():
        old_read, old_written = xact_before.get(relid, (0, 0))
        if relid not in before or before[relid][0] in result.work:
            continue
        if read > old_read:
            result.work[before[relid][0]] = f"{read - old_read} rows are scanned"
        elif written > old_written:
            result.work[before[relid][0]] = f"{written - old_written} rows are written"
