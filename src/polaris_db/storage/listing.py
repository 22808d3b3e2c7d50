"""A backup's list of Storage files: `<store>/storage/<backup name>.json.gz` (age-encrypted like the rest).

    {"format": 1, "backup": "prod-20261125T031700Z", "endpoint": "https://<ref>.supabase.co/storage/v1/s3",
     "keyset": "age-…", "complete": true,
     "buckets": [{"name": "user-media", "created": "…", "settings": {"public": false, "file_size_limit": …}}],
     "objects": [{"bucket": "user-media", "name": "<uid>/take-1.webm", "size": 48213, "sha256": "…",
                  "stored_bytes": 48413, "etag": "…", "modified": "…", "content_type": "audio/webm",
                  "metadata": {…}}]}

The backup's manifest names it with its sha256 (`storage` field), so a swapped list is refused. A copy
that stops early leaves `storage/<name>.partial.json.gz` (complete: false): the next copy reads it, with
the last complete list, to skip files whose (bucket, name, size, etag) it has already hashed and stored.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import asdict, dataclass, field

import pyrage

from ..backups.store import LocalStore, Store
from ..errors import BackupError

FOLDER = "storage/"
PARTIAL_SUFFIX = ".partial.json.gz"
SUFFIX = ".json.gz"


@dataclass
class Entry:
    bucket: str
    name: str
    size: int
    sha256: str
    stored_bytes: int
    etag: str = ""
    modified: str = ""
    content_type: str = ""
    metadata: dict = field(default_factory=dict)

    @property
    def known_as(self) -> tuple:
        """What identifies unchanged bytes without reading them: an S3 ETag changes with the content."""
        return self.bucket, self.name, self.size, self.etag


@dataclass
class Listing:
    backup: str
    endpoint: str
    keyset: str
    buckets: list[dict] = field(default_factory=list)
    objects: list[Entry] = field(default_factory=list)
    complete: bool = True
    format: int = 1

    @property
    def bytes(self) -> int:
        return sum(e.size for e in self.objects)

    def summary(self, key: str, digest: str, encrypted: bool) -> dict:
        """What the backup's manifest records about its files."""
        return {"listing": key, "sha256": digest, "objects": len(self.objects), "bytes": self.bytes,
                "buckets": [b["name"] for b in self.buckets], "keyset": self.keyset, "endpoint": self.endpoint,
                "encryption": "age" if encrypted else "none"}


def key_for(backup: str, complete: bool = True) -> str:
    return FOLDER + backup + (SUFFIX if complete else PARTIAL_SUFFIX)


def save(store: Store, listing: Listing, recipients=()) -> tuple[str, str]:
    """Write the list (complete or partial); returns (key, sha256 of the stored bytes)."""
    raw = gzip.compress(json.dumps(asdict(listing), sort_keys=True).encode(), mtime=0)
    data = pyrage.encrypt(raw, list(recipients)) if recipients else raw
    key = key_for(listing.backup, listing.complete)
    if isinstance(store, LocalStore):
        (store.root / FOLDER).mkdir(parents=True, exist_ok=True)
    store.put(key, data)
    return key, hashlib.sha256(data).hexdigest()


def decode(data: bytes, where: str, identities=()) -> Listing:
    try:
        raw = json.loads(gzip.decompress(pyrage.decrypt(data, list(identities)) if identities else data))
        raw["objects"] = [Entry(**e) for e in raw["objects"]]
        return Listing(**raw)
    except (pyrage.DecryptError, OSError, ValueError, TypeError, KeyError) as error:
        raise BackupError(f"{where}: not a readable Storage file list ({type(error).__name__}): refused") from None


def load(store: Store, summary: dict, identities=()) -> Listing:
    """The list a manifest names, its sha256 checked."""
    data = store.get(summary["listing"])
    if hashlib.sha256(data).hexdigest() != summary["sha256"]:
        raise BackupError(f"{store.url}/{summary['listing']}: sha256 differs from the manifest's: edited or swapped, refused")
    return decode(data, f"{store.url}/{summary['listing']}", identities)


def stored(store: Store) -> list[str]:
    """Keys of every list in the store (complete and partial)."""
    if isinstance(store, LocalStore):
        folder = store.root / FOLDER
        return sorted(FOLDER + p.name for p in folder.iterdir() if p.name.endswith(SUFFIX)) if folder.is_dir() else []
    pages = store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket, Prefix=store.prefix + FOLDER)
    return sorted(o["Key"][len(store.prefix):] for page in pages for o in page.get("Contents", []) if o["Key"].endswith(SUFFIX))


def delete(store: Store, key: str) -> None:
    store.delete(key)
