"""Storage fixtures: two real S3 servers on loopback.

  storage_endpoint   moto's server in its own process, playing Supabase Storage (its own buckets only)
  storage            that server reset, POLARIS_STORAGE_S3_* pointing at it; a boto3 client on it
  s3_store           s3://<fresh bucket>/prod on another moto server (in this process), the backup store
  age_key            a fresh age identity as POLARIS_BACKUP_RECIPIENTS / POLARIS_BACKUP_IDENTITY
  run_task           run_task(task, *args, **flags) -> (exit code, stderr line): a task's body in this process
                     (as tests/backups/conftest.py's)
"""

from __future__ import annotations

import http.client
import itertools
import os
import subprocess
import sys
import time
from contextlib import contextmanager
import urllib.request

import pytest
from pyrage import x25519

from polaris_db import REPO_ROOT
from polaris_db.backups.store import open_store
from polaris_db.cluster import free_port_from
from polaris_db.storage import source
from run_dirs import suite_port

_buckets = itertools.count(1)


def _port(offset: int) -> int:
    return free_port_from(suite_port(offset))


MOTO_SERVER = REPO_ROOT / "scripts" / "moto_server.py"  # `python -m moto.server`, faster per request (why: there)


@contextmanager
def moto_server(offset: int):
    """moto's S3 server in its own process (its own buckets; no GIL shared with the code under test)."""
    port = _port(offset)
    server = subprocess.Popen([sys.executable, str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=2).close()
                break
            # HTTPException too: a port in the ephemeral range can connect to itself before moto listens
            # (TCP self-connect), and the "response" read back is the request line.
            except (OSError, http.client.HTTPException):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"moto server on {url} did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def storage_endpoint():
    with moto_server(85) as url:
        yield url


@pytest.fixture
def storage(storage_endpoint, monkeypatch):
    urllib.request.urlopen(urllib.request.Request(storage_endpoint + "/moto-api/reset", method="POST"), timeout=10).close()
    for key, value in {"ENDPOINT": storage_endpoint, "REGION": "us-east-1", "ACCESS_KEY_ID": "storage-test",
                       "SECRET_ACCESS_KEY": "storage-test-secret-value"}.items():
        monkeypatch.setenv(source.PREFIX + key, value)
    return source.client()


@pytest.fixture
def s3_store(s3_env):
    """The backup store in the shared in-process moto (tests/conftest.py). Storage's own server (above) must be a
    server of its own: it is reset, and listed whole."""
    import boto3

    bucket = f"polaris-store-{os.getpid()}-{next(_buckets)}"  # tests/backups' store may share this moto
    boto3.client("s3").create_bucket(Bucket=bucket)
    return open_store(f"s3://{bucket}/prod")


@pytest.fixture
def age_key(monkeypatch):
    identity = x25519.Identity.generate()
    monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(identity.to_public()))
    monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(identity))
    return identity


@pytest.fixture(autouse=True)
def no_ambient_keys(monkeypatch):
    """No developer's keys: Storage's are set empty, so a `.env` that names a real project cannot fill them in."""
    for key in ("POLARIS_BACKUP_RECIPIENTS", "POLARIS_BACKUP_IDENTITY", "POLARIS_BACKUP_IDENTITY_FILE",
                "POLARIS_BACKUP_STORE", "POLARIS_SCRATCH_URL"):
        monkeypatch.delenv(key, raising=False)
    for field in ("ENDPOINT", "REGION", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"):
        monkeypatch.setenv(source.PREFIX + field, "")
