"""A cached copy of the freshly reset local database, keyed by everything that built it.

A warm `inv db.reset` whose inputs (shim, migration files, seed files) are unchanged
clones the cached database instead of replaying SQL: same bytes, a fraction of the
time. Any change to an input changes the key and the next reset rebuilds for real.
Local embedded cluster only; `--no-cache` always rebuilds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from psycopg import sql

from .. import MIGRATIONS_DIR, SEEDS_DIR
from ..database import clone_database, connection, database_name, drop_database, with_database
from ..shim import ROLES_SQL, SHIM_SQL

TEMPLATE_DB = "polaris_reset_cache"
KEY_PREFIX = "polaris-reset-cache:"
ENGINE_VERSION = "3"  # bump when the reset procedure itself changes


def fingerprint(migrations: Path = MIGRATIONS_DIR, seeds: Path = SEEDS_DIR) -> str:
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    digest.update(ROLES_SQL.read_bytes() + SHIM_SQL.read_bytes())
    for folder in (migrations, seeds):
        for path in sorted(folder.glob("*")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _maintenance(url: str) -> str:
    return with_database(url, "template1")


def cached_key(url: str) -> str | None:
    with connection(_maintenance(url)) as conn:
        row = conn.execute(
            "select shobj_description(oid, 'pg_database') from pg_database where datname = %s", (TEMPLATE_DB,)
        ).fetchone()
    return row[0].removeprefix(KEY_PREFIX) if row and row[0] and row[0].startswith(KEY_PREFIX) else None


def clone_from_cache(url: str) -> None:
    with connection(_maintenance(url)) as conn:
        drop_database(conn, database_name(url))
        clone_database(conn, TEMPLATE_DB, database_name(url))


def store(url: str, key: str) -> None:
    """Snapshot the just-built database as the cache (callers must have closed their connections)."""
    with connection(_maintenance(url)) as conn:
        drop_database(conn, TEMPLATE_DB)
        clone_database(conn, database_name(url), TEMPLATE_DB, strategy="file_copy")
        conn.execute(sql.SQL("comment on database {} is {}").format(sql.Identifier(TEMPLATE_DB),
                                                                       sql.Literal(KEY_PREFIX + key)))
