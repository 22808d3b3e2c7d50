"""Snapshot fixtures: a production-like database (tests/fixtures/snapshots/production_like.sql on the
migrations and seeds, loaded once into a template; production_url is a fresh copy), the masking key, age keys
for raw backups and for snapshots (one pair per module)."""

from __future__ import annotations

import itertools

import psycopg
import pytest
from pyrage import x25519

from polaris_db import REPO_ROOT
from polaris_db.database import scratch_database

PRODUCTION_LIKE = REPO_ROOT / "tests" / "fixtures" / "snapshots" / "production_like.sql"
MASK_KEY = "test-mask-key-0123456789"
_copies = itertools.count(1)


def load_production_like(url: str, users: int = 300, attempts: int = 3000) -> None:
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(f"set local polaris.users = {int(users)}; set local polaris.attempts = {int(attempts)}")
        conn.execute(PRODUCTION_LIKE.read_text())


def _template(cluster, schema_template, name: str, users: int, attempts: int):
    with scratch_database(cluster.url("postgres"), name, template=schema_template, strategy="file_copy") as url:
        load_production_like(url, users, attempts)
        yield name


def _copy(cluster, template: str):
    name = f"t9{next(_copies):03d}"  # the per-test databases' pattern (tests/conftest.py), a range of its own
    with scratch_database(cluster.url("postgres"), name, template=template, strategy="file_copy") as url:
        yield url


@pytest.fixture(scope="session")
def production_template(cluster, schema_template) -> str:
    """The production-like database (300 learners, 3000 attempts), loaded once: tests change copies of it."""
    yield from _template(cluster, schema_template, "tpl_production_like", 300, 3000)


@pytest.fixture(scope="session")
def small_production_template(cluster, schema_template) -> str:
    """The same with 40 learners and 400 attempts: for tests about how masking works, not about how much."""
    yield from _template(cluster, schema_template, "tpl_production_small", 40, 400)


@pytest.fixture
def production_url(cluster, production_template):
    """A fresh copy of the production-like database (the test may change it)."""
    yield from _copy(cluster, production_template)


@pytest.fixture
def small_production_url(cluster, small_production_template):
    yield from _copy(cluster, small_production_template)


@pytest.fixture(autouse=True)
def snapshot_env(monkeypatch):
    """No ambient keys or stores; a masking key set."""
    for key in ("POLARIS_BACKUP_RECIPIENTS", "POLARIS_BACKUP_IDENTITY", "POLARIS_BACKUP_IDENTITY_FILE",
                "POLARIS_BACKUP_STORE", "POLARIS_SCRATCH_URL", "POLARIS_SNAPSHOT_RECIPIENTS",
                "POLARIS_SNAPSHOT_IDENTITY", "POLARIS_SNAPSHOT_IDENTITY_FILE", "POLARIS_SNAPSHOT_STORE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("POLARIS_MASK_KEY", MASK_KEY)


@pytest.fixture(scope="module")
def key_pair():
    """(backup identity, snapshot identity) of the module."""
    return x25519.Identity.generate(), x25519.Identity.generate()


def set_keys(monkeypatch, backup, snapshot) -> None:
    monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(backup.to_public()))
    monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(backup))
    monkeypatch.setenv("POLARIS_SNAPSHOT_RECIPIENTS", str(snapshot.to_public()))
    monkeypatch.setenv("POLARIS_SNAPSHOT_IDENTITY", str(snapshot))


@pytest.fixture
def keys(key_pair, monkeypatch):
    """(backup identity, snapshot identity): the module's pair, their variables set."""
    set_keys(monkeypatch, *key_pair)
    return key_pair
