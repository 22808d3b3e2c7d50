"""`db.new-migration NAME`: the next file from the header template, plus a release-notes stub."""

from __future__ import annotations

import re
from pathlib import Path

from .. import MIGRATIONS_DIR, REPO_ROOT
from ..errors import ConfigError
from .files import discover

RELEASE_NOTES = REPO_ROOT / "ops" / "docs" / "release-notes.md"
NAME_RULE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

TEMPLATE = """\
-- migration: {version}_{name}
-- purpose: TODO one line on what this adds and why
-- rollback: TODO how to undo it (a follow-up migration; we never edit applied files)
--
-- Rules (checked by `nox -s conventions`): idempotent forms (if not exists / create or replace),
-- RLS with using + with check on user-scoped tables, comments on every table and column,
-- an index per foreign key. Add `-- polaris: transaction=false` above only for statements
-- that cannot run in a transaction (create index concurrently; then drop the `local`s below).
-- Fill in the release-notes entry too (PC701 rejects the TODO stub), then `inv db.sync && inv db.check`.

-- Fail fast instead of queueing behind a lock on a busy table (squawk requires both).
set local lock_timeout = '5s';
set local statement_timeout = '120s';

"""

NOTES_STUB = """
## {version}_{name}

- Adds: TODO
- Rollback: TODO
"""


def create_migration(name: str, directory: Path = MIGRATIONS_DIR, notes: Path = RELEASE_NOTES) -> Path:
    if not NAME_RULE.match(name):
        raise ConfigError(f"migration name {name!r} must be snake_case: lowercase letters, digits, underscores")
    existing = discover(directory)
    version = f"{int(existing[-1].version) + 1 if existing else 1:04d}"
    path = directory / f"{version}_{name}.sql"
    path.write_text(TEMPLATE.format(version=version, name=name), encoding="utf-8")
    if notes.exists():
        with notes.open("a", encoding="utf-8") as handle:
            handle.write(NOTES_STUB.format(version=version, name=name))
    return path
