"""Mask a restored database in place: one set-based UPDATE per table (every masked column in one pass),
`truncate` for the tables whose rows never leave production; triggers off (`session_replication_role =
replica`, as the restore loads rows), so `updated_at` triggers and platform hooks do not fire.

Refuses first, before any change, when a table or column of the restored database has no rule (a backup
taken after a migration this checkout's masking.toml does not know yet): nothing unclassified is copied.
Rules for columns the backup does not have yet (a newer masking.toml) are skipped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import psycopg
from psycopg import sql

from ..errors import BackupError
from .fakes import bump, expression, parameters
from .rules import Column, Rules, catalog, coverage


@dataclass
class Masked:
    table: str
    columns: list[str]
    rows: int
    seconds: float


@dataclass
class MaskResult:
    tables: list[Masked] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def masked_columns(self) -> int:
        return sum(len(t.columns) for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _qualified(table: str) -> sql.Composable:
    schema, name = table.split(".", 1)
    return sql.Identifier(schema.strip('"'), name.strip('"'))


def check_covered(rules: Rules, tables: dict[str, list[Column]]) -> None:
    missing = [gap for gap in coverage(rules, tables) if gap.missing]
    if missing:
        raise BackupError(f"{len(missing)} table(s)/column(s) of the restored backup have no masking rule "
                          f"(first: {missing[0].message}): no snapshot made")


UNIQUE_COLUMNS = """
select format('%I.%I', n.nspname, c.relname), a.attname
from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
where i.indisunique and not i.indisexclusion
"""


def statements(rules: Rules, tables: dict[str, list[Column]],
               unique: set[tuple[str, str]] = frozenset()) -> list[tuple[str, list[str], list[sql.Composable]]]:
    """(table, masked columns, UPDATEs) for every table with something to mask, in catalog order: one UPDATE,
    two when a shifted column is part of a unique key (`fakes.bump`)."""
    found = []
    for table, columns in tables.items():
        if table in rules.truncate:
            continue
        listed = rules.tables[table]
        chosen = [c for c in columns if not c.generated and listed[c.name].masks]
        if not chosen:
            continue
        bumped = [c for c in chosen if listed[c.name].kind == "shift" and (table, c.name) in unique]
        sets = sql.SQL(", ").join(sql.SQL("{} = {}").format(
            sql.Identifier(c.name), expression(listed[c.name], c, rules.shift_days, bumped=c in bumped)) for c in chosen)
        updates = [sql.SQL("update only {} set {}").format(_qualified(table), sql.SQL(", ").join(map(bump, bumped)))] \
            if bumped else []
        updates.append(sql.SQL("update only {} set {}").format(_qualified(table), sets))
        found.append((table, [c.name for c in chosen], updates))
    return found


def mask_database(conn: psycopg.Connection, rules: Rules, key: bytes,
                  on_table: Callable[[str, int, float], None] | None = None) -> MaskResult:
    """Mask every table of `conn`'s database by `rules` under `key`; the connection must be autocommit."""
    started = time.perf_counter()
    tables = catalog(conn)
    check_covered(rules, tables)
    unique = {(t, c) for t, c in conn.execute(UNIQUE_COLUMNS)}
    planned = statements(rules, tables, unique)  # every expression is built (and checked) before the first change
    params = parameters(key)
    result = MaskResult()
    conn.execute("set session_replication_role = replica")
    try:
        for table in sorted(set(rules.truncate) & set(tables)):
            conn.execute(sql.SQL("truncate only {}").format(_qualified(table)))
            result.truncated.append(table)
        for table, columns, updates in planned:
            began = time.perf_counter()
            for update in updates:
                rows = conn.execute(update, params).rowcount
            result.tables.append(Masked(table, columns, rows, time.perf_counter() - began))
            if on_table:
                on_table(table, rows, time.perf_counter() - began)
    finally:
        conn.execute("reset session_replication_role")
    result.seconds = time.perf_counter() - started
    return result
