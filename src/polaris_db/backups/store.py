"""Where backups live: a local folder or an S3-compatible bucket (`s3://bucket/prefix`).

S3 goes through boto3, the reference client every S3-compatible store tests against (AWS S3, Cloudflare
R2, MinIO, Supabase Storage's S3 endpoint); endpoint, region and keys come from the standard variables
(`AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
A custom endpoint uses path-style addressing (MinIO, Supabase). Uploads stream: the archive is cut
into 16 MiB parts as it is produced, each sent with its SHA-256 for the store to verify, and the
object's checksum is read back after the upload and compared with ours. An upload that fails is
aborted; one that was killed is listed by `incomplete()` and removed by `backup-prune`.

A local folder gets the same contract: `*.partial` written 0600, fsynced, renamed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import BackupError, ConfigError

PART_SIZE = 16 * 1024 * 1024
PARTIAL = ".partial"


@dataclass(frozen=True)
class Item:
    name: str
    modified: float  # epoch seconds
    size: int


class Writer:
    """write() the object's bytes; commit() publishes it and returns (size, sha256); abort() leaves nothing."""

    def __init__(self) -> None:
        self.digest, self.size = hashlib.sha256(), 0

    def write(self, data) -> int:
        data = bytes(data)
        self.digest.update(data)
        self.size += len(data)
        self._write(data)
        return len(data)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        pass


# -- local folder --------------------------------------------------------------------------------
class _FileWriter(Writer):
    def __init__(self, final: Path) -> None:
        super().__init__()
        self.final, self.partial = final, final.with_name(final.name + PARTIAL)
        self.handle = os.fdopen(os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")

    def _write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> tuple[int, str]:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.final)
        _fsync_dir(self.final.parent)
        return self.size, self.digest.hexdigest()

    def abort(self) -> None:
        self.handle.close()
        self.partial.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalStore:
    def __init__(self, root: Path) -> None:
        self.root, self.url = root, str(root)

    def writer(self, name: str) -> Writer:
        self.root.mkdir(parents=True, exist_ok=True)
        return _FileWriter(self.root / name)

    def put(self, name: str, data: bytes) -> None:
        writer = self.writer(name)
        writer.write(data)
        writer.commit()

    def get(self, name: str) -> bytes:
        try:
            return (self.root / name).read_bytes()
        except FileNotFoundError:
            raise BackupError(f"{self.root / name}: not found") from None

    @contextmanager
    def reader(self, name: str):
        try:
            handle = (self.root / name).open("rb")
        except FileNotFoundError:
            raise BackupError(f"{self.root / name}: not found") from None
        with handle:
            yield handle

    def items(self, missing_ok: bool = False) -> list[Item]:
        if not self.root.is_dir():
            if missing_ok:
                return []
            raise ConfigError(f"{self.root}: no such folder of backups")
        return [Item(p.name, p.stat().st_mtime, p.stat().st_size) for p in sorted(self.root.iterdir()) if p.is_file()]

    def delete(self, name: str) -> None:
        (self.root / name).unlink(missing_ok=True)

    def uploads(self) -> list[tuple[str, float, str]]:
        return []  # a local folder has no pending uploads: its leftovers are *.partial items

    def checksum(self, name: str) -> str | None:
        return None  # the rename is the commit; nothing else to read back


# -- S3-compatible bucket ------------------------------------------------------------------------
def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode()


