"""The content-addressed area: stored under the plaintext's sha256, encrypted per keyset, read back checked."""

import hashlib
import io

import pytest
from pyrage import x25519

from polaris_db.backups.keys import fingerprint
from polaris_db.backups.store import PART_SIZE, LocalStore
from polaris_db.errors import BackupError
from polaris_db.storage.objects import Objects, keyset


def test_a_large_file_round_trips_encrypted_through_a_temporary_file(tmp_path, age_key):
    store = LocalStore(tmp_path)
    writer = Objects.for_writing(store)
    data = bytes(range(256)) * (PART_SIZE // 256 + 1000)  # above the part size
    digest = hashlib.sha256(data).hexdigest()
    sealed, length = writer.seal_stream(io.BytesIO(data))
    writer.put_sealed(digest, sealed, len(data))
    sealed.close()
    stored = tmp_path / writer.key(digest)
    assert stored.stat().st_size == length > len(data) and data[:4096] not in stored.read_bytes()
    assert stored.stat().st_mode & 0o777 == 0o600
    reader = Objects.for_reading(store, [fingerprint(str(age_key.to_public()))], "test")
    with reader.opened(digest, len(data)) as plain:
        assert plain.read() == data


def test_a_rotated_key_starts_a_new_keyset(tmp_path, age_key, monkeypatch):
    store = LocalStore(tmp_path)
    first = Objects.for_writing(store)
    first.put(hashlib.sha256(b"x").hexdigest(), b"x")
    monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(x25519.Identity.generate().to_public()))
    second = Objects.for_writing(store)
    assert second.keyset != first.keyset and second.existing() == {}
    assert keyset([]) == "plain"


def test_bytes_that_differ_from_their_name_are_refused(tmp_path):
    store = LocalStore(tmp_path)
    objects = Objects(store, [])
    digest = hashlib.sha256(b"recording").hexdigest()
    objects.put(digest, b"something else")
    with pytest.raises(BackupError, match="bytes differ from the listing"):
        with objects.opened(digest, 9):
            pass
