"""Mask a restored database in place, set-based, one pass per table over every masked column (`plan_table`:
a bulk rewrite where the table allows it, else one UPDATE), `truncate` for the tables whose rows never
leave production; triggers off (`session_replication_role = replica`, as the restore loads rows), so
`updated_at` triggers and platform hooks do not fire.

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


FACTS = """
select format('%%I.%%I', n.nspname, c.relname) as name,
       pg_has_role(c.relowner, 'USAGE') and c.relkind = 'r' as owned,
       exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.oid) as referenced,
       array(select format('%%I.%%I', n.nspname, x.relname) from pg_index i join pg_class x on x.oid = i.indexrelid
             where i.indrelid = c.oid and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
             order by 1) as index_names,
       array(select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class x on x.oid = i.indexrelid
             where i.indrelid = c.oid and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
             order by format('%%I.%%I', n.nspname, x.relname)) as indexes,
       array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
             where i.indrelid = c.oid and i.indisprimary) as key,
       array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
             where i.indrelid = c.oid and i.indisunique) as unique_columns,
       array(select format('%%I', k.conname) from pg_constraint k where k.conrelid = c.oid and k.contype in ('p', 'u', 'x')
             order by k.conname) as constraint_names,
       array(select pg_get_constraintdef(k.oid) from pg_constraint k where k.conrelid = c.oid
             and k.contype in ('p', 'u', 'x') order by k.conname) as constraints,
       exists (select 1 from pg_constraint k join pg_depend d on d.refclassid = 'pg_constraint'::regclass
               and d.refobjid = k.oid and d.deptype = 'n' where k.conrelid = c.oid) as constraints_needed
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname = any(%s)
"""


@dataclass
class Plan:
    table: str
    columns: list[str]  # the masked ones
    statements: list[sql.Composable]  # run in one transaction; the first UPDATE/INSERT's row count is reported
    rewrite: bool


def plan_table(table: str, columns: list[Column], rules: Rules, facts: dict) -> Plan | None:
    """How to mask one table. Rewrite (the owner's tables no foreign key points at): the masked rows selected
    into a temporary table in one pass, the table truncated, its indexes and key constraints dropped, the rows
    put back, the constraints and indexes built again: a bulk load, as pg_restore does (an UPDATE rewrites
    every row and every index entry one by one, 3-4x slower). A key constraint something depends on (a view
    grouping by the key) stays, and the rows go back in key order. Otherwise one UPDATE (two when a shifted
    column is part of a unique key: `fakes.bump`)."""
    listed = rules.tables[table]
    chosen = [c for c in columns if not c.generated and listed[c.name].masks]
    if not chosen:
        return None
    name = _qualified(table)
    if facts["owned"] and not facts["referenced"]:
        stored = [c for c in columns if not c.generated]
        select = sql.SQL(", ").join(
            sql.SQL("{} as {}").format(expression(listed[c.name], c, rules.shift_days), sql.Identifier(c.name))
            if c in chosen else sql.Identifier(c.name) for c in stored)
        names = sql.SQL(", ").join(sql.Identifier(c.name) for c in stored)
        keys = [] if facts["constraints_needed"] else list(zip(facts["constraint_names"], facts["constraints"]))
        order = sql.SQL(" order by {}").format(sql.SQL(", ").join(map(sql.Identifier, facts["key"]))) \
            if facts["key"] and not keys else sql.SQL("")
        statements = [sql.SQL("create temporary table mask_rows on commit drop as select {} from only {}").format(select, name)]
        statements += [sql.SQL("drop index {}").format(sql.SQL(index)) for index in facts["index_names"]]
        statements += [sql.SQL("alter table {} drop constraint {}").format(name, sql.SQL(k)) for k, _ in keys]
        statements += [sql.SQL("truncate only {}").format(name),
                       sql.SQL("insert into {} ({}) overriding system value select {} from mask_rows{}").format(
                           name, names, names, order)]
        statements += [sql.SQL("alter table {} add constraint {} {}").format(name, sql.SQL(k), sql.SQL(d)) for k, d in keys]
        statements += [sql.SQL(d) for d in facts["indexes"]]
        return Plan(table, [c.name for c in chosen], statements, True)
    bumped = [c for c in chosen if listed[c.name].kind == "shift" and c.name in facts["unique_columns"]]
    sets = sql.SQL(", ").join(sql.SQL("{} = {}").format(
        sql.Identifier(c.name), expression(listed[c.name], c, rules.shift_days, bumped=c in bumped)) for c in chosen)
    statements = [sql.SQL("update only {} set {}").format(name, sql.SQL(", ").join(map(bump, bumped)))] if bumped else []
    statements.append(sql.SQL("update only {} set {}").format(name, sets))
    return Plan(table, [c.name for c in chosen], statements, False)


def plans(conn: psycopg.Connection, rules: Rules, tables: dict[str, list[Column]]) -> list[Plan]:
    facts = {row[0]: dict(zip(("owned", "referenced", "index_names", "indexes", "key", "unique_columns",
                               "constraint_names", "constraints", "constraints_needed"), row[1:]))
             for row in conn.execute(FACTS, [sorted({t.split(".")[0] for t in tables})])}
    found = [plan_table(t, columns, rules, facts[t]) for t, columns in tables.items() if t not in rules.truncate]
    return [p for p in found if p]


def mask_database(conn: psycopg.Connection, rules: Rules, key: bytes,
                  on_table: Callable[[str, int, float], None] | None = None) -> MaskResult:
    """Mask every table of `conn`'s database by `rules` under `key`; the connection must be autocommit."""
    started = time.perf_counter()
    tables = catalog(conn)
    check_covered(rules, tables)
    planned = plans(conn, rules, tables)  # every expression is built (and checked) before the first change
    params = parameters(key)
    result = MaskResult()
    conn.execute("set session_replication_role = replica")
    try:
        for table in sorted(set(rules.truncate) & set(tables)):
            conn.execute(sql.SQL("truncate only {}").format(_qualified(table)))
            result.truncated.append(table)
        for plan in planned:
            began, rows = time.perf_counter(), 0
            with conn.transaction():
                for statement in plan.statements:
                    text = statement.as_string(conn)  # index definitions may hold a '%': no parameters for them
                    cursor = conn.execute(text, params if "%(" in text else None)
                    if (cursor.statusmessage or "").startswith(("UPDATE", "INSERT")):
                        rows = max(rows, cursor.rowcount)
            result.tables.append(Masked(plan.table, plan.columns, rows, time.perf_counter() - began))
            if on_table:
                on_table(plan.table, rows, time.perf_counter() - began)
    finally:
        conn.execute("reset session_replication_role")
    result.seconds = time.perf_counter() - started
    return result
