"""scripts/setup leaves the tree clean: the committed lock is the one npm writes, and uv's pin is one pin."""

import re
import shutil
import subprocess

import pytest

from polaris_db import REPO_ROOT

SETUP = (REPO_ROOT / "scripts" / "setup").read_text()


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_npm_ci_accepts_the_committed_lock(tmp_path):
    """npm 11 refused a lock without the CLI's other-platform packages as out of sync, so setup ran `npm install`,
    which rewrote it (the tree went dirty). `npm ci` never writes the lock; it must accept it."""
    for name in ("package.json", "package-lock.json"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    result = subprocess.run(["npm", "ci", "--dry-run", "--no-audit", "--no-fund", "--loglevel=error"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, "npm ci refuses package-lock.json: commit the lock `npm install` writes\n" + \
        result.stderr[-1500:]
    assert (tmp_path / "package-lock.json").read_text() == (REPO_ROOT / "package-lock.json").read_text()


def test_setup_uses_npm_ci_and_uv():
    assert re.search(r"^\s*npm ci\b", SETUP, re.M), "npm install rewrites the lock; npm ci never does"
    assert re.search(r'"\$uv" pip install\b', SETUP) and re.search(r'"\$uv" venv\b', SETUP)
    assert re.search(r"^\s*\.venv/bin/python -m compileall .* src tests", SETUP, re.M)


def test_uv_is_pinned_once():
    """scripts/setup bootstraps the same uv that the dev group installs for nox's uv backend."""
    bootstrap = re.search(r"^uv_version=(\S+)", SETUP, re.M).group(1)
    pinned = re.search(r'"uv==([^"]+)"', (REPO_ROOT / "pyproject.toml").read_text()).group(1)
    assert bootstrap == pinned
