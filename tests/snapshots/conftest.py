"""Snapshot fixtures: a production-like database (tests/fixtures/snapshots/production_like.sql on the
migrations and seeds), the masking key, age keys for raw backups and for snapshots."""

from __future__ import annotations

import psycopg
import pytest
from pyrage import x25519

from polaris_db import REPO_ROOT

PRODUCTION_LIKE = REPO_ROOT / "tests" / "fixtures" / "snapshots" / "production_like.sql"
MASK_KEY = "test-mask-key-0123456789"


def load_production_like(url: str, users: int = 300, attempts: int = 3000) -> None:
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(f"set local polaris.users = {int(users)}; set local polaris.attempts = {int(attempts)}")
        conn.execute(PRODUCTION_LIKE.read_text())


@pytest.fixture
def production_url(schema_url):
    load_production_like(schema_url)
    return schema_url


@pytest.fixture(autouse=True)
def snapshot_env(monkeypatch):
    """No ambient keys or stores; a masking key set."""
    for key in ("POLARIS_BACKUP_RECIPIENTS", "POLARIS_BACKUP_IDENTITY", "POLARIS_BACKUP_IDENTITY_FILE",
                "POLARIS_BACKUP_STORE", "POLARIS_SCRATCH_URL", "POLARIS_SNAPSHOT_RECIPIENTS",
                "POLARIS_SNAPSHOT_IDENTITY", "POLARIS_SNAPSHOT_IDENTITY_FILE", "POLARIS_SNAPSHOT_STORE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("POLARIS_MASK_KEY", MASK_KEY)


@pytest.fixture
def keys(monkeypatch):
    """(backup identity, snapshot identity), their variables set."""
    backup, snapshot = x25519.Identity.generate(), x25519.Identity.generate()
    monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(backup.to_public()))
    monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(backup))
    monkeypatch.setenv("POLARIS_SNAPSHOT_RECIPIENTS", str(snapshot.to_public()))
    monkeypatch.setenv("POLARIS_SNAPSHOT_IDENTITY", str(snapshot))
    return backup, snapshot


@pytest.fixture
def scratch_on_test_cluster(cluster, monkeypatch):
    monkeypatch.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
    return cluster
