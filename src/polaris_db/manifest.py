"""A backup's manifest (`<name>.json` next to `<name>.dump`) and the atomic file writes both rely on.

A backup is complete only when its manifest exists: the archive is written under a temporary name,
fsynced and renamed first, the manifest last. A crash at any point leaves at most a `*.partial` file
or an archive without a manifest, which every command treats as "not a backup".
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

from .errors import BackupError

PARTIAL = ".partial"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass
class Manifest:
    env: str
    created_at: str  # UTC stamp of the start, also in the file name: 20261125T030000Z
    file: str
    bytes: int
    sha256: str
    server_version: str
    migration_head: str | None
    schemas: list[str]
    row_counts: dict[str, int]
    started_at: str = ""  # ISO 8601 UTC
    finished_at: str = ""
    client_version: str = ""  # pg_dump that wrote the archive
    migrations: list[str] = field(default_factory=list)  # every applied version, in order
    extensions: dict[str, str] = field(default_factory=dict)  # name -> schema, created before a restore
    roles: list[str] = field(default_factory=list)  # roles the archive's grants and policies name
    verified_at: str | None = None  # last full verification or successful restore (ISO 8601 UTC)

    @property
    def taken_at(self) -> datetime:
        return datetime.strptime(self.created_at, STAMP_FORMAT).replace(tzinfo=timezone.utc)

    def save(self, path: Path) -> None:
        atomic_write(path, (json.dumps(asdict(self), indent=2, sort_keys=True) + "\n").encode())

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        if not path.exists():
            raise BackupError(f"{path}: manifest not found (an archive without its .json is an unfinished backup)")
        try:
            data = json.loads(path.read_text())
        except ValueError as error:
            raise BackupError(f"{path}: unreadable manifest ({error})") from None
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def manifest_path(dump: Path) -> Path:
    return dump.with_suffix(".json")


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(partial: Path, final: Path) -> None:
    """fsync a finished temporary file, rename it into place, fsync the folder."""
    fsync_path(partial)
    os.replace(partial, final)
    fsync_path(final.parent)


def atomic_write(path: Path, data: bytes) -> None:
    temporary = partial_path(path)
    temporary.write_bytes(data)
    publish(temporary, path)


def mark_verified(dump: Path) -> Manifest:
    """Record a successful verification or restore in the manifest (read by retention)."""
    manifest = Manifest.load(manifest_path(dump))
    manifest.verified_at = now_iso()
    manifest.save(manifest_path(dump))
    return manifest
