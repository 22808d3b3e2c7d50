"""Use a masked snapshot: find it (`<store>/latest` is the newest snapshot there, never a raw backup) and
restore it as the local database, proven and swapped in beside the old one (`backups.targets`), with
the checkout's pending migrations applied on top (`migrations.migrate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import MIGRATIONS_DIR
from ..backups.fetch import LATEST, fetched, load, manifests
from ..backups.manifest import ARCHIVE_SUFFIX, MANIFEST_SUFFIX, NAME
from ..backups.store import Store, open_store, store_errors
from ..backups.targets import Replaced, restore_beside
from ..database import connection
from ..errors import BackupError, ConfigError
from ..migrations import migrate


def split_snapshot_ref(ref: str) -> tuple[Store, str]:
    """`<store>/<env>_snapshot-<stamp>` or `<store>/latest` (the newest snapshot there); a raw backup is refused."""
    location, _, last = ref.rstrip("/").rpartition("/")
    name = last.removesuffix(ARCHIVE_SUFFIX).removesuffix(MANIFEST_SUFFIX)
    if not location or not (name == LATEST or NAME.match(name)):
        raise ConfigError(f"{ref}: name a snapshot as <store>/<env>_snapshot-<stamp> or <store>/latest")
    store = open_store(location)
    if name == LATEST:
        found = [m for m in manifests(store).values() if m.kind == "snapshot"]
        if not found:
            raise ConfigError(f"{store.url}: no masked snapshot there (make one with inv db.snapshot)")
        return store, max(found, key=lambda m: (m.created_at, m.name)).name
    with store_errors(store.url):
        if load(store, name).kind != "snapshot":
            raise ConfigError(f"{ref} is a raw backup, not a masked snapshot: refused (developer machines get "
                              "snapshots only; ops/supabase/backup.md)")
    return store, name


@dataclass
class Reset:
    snapshot: str
    replaced: Replaced
    applied: list[str]  # migrations applied on top of the snapshot


def reset_from_snapshot(ref: str, url: str, *, jobs: int = 2,
                        on_applied: Callable | None = None) -> Reset:
    store, name = split_snapshot_ref(ref)
    with fetched(store, name) as (archive, manifest):
        if manifest.kind != "snapshot":  # the manifest proven against the archive says so too
            raise BackupError(f"{name} is not a masked snapshot: refused")
        replaced = restore_beside(archive, manifest, url, jobs=jobs)
    with connection(url) as conn:
        plan = migrate(conn, MIGRATIONS_DIR, on_applied=on_applied)
    return Reset(name, replaced, [m.filename for m in plan.pending])
