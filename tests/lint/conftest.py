"""Fixtures for the lint tests: the test run's server for scratch databases, fixture trees, the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from polaris_db import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "lint"


@pytest.fixture
def lint_fixtures() -> Path:
    """tests/fixtures/lint: rules/<ID>/{fire,quiet}/ trees, clean/ (passes everything), squawk/, noqa/..."""
    return FIXTURES


@pytest.fixture
def server_url(cluster) -> str:
    """Scratch databases (lint_*) are created beside this URL on the test run's own server."""
    return cluster.url("postgres")


@pytest.fixture
def tree_copy(tmp_path):
    """copy(source_root) -> a writable copy of source_root/ops under tmp_path, returns the new root."""

    def copy(source_root: Path) -> Path:
        root = tmp_path / "tree"
        shutil.copytree(source_root / "ops", root / "ops")
        return root

    return copy


@pytest.fixture
def lint_cli():
    """lint_cli(*args) runs `python -m polaris_db.lint ...`: what `nox -s conventions` and `inv db.lint` run."""

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "polaris_db.lint", *args], capture_output=True, text=True,
                              cwd=REPO_ROOT, stdin=subprocess.DEVNULL, timeout=600)

    return run
