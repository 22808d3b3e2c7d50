"""Locks and rewrites of a pull request's migrations, traced on a scratch database with production-shaped rows.

Where the rows come from, first available wins: the masked snapshot (`snapshot.py`: traced on the restored
snapshot itself, not here), else synthetic rows in the tables the migrations touch, as many as the newest
backup manifest counts in production (capped at `cap` per table; the time is extrapolated to production's
rows), else the seeds alone. The migrations are applied by `rehearse.measure` and judged by `rehearse.flags`:
the same verdict the release rehearsal gives, before the merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg

from ..backups.fetch import manifests
from ..backups.manifest import Manifest
from ..errors import MigrationFailed
from ..migrations import Migration
from ..rehearse.flags import Thresholds, flag
from ..rehearse.locks import expected_locks
from ..rehearse.measure import apply_measured
from ..rehearse.results import MigrationResult
from ..shim import superuser_connection

DEFAULT_CAP = 20_000
_COLUMNS = """select a.attname, format_type(a.atttypid, a.atttypmod), t.typtype
from pg_attribute a join pg_type t on t.oid = a.atttypid
where a.attrelid = %s::regclass and a.attnum > 0 and not a.attisdropped and a.attnotnull and not a.atthasdef
  and a.attidentity = '' and a.attgenerated = '' order by a.attnum"""
_VALUES = (("uuid", "gen_random_uuid()"), ("text", "'synthetic-' || g"), ("character", "'s' || g"),
           ("smallint", "mod(g, 32000)::smallint"), ("integer", "g"), ("bigint", "g"), ("numeric", "mod(g, 100)"),
           ("double", "mod(g, 100)"), ("real", "mod(g, 100)"), ("boolean", "false"), ("timestamp", "now()"),
           ("date", "current_date"), ("json", "'{}'"), ("ARRAY", "'{}'"))


@dataclass
class Trace:
    source: str  # where the rows came from, for the report
    thresholds: Thresholds
    results: list[MigrationResult] = field(default_factory=list)
    failure: str | None = None

    @property
    def flagged(self):
        return [(m, s) for m in self.results for s in m.flagged]


def newest_manifest(store, env: str = "prod") -> Manifest | None:
    found = [m for m in manifests(store).values() if m.env == env] if store is not None else []
    return max(found, key=lambda m: (m.created_at, m.name)) if found else None


def touched_tables(migrations: list[Migration]) -> list[str]:
    return sorted({table for m in migrations for table, _ in expected_locks(m.sql)})


def _value(type_name: str, kind: str, column_type: str) -> str | None:
    if kind == "e":
        return f"(enum_range(null::{column_type}))[1]"
    if type_name.endswith("[]"):
        return "'{}'"
    return next((expr for prefix, expr in _VALUES if type_name.startswith(prefix)), None)


def fill(conn: psycopg.Connection, table: str, rows: int) -> str | None:
    """Insert `rows` synthetic rows into `table` (foreign keys and triggers off: the superuser's replica role);
    a note when it cannot."""
    columns = conn.execute(_COLUMNS, (table,)).fetchall()
    values = [(name, _value(type_name, kind, type_name)) for name, type_name, kind in columns]
    missing = [name for name, value in values if value is None]
    if missing:
        return f"{table}: no synthetic value for {', '.join(missing)}; traced on the seeds' rows"
    names = ", ".join(f'"{name}"' for name, _ in values)
    exprs = ", ".join(value for _, value in values)
    insert = (f"insert into {table} ({names}) select {exprs} from generate_series(1, %s) g" if values else
              f"insert into {table} default values")
    with superuser_connection(conn) as admin:
        admin.autocommit = False
        try:
            admin.execute("set local session_replication_role = replica")
            if values:
                admin.execute(insert.encode(), (rows,))
            else:
                for _ in range(rows):
                    admin.execute(insert)
            admin.commit()
        except psycopg.Error as error:
            admin.rollback()
            return f"{table}: synthetic rows refused ({str(error).strip().splitlines()[0]}); traced on the seeds' rows"
        finally:
            admin.autocommit = True
    return None


def shape(conn: psycopg.Connection, migrations: list[Migration], store, thresholds: Thresholds,
          cap: int = DEFAULT_CAP) -> tuple[str, list[str]]:
    """Give the tables the migrations touch production's shape; (where the rows came from, notes)."""
    notes: list[str] = []
    manifest = newest_manifest(store)
    if manifest is None:
        return "the seeds (no backup manifest in the store)", notes
    thresholds.production = {**manifest.row_counts, **thresholds.production}
    for table in touched_tables(migrations):
        present = conn.execute("select to_regclass(%s) is not null", (table,)).fetchone()[0]
        wanted = min(manifest.row_counts.get(table, 0), cap)
        if present and wanted:
            note = fill(conn, table, wanted)
            notes += [note] if note else []
    conn.execute("vacuum (analyze)")  # as production is: sizes stay put while the locks are traced (see snapshot.py)
    return (f"synthetic rows sized from {manifest.name}'s row counts (at most {cap} per table; times extrapolated "
            "to production's rows)"), notes


def trace(conn: psycopg.Connection, url: str, migrations: list[Migration], thresholds: Thresholds) -> Trace:
    """Apply the added migrations in order on the shaped database, measured and flagged."""
    result = Trace("", thresholds)
    for migration in migrations:
        try:
            measured = apply_measured(conn, url, migration)
        except MigrationFailed as error:
            flag(error.result, thresholds)
            result.results.append(error.result)
            result.failure = str(error)
            break
        flag(measured, thresholds)
        result.results.append(measured)
    return result
