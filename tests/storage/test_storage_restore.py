"""Files back into Storage: a deleted bucket comes back byte for byte; a bucket with files is refused; the drill."""

import pytest
from storage_files import BUCKETS, read_all, seed

from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError, ConfigError
from polaris_db.storage.copy import copy_storage
from polaris_db.storage.restore import DRILL_BUCKET, drill, restore_files
from test_verify import backed_up


def delete_bucket(s3, bucket):
    for key in read_all(s3, bucket):
        s3.delete_object(Bucket=bucket, Key=key)
    s3.delete_bucket(Bucket=bucket)


def test_a_deleted_bucket_comes_back_byte_for_byte(storage, s3_store, age_key):
    files = seed(storage, 40, large=17 * 1024 * 1024)
    manifest = backed_up(storage, s3_store, "prod-20261201T031700Z")
    delete_bucket(storage, "user-media")

    with pytest.raises(BackupError, match="bucket public-assets is not empty"):
        restore_files(storage, s3_store, manifest)  # refused before the first write
    assert "user-media" not in {b["Name"] for b in storage.list_buckets()["Buckets"]}

    plan = restore_files(storage, s3_store, manifest, only=["user-media"], dry_run=True)
    assert [b["name"] for b in plan.create] == ["user-media"] and len(plan.files) == 21
    assert "user-media" not in {b["Name"] for b in storage.list_buckets()["Buckets"]}

    restore_files(storage, s3_store, manifest, only=["user-media"])
    back = read_all(storage, "user-media")
    assert back == {name: data for (bucket, name), data in files.items() if bucket == "user-media"}
    head = storage.head_object(Bucket="user-media", Key="take-0.webm")
    assert (head["ContentType"], head["Metadata"]) == ("audio/webm", {"owner": "u1"})


def test_missing_only_brings_back_deleted_files_and_touches_none_that_is_there(storage, tmp_path):
    files = seed(storage, 20)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    gone = sorted(n for b, n in files if b == "user-media")[:3]
    for name in gone:
        storage.delete_object(Bucket="user-media", Key=name)
    kept = sorted(n for b, n in files if b == "user-media")[-1]
    storage.put_object(Bucket="user-media", Key=kept, Body=b"re-recorded after the backup")

    plan = restore_files(storage, store, manifest, only=["user-media"], missing_only=True)
    assert sorted(e.name for e in plan.files) == gone and plan.present == 7
    back = read_all(storage, "user-media")
    assert {n: back[n] for n in gone} == {n: files[("user-media", n)] for n in gone}
    assert back[kept] == b"re-recorded after the backup"  # never overwritten


def test_an_unknown_bucket_is_a_configuration_error(storage, tmp_path):
    seed(storage, 4)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    with pytest.raises(ConfigError, match="has no bucket avatars"):
        restore_files(storage, store, manifest, only=["avatars"])


def test_the_drill_restores_a_sample_into_a_scratch_bucket_and_cleans_up(storage, tmp_path):
    seed(storage, 30)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    said = drill(storage, store, manifest, sample=6)
    assert "6 of 30 files" in said and "0 byte differences" in said
    assert storage.list_objects_v2(Bucket=DRILL_BUCKET).get("KeyCount", 0) == 0
    assert {b["Name"] for b in storage.list_buckets()["Buckets"]} == {*BUCKETS, DRILL_BUCKET}
    storage.put_object(Bucket=DRILL_BUCKET, Key="left/over.webm", Body=b"a failed drill's file")
    listing, _ = copy_storage(store, "local-20261202T031700Z")
    assert {e.bucket for e in listing.objects} == set(BUCKETS)  # the drill's bucket is never backed up
