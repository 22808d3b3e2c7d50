"""Files for the Storage tests: two buckets of mixed sizes and unicode names, written and read back."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import urllib3

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
    """PutObject for each file, as plain HTTP requests to the moto server behind `s3`.

    What boto3 would send minus its client-side work (1.7 ms of CPU a request, the same again as moto's): this is
    setup, a thousand files a test. moto checks no signature; the credential scope tells it the service.
    """
    http = urllib3.PoolManager(maxsize=8)
    headers = {"Content-Type": "audio/webm", "x-amz-meta-owner": "u1",
               "Authorization": "AWS4-HMAC-SHA256 Credential=seed/20261201/us-east-1/s3/aws4_request, "
                                "SignedHeaders=host, Signature=0"}

    def one(item):
        (bucket, name), data = item
        url = f"{s3.meta.endpoint_url}/{bucket}/{quote(name, safe='/')}"
        answer = http.request("PUT", url, body=data, headers=headers, retries=False)
        assert answer.status == 200, f"PUT {bucket}/{name}: {answer.status} {answer.data[:300]!r}"

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, files.items()))
    http.clear()


def read_all(s3, bucket: str) -> dict[str, bytes]:
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            found[obj["Key"]] = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
    return found
