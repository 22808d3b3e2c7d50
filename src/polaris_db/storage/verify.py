"""Prove a backup's files: every listed object in the store at its stored size (the key is its sha256);
`sample` of them downloaded, decrypted and hashed byte for byte."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..backups.manifest import Manifest
from ..backups.store import Store, store_errors
from ..errors import BackupError
from . import listing as lists
from .listing import Entry, Listing
from .objects import CHUNK, Objects


@dataclass
class Checked:
    objects: int
    bytes: int
    sampled: int
    sampled_bytes: int


def open_listing(store: Store, manifest: Manifest) -> tuple[Listing, Objects]:
    """The backup's list, checked against its manifest, and the object area it points into."""
    summary = manifest.storage
    reader = Objects.for_reading(store, manifest.recipients if summary.get("encryption") == "age" else [],
                                 f"{manifest.name} (Storage files)")
    if reader.keyset != summary["keyset"]:
        raise BackupError(f"{manifest.name}: its files are in keyset {summary['keyset']}, its recipients give "
                          f"{reader.keyset}: edited manifest, refused")
    with store_errors(store.url):
        files = lists.load(store, summary, reader.identities)
    if files.backup != manifest.name:
        raise BackupError(f"{manifest.name}: its Storage file list belongs to {files.backup}: swapped, refused")
    return files, reader


def pick(entries: list[Entry], count: int) -> list[Entry]:
    """`count` files at random, the largest always among them (it exercises the multipart path)."""
    if count <= 0 or not entries:
        return []
    largest = max(entries, key=lambda e: e.size)
    rest = [e for e in entries if e is not largest]
    return [largest] + random.sample(rest, min(count - 1, len(rest)))


def check(store: Store, manifest: Manifest, sample: int = 0) -> Checked:
    """Every listed object present at its size; `sample` compared byte for byte. Missing ones are named."""
    files, reader = open_listing(store, manifest)
    with store_errors(store.url):
        present = reader.existing()
    missing = [e for e in files.objects if present.get(e.sha256) != e.stored_bytes]
    if missing:
        named = ", ".join(f"{e.bucket}/{e.name} (sha256 {e.sha256[:12]}, "
                          f"{'missing' if e.sha256 not in present else 'wrong size'})" for e in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise BackupError(f"{manifest.name}: {len(missing)} of {len(files.objects)} Storage files are not in the "
                          f"store as listed: {named}{more}")
    chosen = pick(files.objects, sample)
    with store_errors(store.url):
        for entry in chosen:
            with reader.opened(entry.sha256, entry.size) as plain:  # raises on any byte difference
                while plain.read(CHUNK):
                    pass
    return Checked(len(files.objects), files.bytes, len(chosen), sum(e.size for e in chosen))
