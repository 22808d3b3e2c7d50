"""A throwaway database (`lint_<pid>_<hex>`) beside a server URL: platform shim, migrations, seeds.

Built with the migration engine (`polaris_db.migrations.migrate`), so catalog rules see exactly what a
deploy would build. A migration or seed that fails becomes a PC001 finding instead of an exception.
"""

from __future__ import annotations

import os
import re
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import psycopg

from .. import database
from ..database import connection
from ..errors import DriftError, MigrationFailed, MigrationFileError
from ..migrations import migrate
from ..migrations.seeds import run_seeds
from .base import Finding
from .tree import Tree

PREFIX = "lint_"
APPLY_RULE = "PC001"
_WHERE = re.compile(r"^(?P<path>\S+?\.sql)(?::(?P<line>\d+))?: (?P<message>.*)$", re.S)


@dataclass
class Scratch:
    url: str
    conn: psycopg.Connection
    seeded: bool


def _failure(tree: Tree, error: Exception, stage: str) -> Finding:
    """Turn the engine's `path:line: message` errors into a finding with a tree-relative path."""
    text = str(error)
    match = _WHERE.match(text)
    if match:
        path = Path(match["path"])
        try:
            rel = path.resolve().relative_to(tree.root).as_posix()
        except ValueError:
            rel = path.as_posix()
        return Finding(rel, int(match["line"] or 1), APPLY_RULE, f"{stage} failed: {match['message']}")
    fallback = tree.fallback()
    return Finding(fallback.file.rel if fallback else "ops/supabase/migrations", 1, APPLY_RULE, f"{stage} failed: {text}")


@contextmanager
def scratch_database(server_url: str, tree: Tree) -> Iterator[tuple[Scratch | None, list[Finding]]]:
    """Yield (scratch, findings); scratch is None when the migrations did not apply. Always dropped."""
    with database.scratch_database(server_url, f"{PREFIX}{os.getpid()}_{secrets.token_hex(3)}", shim=True) as url, \
            connection(url) as conn:
        try:
            migrate(conn, tree.migrations_dir)
        except (MigrationFailed, MigrationFileError, DriftError) as error:
            yield None, [_failure(tree, error, "migration")]
            return
        findings, seeded = [], False
        if tree.folder("seeds"):
            try:
                run_seeds(conn, tree.seeds_dir)
                seeded = True
            except (MigrationFailed, MigrationFileError) as error:
                findings.append(_failure(tree, error, "seed"))
        yield Scratch(url, conn, seeded), findings
