"""The SQL tree under `<root>/ops`: every SQL file parsed once, grouped by folder, plus a locator
that maps database objects back to the migration statement that defines them (for catalog findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .nodes import defines
from .sqlfile import SqlFile

SUPABASE = Path("ops") / "supabase"
# Folders of SQL the conventions cover. `tests/` holds psql scripts (meta-commands), owned by the RLS suite.
FOLDERS = ("migrations", "policies", "views", "triggers", "seeds")
RELEASE_NOTES = Path("ops") / "docs" / "release-notes.md"


@dataclass(frozen=True)
class Location:
    file: SqlFile
    line: int


@dataclass
class Tree:
    root: Path
    files: dict[str, list[SqlFile]] = field(default_factory=dict)  # folder -> files in name order

    @classmethod
    def load(cls, root: Path) -> "Tree":
        root = Path(root)
        tree = cls(root)
        for folder in FOLDERS:
            directory = root / SUPABASE / folder
            paths = sorted(directory.glob("*.sql")) if directory.is_dir() else []
            tree.files[folder] = [SqlFile.load(p, p.relative_to(root).as_posix()) for p in paths]
        return tree

    def folder(self, name: str) -> list[SqlFile]:
        return self.files.get(name, [])

    @property
    def migrations(self) -> list[SqlFile]:
        return self.folder("migrations")

    def all_files(self) -> list[SqlFile]:
        return [f for folder in FOLDERS for f in self.folder(folder)]

    def schema_files(self) -> list[SqlFile]:
        """Files that define schema (everything but seeds)."""
        return [f for folder in FOLDERS if folder != "seeds" for f in self.folder(folder)]

    @property
    def migrations_dir(self) -> Path:
        return self.root / SUPABASE / "migrations"

    @property
    def seeds_dir(self) -> Path:
        return self.root / SUPABASE / "seeds"

    @property
    def release_notes(self) -> Path:
        return self.root / RELEASE_NOTES

    def locate(self, kind: str, name: str) -> Location | None:
        """Where the migrations define an object: kind is table, column (`schema.table.column`), function,
        view (views and matviews), policy (`schema.table.policy`), bucket, type or schema."""
        return self._locations.get((kind, name))

    def fallback(self) -> Location | None:
        """For findings about the database as a whole: the first line of the last migration."""
        return Location(self.migrations[-1], 1) if self.migrations else None

    @cached_property
    def _locations(self) -> dict[tuple[str, str], Location]:
        found: dict[tuple[str, str], Location] = {}
        for file in self.migrations:
            for statement in file.statements:
                for key, line in _defines(statement.node, file, statement.line):
                    # functions and views: the latest `create or replace` is the definition in force
                    if key not in found or key[0] in ("function", "view"):
                        found[key] = Location(file, line)
        return found


def _defines(node, file: SqlFile, line: int):
    """(kind, name), line for each object a statement creates (policies as `schema.table.policy`)."""
    for kind, name, location in defines(node):
        yield (kind, name), file.line_at(location) if location else line
