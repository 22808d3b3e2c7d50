"""Retention for Storage files: an object stays while any backup still in the store lists it.

Runs after the backups' own retention (backups/retention.py) decided which backups go. Objects no
remaining list names go, and so do the lists of deleted backups; both only once an hour old, since
a backup being taken right now stores its objects before its manifest exists (as for archives).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..backups import keys
from ..backups.fetch import manifests
from ..backups.manifest import MANIFEST_SUFFIX
from ..backups.store import LocalStore, Store, age_of, store_errors
from ..errors import ConfigError
from . import listing as lists
from .objects import Objects


@dataclass
class Pruned:
    kept: int
    deleted: int
    deleted_bytes: int
    lists_deleted: int


def prune_objects(store: Store, leaving: set[str], *, dry_run: bool, incomplete_after: float = 3600) -> Pruned | None:
    """`leaving`: backup names the backup retention deletes (or would, in a dry run). None: no files here."""
    objects = Objects(store, [])
    with store_errors(store.url):
        if not objects.existing(every_keyset=True) and not lists.stored(store):
            return None
    remaining = {n: m for n, m in manifests(store).items() if n not in leaving}
    wanted: set[str] = set()
    keep_lists = set()
    with store_errors(store.url):
        for name, manifest in remaining.items():
            if not manifest.storage:
                continue
            keep_lists.add(manifest.storage["listing"])
            identities = _identities(manifest)
            files = lists.load(store, manifest.storage, identities)
            wanted.update(f"{files.keyset}/{e.sha256}" for e in files.objects)
        ages = _ages(store)
        present = objects.existing(every_keyset=True)
        doomed = [k for k in present if k not in wanted and age_of(ages.get(k, 0)) > incomplete_after]
        stale = [k for k in lists.stored(store) if k not in keep_lists and age_of(ages.get(k, 0)) > incomplete_after]
        if not dry_run:
            for key in doomed:
                objects.delete(key)
            for key in stale:
                lists.delete(store, key)
    return Pruned(len(present) - len(doomed), len(doomed), sum(present[k] for k in doomed), len(stale))


def _identities(manifest):
    if manifest.storage.get("encryption") != "age":
        return []
    try:
        return keys.matching(manifest.recipients, manifest.name + MANIFEST_SUFFIX)
    except ConfigError:
        raise ConfigError(f"pruning Storage files reads each kept backup's file list: set {keys.IDENTITY_VAR} "
                          f"(or run with --no-storage)") from None


def _ages(store: Store) -> dict[str, float]:
    """Last-modified time of every object and list (`keyset/sha256` or the list's key)."""
    ages = {}
    if isinstance(store, LocalStore):
        for folder in ("objects", "storage"):
            root = store.root / folder
            for path in root.rglob("*") if root.is_dir() else ():
                if path.is_file():
                    rel = path.relative_to(store.root).as_posix()
                    ages[_short(rel)] = path.stat().st_mtime
        return ages
    for folder in ("objects/", "storage/"):
        pages = store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket, Prefix=store.prefix + folder)
        for page in pages:
            for obj in page.get("Contents", []):
                ages[_short(obj["Key"][len(store.prefix):])] = obj["LastModified"].timestamp()
    return ages


def _short(key: str) -> str:
    if key.startswith("objects/"):
        parts = key.split("/")
        return f"{parts[1]}/{parts[-1]}"
    return key
