"""Files for the Storage tests: two buckets of mixed sizes and unicode names, written and read back."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

BUCKETS = ("user-media", "public-assets")
NAMES = ("take-{i}.webm", "Übung {i}/Aufnahme.ogg", "日本語/録音-{i}.mp3", "emoji 🎤/{i} ✓.wav", "a/b/c/{i}.png")


def seed(s3, count: int, *, large: int = 0, seed: int = 19) -> dict[tuple[str, str], bytes]:
    """`count` files over the two buckets (sizes 0 B to 64 KiB, a few duplicates), plus one of `large` bytes."""
    rng = random.Random(seed)
    for bucket in BUCKETS:
        s3.create_bucket(Bucket=bucket)
    files = {}
    for i in range(count):
        size = rng.choice((0, 1, 100, 1000, 4096, 20_000, 65_536))
        data = b"same bytes" if i % 97 == 0 else rng.randbytes(size)  # some files share their bytes
        files[(BUCKETS[i % 2], NAMES[i % len(NAMES)].format(i=i))] = data
    if large:
        files[("user-media", "große Aufnahme.wav")] = rng.randbytes(large)
    put(s3, files)
    return files


def put(s3, files: dict[tuple[str, str], bytes]) -> None:
    def one(item):
        (bucket, name), data = item
        s3.put_object(Bucket=bucket, Key=name, Body=data, ContentType="audio/webm", Metadata={"owner": "u1"})

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, files.items()))


def read_all(s3, bucket: str) -> dict[str, bytes]:
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            found[obj["Key"]] = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
    return found
