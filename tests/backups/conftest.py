"""Backup fixtures: a real S3 server on loopback (moto's standalone server), age keys, scratch databases.

  s3_store    s3://<fresh bucket>/prod on the session's ThreadedMotoServer, AWS_* variables set
  age_key     a fresh age identity; POLARIS_BACKUP_RECIPIENTS / POLARIS_BACKUP_IDENTITY set to it
  scratch_on_test_cluster   POLARIS_SCRATCH_URL at the test cluster (tasks put scratch databases there)
  run_task    run_task(task, *args, **flags) -> (exit code, stderr line): a task's body in this process, as `inv`
              runs it once its flags are parsed (for checks whose CLI form another test already runs through inv)
"""

from __future__ import annotations

import itertools
import os

import pytest
from pyrage import x25519

from polaris_db.backups.store import open_store

_buckets = itertools.count(1)


@pytest.fixture
def s3_store(s3_env):
    import boto3

    bucket = f"polaris-backups-{os.getpid()}-{next(_buckets)}"
    boto3.client("s3").create_bucket(Bucket=bucket)
    return open_store(f"s3://{bucket}/prod")


@pytest.fixture
def age_key(monkeypatch):
    identity = x25519.Identity.generate()
    monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(identity.to_public()))
    monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(identity))
    monkeypatch.delenv("POLARIS_BACKUP_IDENTITY_FILE", raising=False)
    return identity


@pytest.fixture(autouse=True)
def no_ambient_keys(monkeypatch):
    """Tests start without the developer's backup keys or store."""
    for key in ("POLARIS_BACKUP_RECIPIENTS", "POLARIS_BACKUP_IDENTITY", "POLARIS_BACKUP_IDENTITY_FILE",
                "POLARIS_BACKUP_STORE", "POLARIS_SCRATCH_URL"):
        monkeypatch.delenv(key, raising=False)
    for field in ("ENDPOINT", "REGION", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"):  # empty: `.env` cannot fill them in
        monkeypatch.setenv("POLARIS_STORAGE_S3_" + field, "")


@pytest.fixture
def scratch_on_test_cluster(cluster, monkeypatch):
    monkeypatch.setenv("POLARIS_SCRATCH_URL", cluster.url("postgres"))
    return cluster
