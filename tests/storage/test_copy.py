"""Storage files into the store by content: every file listed with its hash, a second night copies only
what is new or changed, an interrupted copy resumes where it stopped."""

import pytest
from storage_files import put, seed

from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError
from polaris_db.storage import listing as lists
from polaris_db.storage.copy import copy_storage, save_for_manifest
from polaris_db.storage.objects import Objects

LARGE = 17 * 1024 * 1024  # above the 16 MiB part size: streamed through a temporary file, multipart


def test_two_nights_copy_each_file_once_and_only_new_ones_the_second(storage, tmp_path, age_key):
    """1000+ files (mixed sizes, unicode names, one above the part size) into an encrypted store.

    The store is a folder: the s3:// store's own paths (put, multipart upload, one listing of the object area)
    are proven by test_storage_restore (40 files and a 17 MiB one back byte for byte) and test_steps (the tasks),
    and the Storage side here is S3 either way."""
    store = LocalStore(tmp_path / "store")
    files = seed(storage, 1000, large=LARGE)
    first, stats = copy_storage(store, "prod-20261201T031700Z")
    sha_by_key = {(e.bucket, e.name): e.sha256 for e in first.objects}
    distinct = {sha_by_key[key] for key in files}
    assert (stats.objects, stats.downloaded, stats.known) == (1001, 1001, 0)
    assert stats.copied == len(distinct) < 1001  # files with the same bytes are stored once
    by_key = {(e.bucket, e.name): e for e in first.objects}
    assert set(by_key) == set(files)
    assert by_key[("user-media", "große Aufnahme.wav")].size == LARGE
    entry = by_key[("user-media", "日本語/録音-2.mp3")]
    assert (entry.content_type, entry.metadata) == ("audio/webm", {"owner": "u1"})
    assert {b["name"] for b in first.buckets} == {"user-media", "public-assets"}
    summary = save_for_manifest(store, first)
    assert summary["objects"] == 1001 and summary["encryption"] == "age"

    new = {("public-assets", f"neu/{i} ñ.png"): bytes([i]) * (1000 + i) for i in range(10)}  # 1 % new files
    put(storage, new)
    second, stats = copy_storage(store, "prod-20261202T031700Z")
    assert (stats.objects, stats.known, stats.downloaded, stats.copied) == (1011, 1001, 10, 10)
    assert len(second.objects) == 1011


def test_an_interrupted_copy_resumes_where_it_stopped(storage, tmp_path):
    seed(storage, 60)
    store = LocalStore(tmp_path / "store")

    def stop_after_20(stats):
        if stats.done == 20:
            raise BackupError("network gone")

    with pytest.raises(BackupError, match="network gone"):
        copy_storage(store, "local-20261201T031700Z", on_progress=stop_after_20, workers=2)
    assert lists.stored(store) == ["storage/local-20261201T031700Z.partial.json.gz"]
    stored_before = len(Objects(store, []).existing())
    assert 0 < stored_before < 60

    listing, stats = copy_storage(store, "local-20261201T031800Z")
    assert stats.known >= 20  # read back from the partial list: not downloaded again
    assert stats.downloaded == 60 - stats.known
    assert stats.copied == len(Objects(store, []).existing()) - stored_before
    assert len(listing.objects) == 60


def test_a_changed_file_is_copied_again_and_its_old_bytes_stay(storage, tmp_path):
    seed(storage, 10)
    store = LocalStore(tmp_path / "store")
    first, _ = copy_storage(store, "local-20261201T031700Z")
    save_for_manifest(store, first)
    old = next(e for e in first.objects if e.name == "take-0.webm")
    put(storage, {("user-media", "take-0.webm"): b"a new recording"})

    second, stats = copy_storage(store, "local-20261202T031700Z")
    assert (stats.downloaded, stats.copied, stats.known) == (1, 1, 9)
    new = next(e for e in second.objects if e.name == "take-0.webm")
    assert new.sha256 != old.sha256
    present = Objects(store, []).existing()
    assert old.sha256 in present and new.sha256 in present  # the older backup still has its bytes


def test_a_file_deleted_while_the_copy_runs_is_left_out(storage, tmp_path):
    files = seed(storage, 12)
    last = sorted(name for bucket, name in files if bucket == "public-assets")[-1]

    def delete_one_early(stats):
        if stats.done == 1:
            storage.delete_object(Bucket="public-assets", Key=last)

    listing, stats = copy_storage(LocalStore(tmp_path), "local-20261201T031700Z", on_progress=delete_one_early, workers=1)
    assert (stats.vanished, len(listing.objects)) == (1, 11)
    assert last not in {e.name for e in listing.objects}
