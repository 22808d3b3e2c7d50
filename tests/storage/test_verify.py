"""backup-verify's file check: every listed file in the store at its size, a sample read back byte for byte."""

import pytest
from storage_files import seed

from polaris_db.backups.keys import fingerprint, recipients
from polaris_db.backups.manifest import Manifest
from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError
from polaris_db.storage.copy import copy_storage, save_for_manifest
from polaris_db.storage.objects import Objects
from polaris_db.storage.verify import check


def backed_up(storage, store, name="local-20261201T031700Z") -> Manifest:
    listing, _ = copy_storage(store, name)
    manifest = Manifest("local", name.split("-", 1)[1], name + ".backup", 0, "", "18", None, [], {})
    manifest.storage = save_for_manifest(store, listing)
    manifest.recipients = [fingerprint(str(r)) for r in recipients()]
    manifest.encryption = "age" if manifest.recipients else "none"
    return manifest


def test_every_listed_file_is_found_and_a_sample_reads_back(storage, tmp_path):
    seed(storage, 30)
    store = LocalStore(tmp_path)
    done = check(store, backed_up(storage, store), sample=5)
    assert (done.objects, done.sampled) == (30, 5)


def test_a_file_missing_from_the_store_is_named(storage, tmp_path):
    seed(storage, 30)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    lost = next(p for p in (tmp_path / "objects").rglob("*") if p.is_file())
    lost.unlink()
    with pytest.raises(BackupError, match=r"1 of 30 Storage files are not in the store as listed: .*\(sha256 "
                                          + lost.name[:12] + ", missing\\)"):
        check(store, manifest)


def test_changed_bytes_are_caught_by_the_sample(storage, tmp_path, age_key):
    seed(storage, 3)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    for path in (tmp_path / "objects").rglob("*"):
        if path.is_file():
            data = bytearray(path.read_bytes())
            data[-1] ^= 1
            path.write_bytes(bytes(data))
    check(store, manifest)  # sizes still match: only reading the bytes tells
    with pytest.raises(BackupError, match="cannot decrypt|bytes differ"):
        check(store, manifest, sample=1)


def test_an_edited_list_is_refused(storage, tmp_path):
    seed(storage, 3)
    store = LocalStore(tmp_path)
    manifest = backed_up(storage, store)
    listing = tmp_path / manifest.storage["listing"]
    listing.write_bytes(listing.read_bytes() + b"\0")
    with pytest.raises(BackupError, match="sha256 differs from the manifest's"):
        check(store, manifest)
    assert Objects(store, []).existing()
