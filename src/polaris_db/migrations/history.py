"""The Supabase CLI's history table, created and written exactly as the CLI does."""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

# Verbatim from supabase/cli pkg/migration/history.go, so either tool can continue the other's history.
CREATE_HISTORY = (
    "create schema if not exists supabase_migrations",
    "create table if not exists supabase_migrations.schema_migrations (version text not null primary key)",
    "alter table supabase_migrations.schema_migrations add column if not exists statements text[]",
    "alter table supabase_migrations.schema_migrations add column if not exists name text",
)
INSERT_VERSION = "insert into supabase_migrations.schema_migrations (version, name, statements) values (%s, %s, %s)"
SELECT_HISTORY = "select version, name, statements from supabase_migrations.schema_migrations order by version"

# One key for every tool of ours that writes history: concurrent pushes queue on it.
LOCK_KEY = 7_305_181_553_001  # arbitrary, stable bigint


@dataclass(frozen=True)
class AppliedMigration:
    version: str
    name: str | None
    statements: list[str] | None


def history_exists(conn: psycopg.Connection) -> bool:
    return conn.execute("select to_regclass('supabase_migrations.schema_migrations') is not null").fetchone()[0]


def ensure_history(conn: psycopg.Connection) -> None:
    if history_exists(conn):
        return
    with conn.transaction():
        for statement in CREATE_HISTORY:
            conn.execute(statement)


def read_history(conn: psycopg.Connection) -> list[AppliedMigration]:
    if not history_exists(conn):
        return []
    return [AppliedMigration(*row) for row in conn.execute(SELECT_HISTORY).fetchall()]


def record(conn: psycopg.Connection, version: str, name: str, statements: list[str]) -> None:
    conn.execute(INSERT_VERSION, (version, name, statements))
