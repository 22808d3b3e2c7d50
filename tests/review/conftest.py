"""Review fixtures: a head tree (this checkout's ops/ plus fixture cases' migrations and release notes, numbered
after the head), a store whose newest prod manifest says how large production's tables are, and a verified masked
snapshot of prod. The stores only are read: one per session.

  head_tree(*cases) -> root   tests/fixtures/review/<case>/NN_name.sql become HEAD+NN_name.sql ({NN} in the text
                              too), the cases one after the other
  prod_store                  a folder store holding one prod backup of a schema database, public.attempts counted
                              at 12M rows
  snapshot_store              (store, manifest, key): a verified snapshot of prod encrypted to `key` (not set in
                              the environment: a test that restores it sets POLARIS_SNAPSHOT_IDENTITY)
  scratch_module              POLARIS_SCRATCH_URL on the suite's cluster for a module's shared review
"""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
from pyrage import x25519

from polaris_db import REPO_ROOT
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import mark_verified
from polaris_db.backups.manifest import MANIFEST_SUFFIX
from polaris_db.backups.store import open_store
from polaris_db.database import scratch_database
from review_data import make_head

PRODUCTION_LIKE = REPO_ROOT / "tests" / "fixtures" / "snapshots" / "production_like.sql"


@pytest.fixture
def head_tree(tmp_path):
    def make(*cases: str | None) -> Path:
        return make_head(tmp_path / f"head-{'-'.join(map(str, cases))}", *cases)

    return make


@pytest.fixture(scope="session")
def prod_store(cluster, schema_template, tmp_path_factory):
    with scratch_database(cluster.url("postgres"), f"review_prod_{os.getpid()}", template=schema_template,
                          strategy="file_copy") as url:
        store = open_store(str(tmp_path_factory.mktemp("review-store") / "prod"))
        manifest = take_backup(url, "prod", store, encrypt=False)
    manifest.row_counts = {**manifest.row_counts, "public.attempts": 12_000_000}
    store.put(manifest.name + MANIFEST_SUFFIX, manifest.to_bytes())
    return store


@pytest.fixture(scope="session")
def snapshot_store(cluster, schema_template, tmp_path_factory):
    """A small verified snapshot of prod (kind `snapshot`, encrypted to a snapshot key): the production-like rows of
    tests/snapshots (masking is `db.snapshot`'s concern, tested there)."""
    key = x25519.Identity.generate()
    with pytest.MonkeyPatch.context() as env, \
            scratch_database(cluster.url("postgres"), f"review_snap_{os.getpid()}", template=schema_template,
                             strategy="file_copy") as url:
        env.setenv("POLARIS_SNAPSHOT_RECIPIENTS", str(key.to_public()))
        with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
            conn.execute("set local polaris.users = 60; set local polaris.attempts = 1500")
            conn.execute(PRODUCTION_LIKE.read_text())
        store = open_store(str(tmp_path_factory.mktemp("review-snapshots")))
        manifest = take_backup(url, "prod_snapshot", store, encrypt=True, kind="snapshot", about={"source": "test"})
    mark_verified(store, manifest)
    return store, manifest, key


@pytest.fixture
def scratch_here(cluster, monkeypatch):
    monkeypatch.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
    return cluster


@pytest.fixture(scope="module")
def scratch_module(cluster):
    with pytest.MonkeyPatch.context() as env:
        env.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
        env.delenv("POLARIS_SNAPSHOT_IDENTITY", raising=False)
        yield env
