"""A backup's manifest (`<name>.json` beside `<name>.backup` in the store) and the archive's container.

A backup is complete only when its manifest exists: the archive object is written (and its checksum
read back from the store) first, the manifest last. An archive without a manifest is an unfinished
backup that every command ignores and `backup-prune` removes.

The archive object is a small container, `age`-encrypted when the backup has recipients:

    POLARIS-BACKUP 1\\n<header length>\\n<header JSON><pg_dump -Fc archive>

The header repeats what the manifest says about the contents (row counts, migration history, name,
versions). A restore compares the two before it touches any database, so an edited manifest, or an
archive that belongs to another manifest, is refused; the archive's own sha256 and size are checked
against the manifest while it is downloaded.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import datetime, timezone

from ..errors import BackupError

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
ARCHIVE_SUFFIX, MANIFEST_SUFFIX = ".backup", ".json"
NAME = re.compile(r"^(?P<env>[a-z0-9_]+)-(?P<stamp>\d{8}T\d{6}Z)$")
MAGIC = b"POLARIS-BACKUP 1\n"
# Fields the archive's header carries too: what the manifest may not claim on its own.
SEALED = ("env", "created_at", "file", "server_version", "client_version", "migration_head", "migrations",
          "schemas", "row_counts", "extensions", "roles", "started_at")


@dataclass
class Manifest:
    env: str
    created_at: str  # UTC stamp of the start, also in the name: 20261125T030000Z
    file: str  # the archive object: prod-20261125T030000Z.backup
    bytes: int  # of the pg_dump archive (before encryption)
    sha256: str  # of the pg_dump archive
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
    object_bytes: int = 0  # the stored object (container, encrypted or not)
    object_sha256: str = ""
    encryption: str = "none"  # "age" or "none"
    recipients: list[str] = field(default_factory=list)  # fingerprints of the age recipients, never keys
    verified_at: str | None = None  # last full verification or successful restore (ISO 8601 UTC)
    storage: dict = field(default_factory=dict)  # the Storage files' list and totals (storage/listing.py)
    kind: str = "backup"  # or "snapshot": masked (snapshots/), encrypted to the snapshot recipients
    snapshot: dict = field(default_factory=dict)  # a snapshot's source backup, rules_sha256, masked_columns, leak check
    format: int = 2

    @property
    def name(self) -> str:
        return self.file.removesuffix(ARCHIVE_SUFFIX)

    @property
    def taken_at(self) -> datetime:
        return datetime.strptime(self.created_at, STAMP_FORMAT).replace(tzinfo=timezone.utc)

    def to_bytes(self) -> bytes:
        return (json.dumps(asdict(self), indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> "Manifest":
        try:
            raw = json.loads(data)
        except ValueError as error:
            raise BackupError(f"{where}: not a backup manifest (invalid JSON: {error})") from None
        known = {f.name: f for f in fields(cls)}
        required = [n for n, f in known.items() if f.default is MISSING and f.default_factory is MISSING]
        if not isinstance(raw, dict) or any(k not in raw for k in required) or raw.get("format") != 2:
            raise BackupError(f"{where}: not a backup manifest (format 2 with {', '.join(required[:3])}, …): "
                              "move it out of the backup store")
        return cls(**{key: value for key, value in raw.items() if key in known})

    def header(self) -> bytes:
        body = json.dumps({k: getattr(self, k) for k in SEALED}, sort_keys=True).encode()
        return MAGIC + str(len(body)).encode() + b"\n" + body

    def check_header(self, sealed: dict) -> None:
        """Refuse a manifest that says something else than the archive it names."""
        differs = [k for k in SEALED if sealed.get(k) != getattr(self, k)]
        if differs:
            raise BackupError(f"{self.file}: the manifest does not match the archive ({', '.join(differs)} differ): "
                              "edited or swapped manifest, refused")


def name_for(env: str, when: datetime) -> str:
    return f"{env}-{when:{STAMP_FORMAT}}"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class HeaderReader:
    """Splits the decrypted object into its header and the pg_dump archive, hashing the archive."""

    def __init__(self, sink) -> None:
        self.sink, self.buffer, self.sealed = sink, b"", None
        self.digest, self.size, self.error = hashlib.sha256(), 0, None

    def write(self, data) -> int:
        try:
            return self._write(bytes(data))
        except BackupError as error:  # kept: a caller in Rust (pyrage) turns it into a generic OSError
            self.error = error
            raise

    def _write(self, data: bytes) -> int:
        if self.sealed is None:
            self.buffer += data
            if not self.buffer.startswith(MAGIC[: len(self.buffer)]) or (len(self.buffer) > 64 and b"\n" not in self.buffer[len(MAGIC):]):
                raise BackupError("not a Polaris backup archive (no container header)")
            length, _, rest = self.buffer[len(MAGIC):].partition(b"\n")
            if not length.isdigit() or len(rest) < int(length):
                return len(data)  # more to come
            self.sealed = json.loads(rest[: int(length)])
            self._archive(rest[int(length):])
            return len(data)
        self._archive(data)
        return len(data)

    def _archive(self, data: bytes) -> None:
        if data:
            self.digest.update(data)
            self.size += len(data)
            self.sink.write(data)

    def finish(self) -> dict:
        if self.sealed is None:
            raise BackupError("not a Polaris backup archive, or truncated in its header")
        return self.sealed
