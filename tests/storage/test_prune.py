"""Retention for files: an object stays while a kept backup lists it; the rest go (a dry run only says so)."""

from storage_files import put, seed

from polaris_db.backups.store import LocalStore
from polaris_db.storage import listing as lists
from polaris_db.storage.objects import Objects
from polaris_db.storage.prune import prune_objects
from test_verify import backed_up


def test_bytes_only_a_deleted_backup_listed_go_and_the_rest_stay(storage, tmp_path, age_key):
    seed(storage, 10)
    store = LocalStore(tmp_path)
    old = backed_up(storage, store, "local-20261201T031700Z")
    store.put(old.name + ".json", old.to_bytes())
    put(storage, {("user-media", "take-0.webm"): b"a new recording"})
    new = backed_up(storage, store, "local-20261202T031700Z")
    store.put(new.name + ".json", new.to_bytes())
    before = Objects(store, []).existing(every_keyset=True)

    young = prune_objects(store, {old.name}, dry_run=False)  # a backup may be copying right now: an hour's grace
    assert young.deleted == 0

    dry = prune_objects(store, {old.name}, dry_run=True, incomplete_after=0)
    assert (dry.deleted, dry.lists_deleted) == (1, 1)
    assert Objects(store, []).existing(every_keyset=True) == before

    old_take = next(e.sha256 for e in lists.load(store, old.storage, [age_key]).objects if e.name == "take-0.webm")
    (tmp_path / (old.name + ".json")).unlink()  # what backup-prune does to the old backup first
    done = prune_objects(store, set(), dry_run=False, incomplete_after=0)
    assert (done.deleted, done.kept, done.lists_deleted) == (1, len(before) - 1, 1)
    assert lists.stored(store) == [new.storage["listing"]]
    gone = set(before) - set(Objects(store, []).existing(every_keyset=True))
    assert [key.split("/")[1] for key in gone] == [old_take]  # the old bytes of the changed file, nothing else


def test_a_store_without_files_is_left_alone(tmp_path):
    assert prune_objects(LocalStore(tmp_path), set(), dry_run=False) is None
