"""Review fixtures: a head tree (this checkout's ops/ plus a fixture case's migrations and release notes, numbered
after the head) and a store whose newest prod manifest says how large production's tables are.

  head_tree(case) -> root      tests/fixtures/review/<case>/NN_name.sql become HEAD+NN_name.sql ({NN} in the text too)
  prod_store(counts) -> store  a folder store holding one prod backup of a schema database, its row counts replaced
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from polaris_db import REPO_ROOT
from polaris_db.backups.dump import take_backup
from polaris_db.backups.manifest import MANIFEST_SUFFIX
from polaris_db.backups.store import open_store
from review_data import add_case


@pytest.fixture
def head_tree(tmp_path):
    def make(case: str | None) -> Path:
        root = tmp_path / f"head-{case}"
        shutil.copytree(REPO_ROOT / "ops", root / "ops", ignore=shutil.ignore_patterns("*.pyc"))
        if case:
            add_case(root, case)
        return root

    return make


@pytest.fixture
def prod_store(schema_url, tmp_path):
    def make(counts: dict[str, int]):
        store = open_store(str(tmp_path / "store" / "prod"))
        manifest = take_backup(schema_url, "prod", store, encrypt=False)
        manifest.row_counts = {**manifest.row_counts, **counts}
        store.put(manifest.name + MANIFEST_SUFFIX, manifest.to_bytes())
        return store

    return make


@pytest.fixture
def scratch_here(cluster, monkeypatch):
    monkeypatch.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
    return cluster
