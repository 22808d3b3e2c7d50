"""Where a restore goes, so that nothing is destroyed before its replacement is proven.

- local / scratch: into a side database `<name>_restoring` on the same server; only when its row counts
  and history match the manifest is the old database renamed `<name>_before_<stamp>` and the side one
  renamed into place. A failure drops the side database and leaves the target as it was; the old
  database stays until someone drops it (the message says how).
- hosted (staging, prod): only an empty project (no tables in public, no rows in auth or storage),
  checked before the first change; pg_restore runs in one transaction.
- verification (`backup-verify`, the drill): a scratch database on the embedded cluster, or on
  `POLARIS_SCRATCH_URL`'s server, dropped afterwards.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from psycopg import sql

from .. import database
from ..database import connection, database_name, with_database
from ..errors import BackupError
from .manifest import Manifest
from .restore import RestoreResult, restore_archive

SCRATCH_SERVER_VAR = "POLARIS_SCRATCH_URL"  # a server for scratch databases instead of the embedded cluster


def scratch_url(database: str) -> str:
    """A database on the embedded cluster (started if needed), never on DATABASE_URL's server."""
    base = os.environ.get(SCRATCH_SERVER_VAR)
    if not base:
        from ..cluster import local_cluster

        cluster = local_cluster()
        cluster.start()
        base = cluster.url()
    return with_database(base, database)


def _maintenance(url: str) -> str:
    return with_database(url, "template1" if database_name(url) == "postgres" else "postgres")


def drop_database(url: str) -> None:
    with connection(_maintenance(url)) as conn:
        database.drop_database(conn, database_name(url))


def _exists(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone() is not None


def _rename(conn: psycopg.Connection, old: str, new: str) -> None:
    for attempt in range(3):  # sessions may reconnect between the terminate and the rename
        # Our own role's client sessions only: autovacuum workers are stopped by the rename itself, and a
        # non-superuser may not signal them (nor other roles' sessions: the rename then says who is in the way).
        conn.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = %s and pid <> pg_backend_pid()"
                     " and backend_type = 'client backend' and usename = current_user", (old,))
        foreign = _foreign_sessions(conn, old)
        if foreign:  # not ours to close; the rename would wait 5 s for them and fail
            raise BackupError(f"could not rename database {old}: other sessions are connected ({foreign}): "
                              "close them and run the restore again")
        try:
            conn.execute(sql.SQL("alter database {} rename to {}").format(sql.Identifier(old), sql.Identifier(new)))
            return
        except psycopg.errors.ObjectInUse:  # one connected meanwhile
            time.sleep(0.2 * (attempt + 1))
    raise BackupError(f"could not rename database {old}: other sessions are connected (close them and run the restore again)")


def _foreign_sessions(conn: psycopg.Connection, name: str) -> str:
    """Other roles' client sessions on `name`, as `role x N`; empty when there are none."""
    rows = conn.execute("select usename, count(*) from pg_stat_activity where datname = %s and pid <> pg_backend_pid()"
                        " and backend_type = 'client backend' and usename <> current_user group by 1 order by 1",
                        (name,)).fetchall()
    return ", ".join(f"{role} x {count}" for role, count in rows)


@dataclass
class Replaced:
    result: RestoreResult
    previous: str | None  # the old database, kept: drop it once satisfied


def restore_beside(dump: Path, manifest: Manifest, url: str, *, jobs: int = 2) -> Replaced:
    """Restore into `<target>_restoring`, prove it, then swap it in; the old database is kept, renamed."""
    target = database_name(url)
    side = f"{target}_restoring"[:63]
    side_url = with_database(url, side)
    try:
        result = restore_archive(dump, manifest, side_url, fresh=True, name=target, jobs=jobs)
    except BaseException:
        drop_database(side_url)
        raise
    if not result.ok:
        drop_database(side_url)
        raise BackupError(f"restore does not match the manifest ({result.problems}): {target} was not touched")
    previous = None
    with connection(_maintenance(url)) as conn:
        if _exists(conn, target):
            previous = f"{target}_before_{datetime.now(timezone.utc):%Y%m%d%H%M%S}"[:63]
            try:
                _rename(conn, target, previous)
            except BackupError as error:
                raise BackupError(f"{error}; {target} is unchanged, the proven copy is {side}") from None
        try:
            _rename(conn, side, target)
        except BaseException:
            if previous:
                _rename(conn, previous, target)  # put the old one back
            raise
    return Replaced(result, previous)


def restore_hosted(dump: Path, manifest: Manifest, url: str, name: str) -> RestoreResult:
    result = restore_archive(dump, manifest, url, fresh=False, name=name)
    if not result.ok:
        raise BackupError(f"restore into {name} does not match the manifest: {result.problems}")
    return result


def prove_in_scratch(dump: Path, manifest: Manifest, url: str, *, keep: bool = False, jobs: int = 2) -> RestoreResult:
    """A fresh scratch database, the restore, the comparison; dropped afterwards unless `keep`."""
    try:
        return restore_archive(dump, manifest, url, fresh=True, name="scratch", jobs=jobs)
    finally:
        if not keep:
            drop_database(url)
