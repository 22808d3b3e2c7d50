#!/usr/bin/env python3
"""Benchmark: our Storage file copy vs a plain boto3 copy of the same files, same run; then a second night.

  raw   for every file: get_object, then put_object (upload_fileobj above the part size) into another
        bucket; the same number of threads as ours; no hashing, no encryption, no list
  ours  storage.copy.copy_storage: list, stream each file once through sha256 into the content-addressed
        area of the store (age-encrypted, multipart above 16 MiB), the file list written beside the backup
  night 2: --new-percent more files; ours must read and copy only those (the rest is known by etag)

Storage and the store are two moto S3 servers on loopback, each in its own process (moto's listing of its
services made once, not on every request: scripts/moto_server.py). Prints MB/s and
the ratio of throughputs (target >= 0.9x of raw) and the second night's counts.
Usage: .venv/bin/python scripts/bench_storage.py [--files 2000] [--kib 64] [--large-mib 40] [--new-percent 1]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

from polaris_db.backups.store import PART_SIZE, open_store
from polaris_db.cluster import free_port_from
from polaris_db.storage import source
from polaris_db.storage.copy import copy_storage, save_for_manifest

MOTO_SERVER = Path(__file__).with_name("moto_server.py")

TARGET = 0.9
BUCKETS = ("user-media", "public-assets")


@contextmanager
def moto_server(port: int):
    server = subprocess.Popen([sys.executable, str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=2).close()
                break
            # HTTPException too: a port in the ephemeral range can connect to itself before moto listens
            # (TCP self-connect), and the "response" read back is the request line.
            except (OSError, http.client.HTTPException):
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit(f"error: moto server on {url} did not start")
                time.sleep(0.1)
        yield url
    finally:  # all in memory, nothing to save: killed (an orderly exit spends ~0.15 CPU-s unloading moto)
        server.kill()
        server.wait(timeout=10)


def fill(s3, count: int, kib: int, large_mib: int, start: int = 0, seed: int = 19) -> int:
    """`count` files of 0..2*kib KiB (mean ~kib) and one of large_mib MiB; returns the bytes written."""
    rng, total = random.Random(seed + start), [0]

    def one(i: int) -> None:
        data = rng.randbytes(rng.randint(0, 2 * kib * 1024)) if i >= 0 else rng.randbytes(large_mib * 1024 * 1024)
        s3.put_object(Bucket=BUCKETS[abs(i) % 2], Key=f"{i} ü/日本語 take {i}.webm", Body=data, ContentType="audio/webm")
        total[0] += len(data)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(start, start + count)))
    if large_mib:
        one(-1)
    return total[0]


def raw_copy(src, dst, bucket: str, workers: int, prefix: str) -> None:
    """What one would write with boto3 alone: get each object, put it into the other bucket."""
    listed = [(b, o["Key"], o["Size"]) for b in BUCKETS
              for page in src.get_paginator("list_objects_v2").paginate(Bucket=b) for o in page.get("Contents", [])]

    def one(item) -> None:
        name, key, size = item
        body = src.get_object(Bucket=name, Key=key)["Body"]
        if size < PART_SIZE:
            dst.put_object(Bucket=bucket, Key=f"{prefix}/{name}/{key}", Body=body.read())
        else:
            dst.upload_fileobj(body, bucket, f"{prefix}/{name}/{key}")
        body.close()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, listed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--kib", type=int, default=64, help="mean file size in KiB (default 64)")
    parser.add_argument("--large-mib", type=int, default=40, help="one large file, MiB (default 40; 0: none)")
    parser.add_argument("--new-percent", type=float, default=1.0, help="new files on the second night (default 1)")
    parser.add_argument("--workers", type=int, default=source.WORKERS)
    parser.add_argument("--plain", action="store_true", help="no age encryption (a local-folder-like store)")
    args = parser.parse_args()
    if args.files < 1 or args.kib < 1 or args.workers < 1 or args.large_mib < 0 or args.new_percent <= 0:
        parser.error("--files, --kib, --workers and --new-percent must be positive (--large-mib >= 0)")

    import boto3
    from pyrage import x25519

    base = int(os.environ.get("POLARIS_TEST_PORT", 56800)) + 60
    with ExitStack() as stack:
        storage_url = stack.enter_context(moto_server(free_port_from(base)))
        store_url = stack.enter_context(moto_server(free_port_from(base + 10)))
        key = x25519.Identity.generate()
        os.environ.update(AWS_ENDPOINT_URL_S3=store_url, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                          AWS_REGION="us-east-1", POLARIS_BACKUP_RECIPIENTS=str(key.to_public()),
                          POLARIS_BACKUP_IDENTITY=str(key), POLARIS_STORAGE_S3_ENDPOINT=storage_url,
                          POLARIS_STORAGE_S3_ACCESS_KEY_ID="bench", POLARIS_STORAGE_S3_SECRET_ACCESS_KEY="bench-secret")
        if args.plain:
            del os.environ["POLARIS_BACKUP_RECIPIENTS"]
        src, dst = source.client(args.workers), boto3.client("s3")
        for bucket in BUCKETS:
            src.create_bucket(Bucket=bucket)
        dst.create_bucket(Bucket="bench-store")
        total = fill(src, args.files, args.kib, args.large_mib)
        print(f"storage: {args.files + bool(args.large_mib)} files, {total / 1e6:.1f} MB in {len(BUCKETS)} buckets "
              f"(moto S3 on loopback, its own process); store: another; {args.workers} threads each; "
              f"{os.cpu_count()} cores", flush=True)
        copied: list[int] = []

        def ours_into(prefix: str) -> None:
            store = open_store(f"s3://bench-store/{prefix}")  # an empty store: every file copied
            first, stats = copy_storage(store, "bench-20261201T031700Z", workers=args.workers)
            save_for_manifest(store, first)
            copied.append(stats.copied)

        order = [("raw", lambda: raw_copy(src, dst, "bench-store", args.workers, "raw-a")), ("ours", lambda: ours_into("ours-a")),
                 ("ours", lambda: ours_into("ours-b")), ("raw", lambda: raw_copy(src, dst, "bench-store", args.workers, "raw-b"))]
        raws, ours = [], []  # raw, ours, ours, raw: neither side always meets the fuller store
        for label, action in order:
            started = time.perf_counter()
            action()
            (raws if label == "raw" else ours).append(time.perf_counter() - started)
        raw, our = sum(raws) / 2, sum(ours) / 2
        ratio = raw / our
        print(f"raw boto3 copy     {raw:7.2f} s  {total / 1e6 / raw:7.1f} MB/s  (runs {raws[0]:.2f}, {raws[1]:.2f} s)")
        print(f"ours (first night) {our:7.2f} s  {total / 1e6 / our:7.1f} MB/s  (runs {ours[0]:.2f}, {ours[1]:.2f} s; "
              f"{copied[0]} objects stored: sha256, {'plain' if args.plain else 'age'}, content-addressed)")
        print(f"throughput ours/raw: {ratio:.2f}x ({'ok' if ratio >= TARGET else 'UNDER'}, target >= {TARGET}x)")
        store = open_store("s3://bench-store/ours-b")

        new = max(1, round(args.files * args.new_percent / 100))
        fill(src, new, args.kib, 0, start=args.files)
        started = time.perf_counter()
        second, stats = copy_storage(store, "bench-20261202T031700Z", workers=args.workers)
        night = time.perf_counter() - started
        only_new = stats.downloaded == new and stats.copied <= new
        print(f"second night: {new} new of {stats.objects} files: {stats.downloaded} read, {stats.copied} copied, "
              f"{stats.known} known by etag, in {night:.2f} s ({'only the new ones' if only_new else 'MORE THAN THE NEW ONES'})")
        if not only_new:
            sys.exit(1)


if __name__ == "__main__":
    main()
