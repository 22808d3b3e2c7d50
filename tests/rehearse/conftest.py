"""Rehearsal fixtures: a production-like database backed up once per session.

  s3_store, age_key   as in tests/backups (moto's S3 server, an age identity)
  small_backup   (store, manifest): a verified, unencrypted backup of `rh_small` (8k rows, ~6.8k attempts: 1.4 MB) in a
                 folder store, env "prod"; tests flag it with a lower row threshold (5k rows) instead of growing it
                 past the default 100k (the default itself is checked against the same measurements)
  scratch_here   POLARIS_SCRATCH_URL at the test cluster: rehearsal databases go there (scratch_module: the same
                 for a module-scoped rehearsal that several tests read)
  pending        pending(case) -> a migrations folder: the repo's files plus tests/rehearse/fixtures/<case>
                 (NN_name.sql, numbered after the head: rehearse_data.numbered)

The 1M-row figures are measured by scripts/bench_rehearse.py (README).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import psycopg
import pytest

from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import mark_verified
from polaris_db.backups.store import open_store
from polaris_db.database import clone_database
from rehearse_data import fill_database, release

FIXTURES = Path(__file__).parent / "fixtures"
# The S3 store and age keys of tests/backups (on tests/conftest.py's moto server), shared, not copied.
_spec = importlib.util.spec_from_file_location("backups_fixtures", Path(__file__).parents[1] / "backups" / "conftest.py")
_backups = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_backups)
s3_store, age_key = _backups.s3_store, _backups.age_key


def _verified_backup(cluster, schema_template, tmp_path_factory, name: str, rows: int):
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        clone_database(conn, schema_template, name, strategy="file_copy")
    fill_database(cluster.url(name), rows)
    store = open_store(str(tmp_path_factory.mktemp(f"{name}-store") / "prod"))
    manifest = take_backup(cluster.url(name), "prod", store, encrypt=False)
    mark_verified(store, manifest)
    return store, manifest


@pytest.fixture(scope="session")
def small_backup(cluster, schema_template, tmp_path_factory):
    return _verified_backup(cluster, schema_template, tmp_path_factory, "rh_small", 8_000)


def _scratch(cluster, monkeypatch):
    monkeypatch.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
    for key in ("SUPABASE_PROD_URL", "SUPABASE_STAGING_URL", "POLARIS_BACKUP_STORE", "DATABASE_URL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr("polaris_db.rehearse.run.load_environment", lambda: None)  # no developer .env
    monkeypatch.setattr("polaris_db.config.load_environment", lambda: None)
    return cluster


@pytest.fixture
def scratch_here(cluster, monkeypatch):
    return _scratch(cluster, monkeypatch)


@pytest.fixture(scope="module")
def scratch_module(cluster):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield _scratch(cluster, monkeypatch)


@pytest.fixture
def pending(tmp_path):
    def make(case: str) -> Path:
        folder = tmp_path / f"migrations-{case}"
        release(FIXTURES / case, folder)
        return folder

    return make
