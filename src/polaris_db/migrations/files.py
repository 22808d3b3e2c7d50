"""Find migration files and refuse anything that does not fit `NNNN_snake_name.sql`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import MigrationFileError
from .statements import split_statements

NAME_PATTERN = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9]+(?:_[a-z0-9]+)*)\.sql$")
# Per-file options in the header, dbmate style: `-- polaris: transaction=false`
OPTION_PATTERN = re.compile(r"^--\s*polaris:\s*(?P<key>[a-z_]+)\s*=\s*(?P<value>\S+)\s*$", re.M)
KNOWN_OPTIONS = {"transaction": {"true", "false"}}
IGNORED_FILES = {".gitkeep", "README.md"}
# What `supabase migration new` writes: a 14-digit timestamp version (20261130120000_name.sql).
TIMESTAMP_PATTERN = re.compile(r"^\d{14}_(?P<name>.+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path
    sql: str = field(repr=False)

    @property
    def filename(self) -> str:
        return self.path.name

    @cached_property
    def statements(self) -> list[str]:
        return split_statements(self.sql)

    @cached_property
    def options(self) -> dict[str, str]:
        header = self.sql[: _header_end(self.sql)]
        return {m["key"]: m["value"] for m in OPTION_PATTERN.finditer(header)}

    @property
    def transactional(self) -> bool:
        return self.options.get("transaction", "true") == "true"

    def line_of(self, offset: int) -> int:
        return self.sql.count("\n", 0, max(0, offset)) + 1


def _header_end(sql: str) -> int:
    """Offset where the leading block of comment lines ends."""
    offset = 0
    for line in sql.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("--"):
            break
        offset += len(line)
    return offset


def discover(directory: Path) -> list[Migration]:
    """All migrations in version order; one bad file stops everything, named in the error."""
    if not directory.is_dir():
        raise MigrationFileError(f"{directory}: migrations folder not found")
    migrations: dict[str, Migration] = {}
    for path in sorted(directory.iterdir()):
        if path.name in IGNORED_FILES:
            continue
        if path.is_dir() or path.suffix != ".sql":
            raise MigrationFileError(f"{path}: unexpected file in the migrations folder (only NNNN_name.sql)")
        match = NAME_PATTERN.match(path.name)
        if not match and TIMESTAMP_PATTERN.match(path.name):
            raise MigrationFileError(_timestamp_hint(path))
        if not match:
            raise MigrationFileError(f"{path}: bad migration name; expected NNNN_snake_case_name.sql")
        version = match["version"]
        if version in migrations:
            raise MigrationFileError(f"{path}: duplicate migration number {version} (also {migrations[version].filename})")
        try:
            sql = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise MigrationFileError(f"{path}: not UTF-8 text") from None
        migration = Migration(version, match["name"], path, sql)
        for key, value in migration.options.items():
            if value not in KNOWN_OPTIONS.get(key, ()):
                raise MigrationFileError(f"{path}: unknown header option 'polaris: {key}={value}'")
        migrations[version] = migration
    return [migrations[v] for v in sorted(migrations)]


def head_version(directory: Path) -> str | None:
    """The newest migration number in the folder (what `smoke.sql` expects a deployed database at), or None."""
    try:
        local = discover(directory)
    except MigrationFileError:
        return None
    return local[-1].version if local else None


def _timestamp_hint(path: Path) -> str:
    """Rename advice for a file named like `supabase migration new` output."""
    numbers = [int(m["version"]) for p in path.parent.iterdir() if (m := NAME_PATTERN.match(p.name))]
    name = re.sub(r"[^a-z0-9]+", "_", TIMESTAMP_PATTERN.match(path.name)["name"].lower()).strip("_") or "name"
    target = f"{max(numbers, default=0) + 1:04d}_{name}.sql"
    return (f"{path}: named like `supabase migration new` output (a timestamp); this repo numbers migrations: "
            f"rename it to {target} (or start with `inv db.new-migration {name}`)")
