"""Find a backup in a store and bring its archive to this machine, proven, before any database is touched.

A reference is `<store>/<name>`: `s3://bucket/prod/prod-20261125T031700Z`, `backups/prod/prod-20261125T031700Z.backup`
(`.json` or no suffix work too), or `<store>/latest` for the newest complete backup there.

`fetched()` streams the object once: sha256 of the stored bytes, age decryption, the container's header
compared with the manifest, sha256 and size of the pg_dump archive, then `pg_restore --list` of the
result. Any mismatch is a one-line refusal and the temporary copy (0600, in a 0700 folder) is gone.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pyrage

from ..errors import BackupError, ConfigError
from ..cluster import bin_path
from . import keys
from .dump import cleanup_on_sigterm, run_tool
from .manifest import ARCHIVE_SUFFIX, MANIFEST_SUFFIX, NAME, HeaderReader, Manifest, now_iso
from .store import Store, open_store, store_errors

LATEST = "latest"


def split_ref(ref: str) -> tuple[Store, str]:
    """`<store>/<name>` -> (store, backup name without suffix)."""
    location, _, last = ref.rstrip("/").rpartition("/")
    name = last.removesuffix(ARCHIVE_SUFFIX).removesuffix(MANIFEST_SUFFIX)
    if not location or not (name == LATEST or NAME.match(name)):
        raise ConfigError(f"{ref}: name a backup as <store>/<env>-<stamp> or <store>/latest "
                          "(list them with inv db.backup-prune --store <store> --dry-run)")
    store = open_store(location)
    if name == LATEST:
        name = newest(store)
    return store, name


def manifests(store: Store) -> dict[str, Manifest]:
    """Every complete backup in the store by name; a .json that is not a manifest is refused in one line."""
    found = {}
    with store_errors(store.url):
        for item in store.items():
            if item.name.endswith(MANIFEST_SUFFIX):
                manifest = Manifest.from_bytes(store.get(item.name), f"{store.url}/{item.name}")
                found[manifest.name] = manifest
    return found


def newest(store: Store) -> str:
    complete = manifests(store)
    if not complete:
        raise ConfigError(f"{store.url}: no complete backup (an archive counts only with its manifest)")
    return max(complete.values(), key=lambda m: (m.created_at, m.name)).name


def newest_verified(store: Store, env: str, kind: str = "backup") -> str:
    """The newest `kind` of `env` whose restore was proven (`verified_at`), by the time it was taken."""
    found = [m for m in manifests(store).values() if m.env == env and m.kind == kind]
    verified = [m for m in found if m.verified_at]
    if not verified:
        newest = max(found, key=lambda m: m.created_at).name if found else None
        hint = f" (newest, unverified: {newest}; `inv db.backup-verify {store.url}/{newest}`)" if newest else ""
        raise BackupError(f"{store.url}: no verified {kind} of {env}{hint}")
    return max(verified, key=lambda m: (m.created_at, m.name)).name


def load(store: Store, name: str) -> Manifest:
    where = f"{store.url}/{name}"
    with store_errors(store.url):
        names = {item.name for item in store.items()}
        if name + ARCHIVE_SUFFIX not in names:
            raise ConfigError(f"{where}{ARCHIVE_SUFFIX}: backup not found")
        if name + MANIFEST_SUFFIX not in names:
            raise BackupError(f"{where}: manifest not found (an archive without its .json is an unfinished backup)")
        return Manifest.from_bytes(store.get(name + MANIFEST_SUFFIX), where + MANIFEST_SUFFIX)


class _Hashing(io.RawIOBase):
    """The object's bytes, hashed, read from the store 1 MiB at a time (pyrage asks for 8 KiB)."""

    def __init__(self, body) -> None:
        self.body, self.digest, self.size = body, hashlib.sha256(), 0
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.pending:
            chunk = self.body.read(1 << 20)
            self.digest.update(chunk)
            self.size += len(chunk)
            self.pending = memoryview(chunk)
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


@contextmanager
def fetched(store: Store, name: str):
    """Yield (archive path, manifest) of a proven local plaintext copy; removed afterwards, whatever happens."""
    manifest = load(store, name)
    identities = keys.matching(manifest.recipients, manifest.file, manifest.kind) if manifest.encryption == "age" else []
    with cleanup_on_sigterm(), tempfile.TemporaryDirectory(prefix="polaris-backup-") as folder:
        path = Path(folder) / "archive.dump"
        download(store, manifest, identities, path)
        yield path, manifest


def download(store: Store, manifest: Manifest, identities, path: Path) -> None:
    where = f"{store.url}/{manifest.file}"
    with store_errors(store.url), path.open("xb") as sink, store.reader(manifest.file) as body:
        path.chmod(0o600)
        source, split = _Hashing(body), HeaderReader(sink)
        try:
            if identities:
                pyrage.decrypt_io(source, split, identities)
            else:
                while chunk := source.read(1 << 20):
                    split.write(chunk)
        except (pyrage.DecryptError, OSError) as error:  # pyrage reports a failed decryption as an OSError
            if split.error:
                raise split.error from None
            raise BackupError(f"{where}: cannot decrypt ({error}): corrupt or truncated object, refused") from None
        if source.size != manifest.object_bytes or source.digest.hexdigest() != manifest.object_sha256:
            raise BackupError(f"{where}: sha256 mismatch (manifest {manifest.object_sha256[:12]}, object "
                              f"{source.digest.hexdigest()[:12]}, {source.size} bytes): corrupt or truncated, refused")
        manifest.check_header(split.finish())
        if split.size != manifest.bytes or split.digest.hexdigest() != manifest.sha256:
            raise BackupError(f"{where}: the archive's sha256 differs from the manifest: edited manifest, refused")
    listing = run_tool([bin_path("pg_restore"), "--list", str(path)])
    if listing.returncode != 0:
        raise BackupError(f"{where}: unreadable archive: {(listing.stderr.strip().splitlines() or ['?'])[-1]}")


def mark_verified(store: Store, manifest: Manifest) -> str | None:
    """Record a successful verification or restore in the manifest (read by retention); a note if it can't."""
    manifest.verified_at = now_iso()
    try:
        with store_errors(store.url):
            store.put(manifest.name + MANIFEST_SUFFIX, manifest.to_bytes())
    except (OSError, BackupError) as error:
        return f"verified_at not recorded: {getattr(error, 'strerror', None) or error}"
    return None


def copy(store: Store, name: str, destination: Store) -> Manifest:
    """The download step: the pair into another store, byte for byte, the object's sha256 checked on the way."""
    manifest = load(store, name)
    with store_errors(store.url), store.reader(manifest.file) as body:
        writer = destination.writer(manifest.file)
        try:
            while chunk := body.read(1 << 20):
                writer.write(chunk)
            if writer.digest.hexdigest() != manifest.object_sha256:
                raise BackupError(f"{store.url}/{manifest.file}: sha256 mismatch: corrupt or truncated, refused")
            writer.commit()
        except BaseException:
            writer.abort()
            raise
    destination.put(manifest.name + MANIFEST_SUFFIX, manifest.to_bytes())
    return manifest
