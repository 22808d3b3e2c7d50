"""Storage S3 configuration: on when configured, `--storage` demands it, half a configuration is refused."""

import pytest

from polaris_db.errors import ConfigError
from polaris_db.storage import source


def test_off_without_keys_and_refused_when_demanded():
    assert source.wanted(False, False) is False
    with pytest.raises(ConfigError, match="--storage needs POLARIS_STORAGE_S3_ENDPOINT"):
        source.wanted(True, False)


def test_on_by_default_with_keys_and_skipped_on_request(storage):
    assert source.wanted(False, False) is True
    assert source.wanted(False, True) is False
    with pytest.raises(ConfigError, match="contradict"):
        source.wanted(True, True)


def test_half_a_configuration_is_refused_naming_what_is_missing(monkeypatch):
    monkeypatch.setenv("POLARIS_STORAGE_S3_ENDPOINT", "https://ref.storage.supabase.co/storage/v1/s3")
    with pytest.raises(ConfigError, match="set POLARIS_STORAGE_S3_ACCESS_KEY_ID, POLARIS_STORAGE_S3_SECRET_ACCESS_KEY too"):
        source.configured()


def test_the_endpoint_recorded_carries_no_credentials(monkeypatch):
    monkeypatch.setenv("POLARIS_STORAGE_S3_ENDPOINT", "https://user:secret@ref.storage.supabase.co:443/storage/v1/s3")
    assert source.endpoint() == "https://ref.storage.supabase.co:443/storage/v1/s3"
