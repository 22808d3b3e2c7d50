"""Put a backup's files back into Storage: only into buckets that are missing or empty, never over a file.

A missing bucket is created (CreateBucket through the S3 endpoint: private; its recorded settings,
public / size limit / MIME types, are printed, and come back with the database's `storage.buckets`
row or the migration that made it). A bucket that holds anything is refused before the first write,
named, so a restore never mixes with newer files; `--bucket` picks the buckets to restore, and
`--missing-only` writes into such a bucket just the files whose names it lacks (deleted files back,
every file that is there left as it is, even if it differs from the backup). Every file
is read from the store, decrypted, checked against its sha256, then uploaded with its content type and
metadata. The drill restores a sample into a scratch bucket and reads it back byte for byte.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from ..backups.manifest import Manifest
from ..backups.store import PART_SIZE, Store, store_errors
from ..errors import BackupError, ConfigError
from . import source
from .listing import Entry
from .objects import CHUNK, Objects
from .verify import open_listing, pick

DRILL_BUCKET = source.DRILL_BUCKET


@dataclass
class Plan:
    create: list[dict] = field(default_factory=list)  # buckets to create, with their recorded settings
    files: list[Entry] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # buckets that hold files
    present: int = 0  # with missing_only: listed files the bucket already has, left as they are

    @property
    def bytes(self) -> int:
        return sum(e.size for e in self.files)


def plan(s3, store: Store, manifest: Manifest, only: list[str] | None = None,
         missing_only: bool = False) -> tuple[Plan, Objects]:
    files, reader = open_listing(store, manifest)
    recorded = {b["name"]: b for b in files.buckets}
    unknown = sorted(set(only or []) - set(recorded))
    if unknown:
        raise ConfigError(f"{manifest.name} has no bucket {', '.join(unknown)} (it has {', '.join(sorted(recorded)) or 'none'})")
    chosen = [b for name, b in sorted(recorded.items()) if not only or name in only]
    result, there = Plan(), set()
    with store_errors("Storage"):
        existing = {b["name"] for b in source.buckets(s3)}
        for bucket in chosen:
            if bucket["name"] not in existing:
                result.create.append(bucket)
            elif missing_only:
                there.update((bucket["name"], o.name) for o in source.objects(s3, bucket["name"]))
            elif s3.list_objects_v2(Bucket=bucket["name"], MaxKeys=1).get("KeyCount", 0):
                result.refused.append(bucket["name"])
    names = {b["name"] for b in chosen}
    wanted = [e for e in files.objects if e.bucket in names]
    result.files = [e for e in wanted if (e.bucket, e.name) not in there]
    result.present = len(wanted) - len(result.files)
    return result, reader


def restore_files(s3, store: Store, manifest: Manifest, *, only: list[str] | None = None, dry_run: bool = False,
                  missing_only: bool = False, on_file: Callable[[int, int], None] | None = None) -> Plan:
    """Create missing buckets and upload the files; a bucket with files refuses the whole restore, unless
    `missing_only`: then only the files whose names it lacks are written (a file that is there is never touched)."""
    todo, reader = plan(s3, store, manifest, only, missing_only)
    if todo.refused:
        raise BackupError(f"not restoring Storage files: bucket {', '.join(todo.refused)} is not empty (a restore "
                          "never overwrites; empty it, pick other buckets with --bucket, or write only the files it "
                          "lacks with --missing-only)")
    if dry_run:
        return todo
    with store_errors("Storage"):
        for bucket in todo.create:
            s3.create_bucket(Bucket=bucket["name"])
    _upload_all(s3, reader, todo.files, lambda e: (e.bucket, e.name), on_file)
    return todo


def _upload_all(s3, reader: Objects, entries: list[Entry], where, on_file=None) -> None:
    done = [0]

    def one(entry: Entry) -> None:
        bucket, key = where(entry)
        _upload(s3, reader, entry, bucket, key)
        done[0] += 1
        if on_file:
            on_file(done[0], len(entries))

    pool = ThreadPoolExecutor(max_workers=source.WORKERS)
    try:
        with store_errors("Storage"):
            for future in [pool.submit(one, e) for e in entries]:
                future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # the first failure stops the rest


def _upload(s3, reader: Objects, entry: Entry, bucket: str, key: str) -> None:
    from boto3.s3.transfer import TransferConfig

    extra = {"Metadata": entry.metadata or {}}
    if entry.content_type:
        extra["ContentType"] = entry.content_type
    with reader.opened(entry.sha256, entry.size) as plain:  # its sha256 checked
        config = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE, use_threads=False)
        s3.upload_fileobj(plain, bucket, key, ExtraArgs=extra, Config=config)


def drill(s3, store: Store, manifest: Manifest, sample: int = 20) -> str:
    """Restore `sample` files (the largest among them) into a scratch bucket, read them back, compare, clean up."""
    files, reader = open_listing(store, manifest)
    chosen = pick(files.objects, sample)
    prefix = f"{manifest.name}/"
    with store_errors("Storage"):
        if DRILL_BUCKET not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
            s3.create_bucket(Bucket=DRILL_BUCKET)
        try:
            _upload_all(s3, reader, chosen, lambda e: (DRILL_BUCKET, f"{prefix}{e.bucket}/{e.name}"))
            differ = [e for e in chosen if _digest(s3, DRILL_BUCKET, f"{prefix}{e.bucket}/{e.name}") != e.sha256]
        finally:
            _empty(s3, DRILL_BUCKET, prefix)
    if differ:
        raise BackupError(f"{len(differ)} of {len(chosen)} files read back differently: "
                          + ", ".join(f"{e.bucket}/{e.name}" for e in differ[:5]))
    return (f"{len(chosen)} of {len(files.objects)} files ({sum(e.size for e in chosen) / 1e6:.1f} MB) restored into "
            f"{DRILL_BUCKET}/{prefix} and read back: 0 byte differences")


def _digest(s3, bucket: str, key: str) -> str:
    body, digest = s3.get_object(Bucket=bucket, Key=key)["Body"], hashlib.sha256()
    try:
        while chunk := body.read(CHUNK):
            digest.update(chunk)
    finally:
        body.close()
    return digest.hexdigest()


def _empty(s3, bucket: str, prefix: str) -> None:
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
