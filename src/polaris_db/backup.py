"""Backups: `pg_dump -Fc` of the schemas the app owns, a manifest with sha256 and exact row counts,
verification by a full read, and restore into a scratch or local database.

Row counts are taken inside the same snapshot pg_dump uses (`pg_export_snapshot`), so a restore
can be checked table by table even when the source was busy. `pg_restore --list` accepts a
truncated archive; only a full read (`pg_restore -f /dev/null`) and the sha256 catch one.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import psycopg

from .database import connect, server_version
from .errors import PolarisError
from .psql import psql_command
from .server import bin_path

# What the app owns plus its users, storage metadata and migration history; Supabase-internal schemas
# (extensions, graphql, realtime, vault, ...) belong to the platform and are restored by it.
SCHEMAS = ("public", "auth", "storage", "supabase_migrations")


class BackupError(PolarisError):
    exit_code = 7


@dataclass
class Manifest:
    env: str
    created_at: str
    file: str
    bytes: int
    sha256: str
    server_version: str
    migration_head: str | None
    schemas: list[str]
    row_counts: dict[str, int]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        if not path.exists():
            raise BackupError(f"{path}: manifest not found (every .dump has a .json next to it)")
        return cls(**json.loads(path.read_text()))


def manifest_path(dump: Path) -> Path:
    return dump.with_suffix(".json")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tool(tool: str, url: str, *args: str) -> subprocess.CompletedProcess:
    command, env = psql_command(url)  # reuse: URL without password, PGPASSWORD in env
    command = [bin_path(tool), *args, "-d", command[command.index("-d") + 1]]
    result = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {(result.stderr.strip().splitlines() or ['no output'])[-1]}")
    return result


def _row_counts(conn: psycopg.Connection) -> dict[str, int]:
    tables = conn.execute(
        "select format('%%I.%%I', schemaname, tablename) from pg_tables where schemaname = any(%s) order by 1",
        (list(SCHEMAS),),
    ).fetchall()
    return {name: conn.execute(f"select count(*) from {name}").fetchone()[0] for (name,) in tables}


def _migration_head(conn: psycopg.Connection) -> str | None:
    if conn.execute("select to_regclass('supabase_migrations.schema_migrations')").fetchone()[0] is None:
        return None
    return conn.execute("select max(version) from supabase_migrations.schema_migrations").fetchone()[0]


def take_backup(url: str, env: str, directory: Path) -> tuple[Path, Manifest]:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dump = directory / f"{env}-{stamp}.dump"
    try:
        manifest = _dump_with_manifest(url, env, dump, stamp)
    except BaseException:
        dump.unlink(missing_ok=True)  # never leave a dump without its manifest
        raise
    manifest.save(manifest_path(dump))
    return dump, manifest


def _dump_with_manifest(url: str, env: str, dump: Path, stamp: str) -> Manifest:
    with connect(url, autocommit=False) as conn:
        conn.execute("set transaction isolation level repeatable read, read only")
        snapshot = conn.execute("select pg_export_snapshot()").fetchone()[0]
        schema_args = [arg for schema in SCHEMAS for arg in ("-n", schema)]
        _tool("pg_dump", url, "-Fc", "--snapshot", snapshot, *schema_args, "-f", str(dump))
        manifest = Manifest(
            env=env, created_at=stamp, file=dump.name, bytes=dump.stat().st_size, sha256=sha256_of(dump),
            server_version=server_version(conn), migration_head=_migration_head(conn), schemas=list(SCHEMAS),
            row_counts=_row_counts(conn),
        )
        conn.rollback()
    return manifest


def verify_archive(dump: Path) -> Manifest:
    """Checksum first, then a full read of every entry; raises on the first problem."""
    manifest = Manifest.load(manifest_path(dump))
    if not dump.exists():
        raise BackupError(f"{dump}: backup file not found")
    actual = sha256_of(dump)
    if actual != manifest.sha256:
        raise BackupError(f"{dump}: sha256 mismatch (manifest {manifest.sha256[:12]}, file {actual[:12]}): corrupt or truncated")
    result = subprocess.run([bin_path("pg_restore"), "-f", "/dev/null", str(dump)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{dump}: unreadable archive: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    return manifest


def restore(dump: Path, url: str, *, jobs: int = 2) -> float:
    """Restore into an existing database prepared with the platform shim; returns seconds taken."""
    started = time.perf_counter()
    _tool("pg_restore", url, "--no-owner", "--exit-on-error", "--clean", "--if-exists", "-j", str(jobs), str(dump))
    return time.perf_counter() - started


def compare_counts(manifest: Manifest, url: str) -> list[str]:
    """Tables whose restored row count differs from the manifest (empty when the restore is whole)."""
    with connect(url) as conn:
        restored = _row_counts(conn)
    return [f"{table}: expected {count}, restored {restored.get(table)}"
            for table, count in manifest.row_counts.items() if restored.get(table) != count]


def prepare_restore_target(url: str) -> None:
    """A fresh local database that can take the archive: the platform shim and the extensions it needs."""
    from . import platform  # local import: backup must not pull the shim into hosted code paths

    with connect(url) as conn:
        platform.install(conn, "local")
        conn.execute("create extension if not exists vector with schema extensions")


def drill(dump: Path, scratch_url: str) -> tuple[Manifest, float, list[str]]:
    """Verify, restore into the scratch database, compare row counts: the quarterly restore drill."""
    manifest = verify_archive(dump)
    prepare_restore_target(scratch_url)
    took = restore(dump, scratch_url)
    return manifest, took, compare_counts(manifest, scratch_url)