class _S3Writer(Writer):
    def __init__(self, store: "S3Store", key: str) -> None:
        super().__init__()
        self.store, self.key, self.buffer = store, key, bytearray()
        self.upload_id: str | None = None
        self.parts: list[dict] = []
        self.part_digests: list[bytes] = []

    def _write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= PART_SIZE:
            self._send(bytes(self.buffer[:PART_SIZE]))
            del self.buffer[:PART_SIZE]

    def _send(self, part: bytes) -> None:
        s3, bucket = self.store.client, self.store.bucket
        if self.upload_id is None:
            self.upload_id = s3.create_multipart_upload(Bucket=bucket, Key=self.key, ChecksumAlgorithm="SHA256")["UploadId"]
        digest = hashlib.sha256(part).digest()
        number = len(self.parts) + 1
        answer = s3.upload_part(Bucket=bucket, Key=self.key, UploadId=self.upload_id, PartNumber=number, Body=part,
                                ChecksumAlgorithm="SHA256", ChecksumSHA256=_b64(digest))
        self.parts.append({"PartNumber": number, "ETag": answer["ETag"], "ChecksumSHA256": _b64(digest)})
        self.part_digests.append(digest)

    def commit(self) -> tuple[int, str]:
        s3, bucket = self.store.client, self.store.bucket
        if self.upload_id is None:  # small: one PUT, its checksum verified by the store
            s3.put_object(Bucket=bucket, Key=self.key, Body=bytes(self.buffer), ChecksumAlgorithm="SHA256",
                          ChecksumSHA256=_b64(self.digest.digest()))
            expected = _b64(self.digest.digest())
        else:
            if self.buffer:
                self._send(bytes(self.buffer))
            s3.complete_multipart_upload(Bucket=bucket, Key=self.key, UploadId=self.upload_id,
                                         MultipartUpload={"Parts": self.parts})
            expected = _b64(hashlib.sha256(b"".join(self.part_digests)).digest())  # S3's checksum of checksums
        stored = self.store.checksum(self.key.removeprefix(self.store.prefix))
        if stored is not None and stored.split("-")[0] != expected:
            raise BackupError(f"{self.store.url}/{self.key}: the store's checksum {stored} differs from ours {expected}")
        return self.size, self.digest.hexdigest()

    def abort(self) -> None:
        if self.upload_id is not None:
            self.store.client.abort_multipart_upload(Bucket=self.store.bucket, Key=self.key, UploadId=self.upload_id)


class S3Store:
    def __init__(self, url: str) -> None:
        import boto3  # only when a bucket is used
        from botocore.config import Config

        bucket, _, prefix = url.removeprefix("s3://").partition("/")
        if not bucket:
            raise ConfigError(f"{url}: expected s3://bucket/prefix")
        self.url, self.bucket = url.rstrip("/"), bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        custom = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        config = Config(s3={"addressing_style": "path"} if custom else {}, retries={"max_attempts": 5, "mode": "standard"},
                        connect_timeout=10, read_timeout=120)
        self.client = boto3.client("s3", config=config)

    def writer(self, name: str) -> Writer:
        return _S3Writer(self, self.prefix + name)

    def put(self, name: str, data: bytes) -> None:
        writer = self.writer(name)
        writer.write(data)
        writer.commit()

    def get(self, name: str) -> bytes:
        with self.reader(name) as body:
            return body.read()

    @contextmanager
    def reader(self, name: str):
        body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + name)["Body"]
        try:
            yield body
        finally:
            body.close()

    def items(self, missing_ok: bool = False) -> list[Item]:
        found = []
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            for obj in page.get("Contents", []):
                name = obj["Key"][len(self.prefix):]
                if "/" not in name:
                    found.append(Item(name, obj["LastModified"].timestamp(), obj["Size"]))
        return sorted(found, key=lambda item: item.name)

    def delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.prefix + name)

    def uploads(self) -> list[tuple[str, float, str]]:
        """Multipart uploads never completed or aborted: (name, started, upload id)."""
        answer = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=self.prefix)
        return [(u["Key"][len(self.prefix):], u["Initiated"].timestamp(), u["UploadId"]) for u in answer.get("Uploads", [])]

    def abort_upload(self, name: str, upload_id: str) -> None:
        self.client.abort_multipart_upload(Bucket=self.bucket, Key=self.prefix + name, UploadId=upload_id)

    def checksum(self, name: str) -> str | None:
        head = self.client.head_object(Bucket=self.bucket, Key=self.prefix + name, ChecksumMode="ENABLED")
        return head.get("ChecksumSHA256")


Store = LocalStore | S3Store


def open_store(location: str) -> Store:
    return S3Store(location) if location.startswith("s3://") else LocalStore(Path(location))


_CONFIGURATION = ("NoSuchBucket", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled")


@contextmanager
def store_errors(where: str):
    """botocore's exceptions as one line: no traceback, no secret (its messages never carry keys)."""
    from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

    try:
        yield
    except NoCredentialsError:
        raise ConfigError(f"{where}: no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") from None
    except ClientError as error:
        info = error.response.get("Error", {})
        kind = ConfigError if info.get("Code") in _CONFIGURATION else BackupError
        raise kind(f"{where}: {info.get('Code', '?')}: {info.get('Message', error)}") from None
    except BotoCoreError as error:
        raise BackupError(f"{where}: {error}") from None


def age_of(seconds_since_epoch: float) -> float:
    return time.time() - seconds_since_epoch
