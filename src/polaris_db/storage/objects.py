"""The content-addressed area of the backup store: one stored copy per sha256 of a file's bytes.

    <store>/objects/<keyset>/sha256/<first two hex>/<sha256 of the plaintext>

`keyset` is `plain`, or `age-` + 12 hex of the recipients' fingerprints: objects are age-encrypted to
the backup's recipients like the database archive (an s3:// store never holds plaintext files), and a
key rotation starts a new keyset, so no backup ever points at an object encrypted to a retired key.

How a copy knows the hash before it writes: the file is streamed from Storage once, hashed on the way,
into memory when small (< PART_SIZE) or a temporary file on disk otherwise (never a large file in
memory; a large one is hashed and encrypted in one pass on its way to disk), then uploaded under its
hash (multipart in PART_SIZE parts, four at a time, for large ones) with
`sha256` and `bytes` as object metadata. An object already present (one listing of the area per run)
is not uploaded again. A local folder gets `*.partial` files renamed into place.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager

import pyrage

from ..backups import keys
from ..backups.store import PART_SIZE, PARTIAL, S3Store, Store
from ..errors import BackupError

CHUNK = 1 << 20


def keyset(fingerprints: list[str]) -> str:
    if not fingerprints:
        return "plain"
    return "age-" + hashlib.sha256(",".join(sorted(fingerprints)).encode()).hexdigest()[:12]


def spooled():
    """Memory up to PART_SIZE, a 0600 temporary file beyond (tempfile's default mode)."""
    return tempfile.SpooledTemporaryFile(max_size=PART_SIZE, prefix="polaris-storage-")


class Objects:
    """Put, list, read and delete the store's copies of files, by sha256."""

    def __init__(self, store: Store, fingerprints: list[str], *, recipients=(), identities=()) -> None:
        self.store, self.keyset = store, keyset(fingerprints)
        self.recipients, self.identities = list(recipients), list(identities)
        self.area = f"objects/{self.keyset}/sha256/"

    @classmethod
    def for_writing(cls, store: Store) -> "Objects":
        recipients = keys.recipients()
        return cls(store, [keys.fingerprint(str(r)) for r in recipients], recipients=recipients)

    @classmethod
    def for_reading(cls, store: Store, fingerprints: list[str], what: str) -> "Objects":
        identities = keys.matching(fingerprints, what) if fingerprints else []
        return cls(store, fingerprints, identities=identities)

    def key(self, digest: str) -> str:
        return f"{self.area}{digest[:2]}/{digest}"

    # -- listing ---------------------------------------------------------------------------------
    def existing(self, every_keyset: bool = False) -> dict[str, int]:
        """sha256 (or `keyset/sha256` with every_keyset) -> stored size, from one listing of the area."""
        area = "objects/" if every_keyset else self.area
        found = {}
        if isinstance(self.store, S3Store):
            s3, base = self.store.client, self.store.prefix
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=self.store.bucket, Prefix=base + area):
                for obj in page.get("Contents", []):
                    found[_short(obj["Key"][len(base):], every_keyset)] = obj["Size"]
            return found
        root = self.store.root / area
        if root.is_dir():
            for path in root.rglob("*"):
                if path.is_file() and not path.name.endswith(PARTIAL):
                    found[_short(path.relative_to(self.store.root).as_posix(), every_keyset)] = path.stat().st_size
        return found

    # -- writing ---------------------------------------------------------------------------------
    def seal_stream(self, reader) -> tuple[object, int]:
        """A readable stream (a file from Storage, hashed on the way) into a temporary file of the bytes to store."""
        out = spooled()
        try:
            if self.recipients:
                pyrage.encrypt_io(reader, out, self.recipients)
            else:
                shutil.copyfileobj(reader, out, CHUNK)
        except BaseException:
            out.close()
            raise
        length = out.tell()
        out.seek(0)
        return out, length

    def put(self, digest: str, data: bytes) -> int:
        """Store a small file's plaintext under its sha256; returns the stored size."""
        body = pyrage.encrypt(data, self.recipients) if self.recipients else data
        self._store(self.key(digest), body, {"sha256": digest, "bytes": str(len(data))})
        return len(body)

    def put_sealed(self, digest: str, body, size: int) -> None:
        """Store what seal_stream() made (the caller closes it)."""
        self._store(self.key(digest), body, {"sha256": digest, "bytes": str(size)})

    def _store(self, key: str, body, metadata: dict) -> None:
        if isinstance(self.store, S3Store):
            from boto3.s3.transfer import TransferConfig

            s3, bucket = self.store.client, self.store.bucket
            if isinstance(body, bytes):
                s3.put_object(Bucket=bucket, Key=self.store.prefix + key, Body=body, Metadata=metadata)
            else:
                config = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE, max_concurrency=4)
                s3.upload_fileobj(body, bucket, self.store.prefix + key, ExtraArgs={"Metadata": metadata}, Config=config)
            return
        final = self.store.root / key
        final.parent.mkdir(parents=True, exist_ok=True)
        partial = final.with_name(f"{final.name}.{os.getpid()}.{threading.get_ident()}{PARTIAL}")
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
            handle.write(body) if isinstance(body, bytes) else shutil.copyfileobj(body, handle, CHUNK)
        os.replace(partial, final)

    def delete(self, short: str) -> None:
        """`short`: `keyset/sha256` as listed by existing(every_keyset=True)."""
        ring, digest = short.split("/")
        key = f"objects/{ring}/sha256/{digest[:2]}/{digest}"
        if isinstance(self.store, S3Store):
            self.store.client.delete_object(Bucket=self.store.bucket, Key=self.store.prefix + key)
        else:
            (self.store.root / key).unlink(missing_ok=True)

    # -- reading ---------------------------------------------------------------------------------
    @contextmanager
    def opened(self, digest: str, size: int):
        """The plaintext as a file object at 0, its sha256 and size checked before it is handed out."""
        with spooled() as plain:
            with self._raw(digest) as body:
                if self.identities:
                    try:
                        pyrage.decrypt_io(_Readable(body), plain, self.identities)
                    except (pyrage.DecryptError, OSError) as error:
                        raise BackupError(f"{self.key(digest)}: cannot decrypt ({error}): corrupt object") from None
                else:
                    shutil.copyfileobj(body, plain, CHUNK)
            plain.seek(0)
            digest_now, length = hashlib.sha256(), 0
            while chunk := plain.read(CHUNK):
                digest_now.update(chunk)
                length += len(chunk)
            if digest_now.hexdigest() != digest or length != size:
                raise BackupError(f"{self.store.url}/{self.key(digest)}: bytes differ from the listing "
                                  f"(sha256 {digest_now.hexdigest()[:12]}, {length} bytes): corrupt object")
            plain.seek(0)
            yield plain

    @contextmanager
    def _raw(self, digest: str):
        key = self.key(digest)
        if isinstance(self.store, S3Store):
            body = self.store.client.get_object(Bucket=self.store.bucket, Key=self.store.prefix + key)["Body"]
            try:
                yield body
            finally:
                body.close()
        else:
            with (self.store.root / key).open("rb") as handle:
                yield handle


class _Readable(io.RawIOBase):
    """A botocore body as the raw stream pyrage reads."""

    def __init__(self, body) -> None:
        self.body = body

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.body.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _short(key: str, every_keyset: bool) -> str:
    parts = key.split("/")  # objects/<keyset>/sha256/ab/<digest>
    return f"{parts[1]}/{parts[-1]}" if every_keyset else parts[-1]

