"""`inv db.repair`: reconcile the history table with the files, like `supabase migration repair`, but plan first.

`compare()` is read-only: every version of either side, the file's name and the hash of its statements beside the
history row's, and a status (ok, pending, edited, renamed, no file, no statements). `plan_repair()` adds the changes
the user asked for, by the CLI's own verbs: `applied` (insert the row as the file says it, or rewrite a row that
differs: the CLI deletes and inserts), `reverted` (delete the row), and `baseline VERSION` (a project adopted
mid-life: every file up to VERSION without a row is recorded as applied, not run). `execute()` runs them in one
transaction under the migrations' advisory lock. The CLI's `supabase_migrations.seed_files` (seed path and hash)
is read for the report and never written: `supabase db push --include-seed` owns it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import psycopg

from ..errors import ConfigError
from .apply import migration_lock
from .files import Migration
from .history import AppliedMigration, ensure_history, read_history

DELETE_VERSION = "delete from supabase_migrations.schema_migrations where version = %s"  # the CLI's repair, verbatim
INSERT_VERSION = "insert into supabase_migrations.schema_migrations (version, name, statements) values (%s, %s, %s)"
SEED_FILES = "select path, hash from supabase_migrations.seed_files order by path"


def statements_hash(statements: list[str] | None) -> str | None:
    """sha256 of the statements as the history stores them (12 hex digits shown)."""
    if statements is None:
        return None
    return hashlib.sha256("\0".join(statements).encode()).hexdigest()[:12]


@dataclass
class Row:
    version: str
    file: str | None  # local file name
    file_hash: str | None
    name: str | None  # the history row's name
    history_hash: str | None
    status: str
    action: str = ""  # what execute() does: insert, rewrite, delete
    migration: Migration | None = None
    in_history: bool = False

    def cells(self) -> tuple:
        return (self.version, self.file or "-", self.file_hash or "-", self.name or "-", self.history_hash or "-",
                self.status, self.action or "-")


HEADERS = ("version", "file", "file hash", "history name", "history hash", "status", "change")


def _status(migration: Migration | None, row: AppliedMigration | None) -> str:
    if row is None:
        return "pending"
    if migration is None:
        return "no file"
    if row.name is not None and row.name != migration.name:
        return "renamed"
    if row.statements is None:
        return "no statements"
    return "ok" if row.statements == migration.statements else "edited"


def compare(local: list[Migration], applied: list[AppliedMigration]) -> list[Row]:
    files, rows = {m.version: m for m in local}, {a.version: a for a in applied}
    out = []
    for version in sorted(set(files) | set(rows)):
        migration, row = files.get(version), rows.get(version)
        out.append(Row(version, migration.filename if migration else None,
                       statements_hash(migration.statements) if migration else None, row.name if row else None,
                       statements_hash(row.statements) if row else None, _status(migration, row), "", migration,
                       row is not None))
    return out


def plan_repair(local: list[Migration], applied: list[AppliedMigration], *, applied_versions=(), reverted=(),
                baseline: str | None = None) -> list[Row]:
    """The comparison with the requested changes marked; a version that cannot be changed so is refused (2)."""
    rows = {row.version: row for row in compare(local, applied)}
    for version in reverted:
        if version not in rows or not rows[version].in_history:
            raise ConfigError(f"--reverted {version}: no history row has that version")
        rows[version].action = "delete the row"
    for version in applied_versions:
        if version not in rows or rows[version].migration is None:
            raise ConfigError(f"--applied {version}: no local file has that version")
        if version in reverted:
            raise ConfigError(f"{version} is both --applied and --reverted")
        row = rows[version]
        row.action = ("insert the file's row" if not row.in_history else
                      "" if row.status == "ok" else "rewrite the row from the file")
    if baseline is not None:
        if baseline not in rows or rows[baseline].migration is None:
            raise ConfigError(f"--baseline {baseline}: no local file has that version")
        for version, row in rows.items():
            if version <= baseline and not row.in_history and row.migration is not None:
                row.action = "insert the file's row (baseline: not run)"
    return [rows[v] for v in sorted(rows)]


def changes(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.action]


def execute(conn: psycopg.Connection, rows: list[Row]) -> int:
    """Apply the planned changes in one transaction, under the lock `db.push` takes; the number of rows changed."""
    todo = changes(rows)
    conn.autocommit = True
    with migration_lock(conn):
        ensure_history(conn)
        current = {a.version: a for a in read_history(conn)}
        with conn.transaction():
            for row in todo:
                if row.action.startswith("delete") or (row.version in current and row.migration is not None):
                    conn.execute(DELETE_VERSION, (row.version,))
                if row.migration is not None and not row.action.startswith("delete"):
                    m = row.migration
                    conn.execute(INSERT_VERSION, (m.version, m.name, m.statements))
    return len(todo)


def seed_files(conn: psycopg.Connection) -> list[tuple[str, str]]:
    """The CLI's seed records (path, hash), or [] where the table does not exist."""
    if not conn.execute("select to_regclass('supabase_migrations.seed_files') is not null").fetchone()[0]:
        return []
    return conn.execute(SEED_FILES).fetchall()
