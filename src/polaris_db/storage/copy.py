"""Copy every Storage file into the backup store, by content: a night copies only what is new.

1. List the buckets and their objects (ListObjectsV2), and the store's object area (one listing).
2. A file whose (bucket, name, size, etag) an earlier list records with a sha256 the store holds is not
   read at all. Every other file is streamed once (GetObject), hashed, and uploaded under its sha256
   unless the store already has those bytes (objects.py): a renamed or duplicated file costs a download,
   never a second copy.
3. The list of the night is written beside the backup (listing.py) and summarised in its manifest.

Workers transfer in parallel (source.WORKERS). If the copy stops (an error, Ctrl-C, SIGTERM), what
was stored so far is written as a partial list, so the next run starts where this one stopped. A file
deleted between the listing and its download is left out (counted as `vanished`), not an error.
"""

from __future__ import annotations

import hashlib
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Callable

import psycopg

from ..backups import keys
from ..backups.fetch import _Hashing  # the store's hashing reader: a stream's sha256 on the way
from ..backups.store import PART_SIZE, Store, store_errors
from ..database import connection
from . import listing as lists
from . import source
from .listing import Entry, Listing
from .objects import Objects

Progress = Callable[["Stats"], None]


@dataclass
class Stats:
    objects: int = 0  # listed in Storage
    bytes: int = 0
    done: int = 0  # accounted for so far
    done_bytes: int = 0
    known: int = 0  # unchanged since an earlier list: not read
    downloaded: int = 0
    copied: int = 0  # uploaded into the store (new bytes)
    copied_bytes: int = 0
    vanished: int = 0  # listed, then deleted before it was read: not in this backup
    seconds: float = 0.0


def bucket_settings(url: str | None) -> dict[str, dict]:
    """public, size limit and MIME types per bucket from storage.buckets (S3 does not carry them)."""
    if not url:
        return {}
    try:
        with connection(url) as conn:
            if conn.execute("select to_regclass('storage.buckets')").fetchone()[0] is None:
                return {}
            rows = conn.execute("select id, public, file_size_limit, allowed_mime_types from storage.buckets").fetchall()
    except psycopg.Error:
        return {}
    return {r[0]: {"public": r[1], "file_size_limit": r[2], "allowed_mime_types": r[3]} for r in rows}


def _earlier(store: Store, objects: Objects) -> dict[tuple, Entry]:
    """(bucket, name, size, etag) -> entry, from earlier lists readable with this machine's key."""
    try:
        identities = keys.identities() if objects.recipients else []
    except Exception:
        identities = []
    if objects.recipients and not identities:
        return {}  # encrypted lists without the key: every file is read again (only new bytes are uploaded)
    known: dict[tuple, Entry] = {}
    for key in lists.stored(store):
        try:
            found = lists.decode(store.get(key), key, identities)
        except Exception:
            continue  # another key's list, or damaged: it only costs downloads
        if found.keyset == objects.keyset:
            known.update((e.known_as, e) for e in found.objects)
    return known


def copy_storage(store: Store, backup: str, *, db_url: str | None = None, on_progress: Progress | None = None,
                 workers: int = source.WORKERS, s3=None) -> tuple[Listing, Stats]:
    """Copy Storage into the store for the backup named `backup`; returns its (complete) list and figures."""
    s3 = s3 or source.client(workers)
    objects = Objects.for_writing(store)
    started, stats = time.perf_counter(), Stats()
    with store_errors(f"Storage {_endpoint()}".strip()):
        settings = bucket_settings(db_url)
        buckets = [{**b, "settings": settings.get(b["name"], {})} for b in source.buckets(s3)]
        listed = [obj for b in buckets for obj in source.objects(s3, b["name"])]
    stats.objects, stats.bytes = len(listed), sum(o.size for o in listed)
    result = Listing(backup, _endpoint(), objects.keyset, buckets)
    with store_errors(store.url):
        present, earlier = objects.existing(), _earlier(store, objects)
    lock = threading.Lock()

    def one(obj: source.Listed) -> None:
        entry = earlier.get((obj.bucket, obj.name, obj.size, obj.etag))
        if entry is not None and entry.sha256 in present:
            entry = Entry(**{**entry.__dict__, "modified": obj.modified, "stored_bytes": present[entry.sha256]})
            with lock:
                stats.known += 1
        else:
            entry = _fetch_and_store(s3, obj, objects, present, lock, stats)
        with lock:  # recorded by the worker: whatever was stored is in the list, even if the copy stops
            if entry is None:
                stats.vanished += 1
            else:
                result.objects.append(entry)
                stats.done_bytes += entry.size
            stats.done += 1
            if on_progress:
                on_progress(stats)

    pool, pending = ThreadPoolExecutor(max_workers=workers), set()
    try:
        with store_errors(store.url):
            pending = {pool.submit(one, obj) for obj in listed}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in finished:
                    future.result()  # raises the first failure
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        result.complete = False
        try:
            lists.save(store, result, objects.recipients)
        except Exception:
            pass  # the failure that stopped the copy is the one to report
        raise
    finally:
        pool.shutdown(wait=True)
    for entry in result.objects:  # a file whose bytes another worker was still storing
        entry.stored_bytes = present[entry.sha256]
    result.objects.sort(key=lambda e: (e.bucket, e.name))
    stats.seconds = time.perf_counter() - started
    return result, stats


def _fetch_and_store(s3, obj, objects: Objects, present: dict, lock, stats: Stats) -> Entry | None:
    from botocore.exceptions import ClientError

    held = None
    with store_errors(f"Storage {obj.bucket}/{obj.name}"):  # a failure names the file, not the store
        try:
            answer = s3.get_object(Bucket=obj.bucket, Key=obj.name)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None  # deleted since the listing (a learner removed a recording): as if listed a moment later
            raise
        body, length = answer["Body"], 0
        try:
            if obj.size < PART_SIZE:  # small: in memory
                data = body.read()
                sha, size = hashlib.sha256(data).hexdigest(), len(data)
            else:  # large: hashed and sealed in one pass into a temporary file
                reader = _Hashing(body)
                held, length = objects.seal_stream(reader)
                sha, size = reader.digest.hexdigest(), reader.size
        finally:
            body.close()
    fresh = False
    try:
        with lock:
            stats.downloaded += 1
            fresh = sha not in present
            if fresh:
                present[sha] = -1  # claimed: another worker with the same bytes does not upload them again
        if fresh:
            if held is None:
                present[sha] = objects.put(sha, data)
            else:
                objects.put_sealed(sha, held, size)
                present[sha] = length
            with lock:
                stats.copied += 1
                stats.copied_bytes += size
    except BaseException:
        if fresh:
            present.pop(sha, None)
        raise
    finally:
        if held is not None:
            held.close()
    return Entry(obj.bucket, obj.name, size, sha, present[sha], answer.get("ETag", obj.etag).strip('"'), obj.modified,
                 answer.get("ContentType", ""), answer.get("Metadata", {}))


def _endpoint() -> str:
    try:
        return source.endpoint()
    except KeyError:
        return ""


def save_for_manifest(store: Store, result: Listing) -> dict:
    """Write the complete list, drop this backup's partial one; the manifest's `storage` summary."""
    objects = Objects.for_writing(store)
    with store_errors(store.url):
        key, digest = lists.save(store, result, objects.recipients)
        lists.delete(store, lists.key_for(result.backup, complete=False))
    return result.summary(key, digest, bool(objects.recipients))
