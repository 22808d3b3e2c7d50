"""Supabase Storage through its S3 endpoint: configuration, the boto3 client, what is there.

Supabase Storage speaks S3 at `https://<project-ref>.storage.supabase.co/storage/v1/s3` (ListBuckets,
ListObjectsV2, GetObject, PutObject, multipart uploads, CreateBucket); a bucket is an S3 bucket of the
same name. The keys come from Dashboard > Storage > S3 connection (ops/supabase/backup.md):

    POLARIS_STORAGE_S3_ENDPOINT           https://<project-ref>.storage.supabase.co/storage/v1/s3
    POLARIS_STORAGE_S3_REGION             the project's region (default us-east-1)
    POLARIS_STORAGE_S3_ACCESS_KEY_ID
    POLARIS_STORAGE_S3_SECRET_ACCESS_KEY  a secret: masked in every output (config.SECRET_VARS)

They are separate from the backup store's `AWS_*` variables: the store is another bucket, elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..config import load_environment
from ..errors import ConfigError

PREFIX = "POLARIS_STORAGE_S3_"
REQUIRED = (PREFIX + "ENDPOINT", PREFIX + "ACCESS_KEY_ID", PREFIX + "SECRET_ACCESS_KEY")
WORKERS = 8  # parallel transfers (boto3 clients are thread-safe)
DRILL_BUCKET = "polaris-restore-drill"  # the drill's scratch bucket: never backed up


def configured() -> bool:
    """True when every required variable is set; some but not all is a mistake, said in one line."""
    load_environment()
    given = [var for var in REQUIRED if os.environ.get(var)]
    if given and len(given) < len(REQUIRED):
        missing = ", ".join(var for var in REQUIRED if var not in given)
        raise ConfigError(f"Storage S3 access is half configured: set {missing} too (ops/supabase/backup.md)")
    return bool(given)


def wanted(storage: bool, no_storage: bool) -> bool:
    """`--storage` demands it, `--no-storage` skips it, neither: on when the keys are configured."""
    if storage and no_storage:
        raise ConfigError("--storage and --no-storage contradict each other")
    if no_storage:
        return False
    if storage and not configured():
        raise ConfigError(f"--storage needs {', '.join(REQUIRED)} (Dashboard > Storage > S3 connection; "
                          "ops/supabase/backup.md)")
    return storage or configured()


def endpoint() -> str:
    """Where the files come from, for the manifest: scheme and host, never a key."""
    parts = urlsplit(os.environ[PREFIX + "ENDPOINT"])
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}{parts.path}"


def client(workers: int = WORKERS):
    """A boto3 S3 client for Storage (path-style, retries, a connection per worker)."""
    import boto3
    from botocore.config import Config

    if not configured():
        raise ConfigError(f"Storage S3 access is not configured: set {', '.join(REQUIRED)}")
    config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 5, "mode": "standard"},
                    connect_timeout=10, read_timeout=120, max_pool_connections=workers + 4)
    return boto3.client("s3", endpoint_url=os.environ[PREFIX + "ENDPOINT"],
                        region_name=os.environ.get(PREFIX + "REGION") or "us-east-1",
                        aws_access_key_id=os.environ[PREFIX + "ACCESS_KEY_ID"],
                        aws_secret_access_key=os.environ[PREFIX + "SECRET_ACCESS_KEY"],
                        aws_session_token=None, config=config)


@dataclass(frozen=True)
class Listed:
    bucket: str
    name: str
    size: int
    etag: str
    modified: str  # ISO 8601


def buckets(s3) -> list[dict]:
    """Every bucket: name and creation time (the settings come from storage.buckets, see copy.py)."""
    return [{"name": b["Name"], "created": _iso(b.get("CreationDate"))} for b in s3.list_buckets().get("Buckets", [])
            if b["Name"] != DRILL_BUCKET]


def objects(s3, bucket: str):
    """Every object of a bucket, as listed (ListObjectsV2 pages of 1000)."""
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            yield Listed(bucket, obj["Key"], obj["Size"], obj.get("ETag", "").strip('"'), _iso(obj.get("LastModified")))


def _iso(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""
