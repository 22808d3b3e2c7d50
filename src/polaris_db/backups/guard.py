"""A backup never records a half-built database: it waits for a running reset or push, then refuses an incomplete one.

`inv db.reset` takes a file lock on the embedded cluster (the database itself is dropped) and, everywhere,
the advisory lock `db.push` holds while it applies migrations. A backup takes both *shared*, for as long as
it reads: it waits (up to `--lock-wait`) for a reset or push under way, never for another backup, and a
reset or push started meanwhile waits for the backup. Then the database's own mark decides: a reset that
failed or was interrupted leaves the database commented as incomplete (`migrations/reset.py`), and such a
database is refused, named, exit 7.
"""

from __future__ import annotations

import re
from contextlib import ExitStack, contextmanager

import psycopg

from ..config import Target
from ..database import connection, database_name
from ..errors import BackupError, ConfigError
from ..migrations.history import LOCK_KEY
from ..migrations.reset import incomplete_since, reset_lock

_DURATION = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>us|ms|s|min|h|d)?\s*$")
_SECONDS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0, None: 1e-3}


def lock_wait_seconds(value: str, option: str = "lock-wait") -> float:
    """A Postgres duration as `lock_timeout` and `pg_dump --lock-wait-timeout` read it (`30s`, `500ms`, `2min`;
    a bare number is milliseconds); anything else is a bad flag (exit 2) before anything connects."""
    match = _DURATION.match(str(value))
    if not match:
        raise ConfigError(f"--{option} must be a duration like 30s, 500ms or 2min, got {value!r}")
    return float(match["number"]) * _SECONDS[match["unit"]]


@contextmanager
def no_reset_under_way(url: str, *, embedded: bool = False, lock_wait: str = "30s"):
    """Hold off resets and pushes on this database while the body reads it; refuse it if it is incomplete."""
    wait = lock_wait_seconds(lock_wait)
    name = database_name(url)
    busy = (f"a reset or migration run on database {name} did not finish within --lock-wait {lock_wait}: "
            "backup not taken, try again once it is done")
    with ExitStack() as held:
        try:
            held.enter_context(reset_lock(Target("local", None if embedded else url), url, shared=True, wait=wait))
            conn = held.enter_context(connection(url))
            conn.execute("select set_config('lock_timeout', %s, false)", (f"{wait * 1000:.0f}ms",))
            conn.execute("select pg_advisory_lock_shared(%s)", (LOCK_KEY,))
            conn.execute("select set_config('lock_timeout', '0', false)")
        except (TimeoutError, psycopg.errors.LockNotAvailable):
            raise BackupError(busy) from None
        since = incomplete_since(conn)
        if since is not None:
            raise BackupError(f"database {name} is incomplete (a reset started {since} did not finish): "
                              "backup not taken; run `inv db.reset` (or restore a backup) first")
        yield
