"""Derived files, regenerated in one go (`inv db.sync`), and the CI checks in one command (`inv db.check`).

Derived from the migrations and the access matrix: the mirror folders (policies/, views/,
triggers/updated_at.sql), `ops/supabase/tests/rls_tests.sql` and `src/types/database.types.ts`. The
script and the types are read from one throwaway database built at head (shim, migrations, seeds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import REPO_ROOT
from .database import connection
from .errors import PolarisError
from .lint.mirrors import sync_mirrors
from .lint.tree import SUPABASE
from .rls.matrix import load
from .rls.render import render
from .rls.suite import fresh_database
from .typegen import generate

CHECK_TIMEOUT = 3600  # seconds for the whole CI set (a few minutes warm)


def _write(path: Path, content: str, root: Path, changed: list[str]) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        changed.append(path.relative_to(root).as_posix())


def sync_all(server_url: str, root: Path = REPO_ROOT) -> tuple[list[str], list[str]]:
    """Regenerate every derived file under `root`; returns (changed, removed) paths relative to it."""
    changed, removed = sync_mirrors(root)
    tests = root / SUPABASE / "tests"
    script = tests / "rls_tests.sql"
    with fresh_database(server_url) as scratch:
        with connection(scratch) as conn:
            _write(script, render(load(tests / "access_matrix.toml"), conn, script.with_name(script.name + ".head")),
                   root, changed)
        _write(root / "src" / "types" / "database.types.ts", generate(scratch), root, changed)
    return changed, removed


def ci_command() -> list[str]:
    """`nox` with no session arguments: its default set is exactly what CI runs."""
    return [sys.executable, "-m", "nox"]


def run_ci(root: Path = REPO_ROOT) -> int:
    try:
        return subprocess.run(ci_command(), cwd=root, stdin=subprocess.DEVNULL, timeout=CHECK_TIMEOUT).returncode
    except subprocess.TimeoutExpired:
        raise PolarisError(f"nox did not finish within {CHECK_TIMEOUT}s") from None
