"""A backup's file list: written beside it, read back only with the sha256 its manifest records."""

import pytest

from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError
from polaris_db.storage import listing as lists
from polaris_db.storage.listing import Entry, Listing


def test_a_list_round_trips_and_a_damaged_one_is_refused(tmp_path, age_key):
    store = LocalStore(tmp_path)
    files = Listing("local-20261201T031700Z", "http://127.0.0.1:9000", "age-x", [{"name": "user-media"}],
                    [Entry("user-media", "ü/take.webm", 3, "ab" * 32, 200, "etag", "", "audio/webm", {"k": "v"})])
    key, digest = lists.save(store, files, [age_key.to_public()])
    assert key == "storage/local-20261201T031700Z.json.gz" and lists.stored(store) == [key]
    summary = {"listing": key, "sha256": digest}
    assert lists.load(store, summary, [age_key]) == files
    with pytest.raises(BackupError, match="not a readable Storage file list"):
        lists.load(store, summary)  # encrypted: no identity, no list
    (tmp_path / key).write_bytes(b"not gzip")
    with pytest.raises(BackupError, match="sha256 differs from the manifest's"):
        lists.load(store, summary, [age_key])
