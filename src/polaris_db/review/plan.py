"""The migrations a pull request adds or changes, against a base that is a git ref or a migrations folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Iterator

from .. import REPO_ROOT
from ..errors import ConfigError
from ..migrations import Migration, discover
from ..migrations.statements import code_offset, statement_spans

MIGRATIONS = "ops/supabase/migrations"
NOTES = "ops/docs/release-notes.md"
GIT_TIMEOUT = 60


@dataclass
class Plan:
    base: str  # what the base is, as given
    base_dir: Path
    base_migrations: list[Migration]
    added: list[Migration] = field(default_factory=list)  # new files, applied on top of the base
    edited: list[Migration] = field(default_factory=list)  # files of the base whose statements changed
    notes: dict[str, str] = field(default_factory=dict)  # version -> its release-notes entry (markdown)

    @property
    def changed(self) -> list[Migration]:
        return sorted(self.added + self.edited, key=lambda m: m.version)


@contextmanager
def base_migrations(base: str, root: Path = REPO_ROOT) -> Iterator[Path]:
    """`base` as a folder of migrations: itself when it is a folder, else the ref's `ops/supabase/migrations`."""
    if Path(base).is_dir():
        yield Path(base)
        return
    try:
        archive = subprocess.run(["git", "archive", "--format=tar", base, MIGRATIONS], cwd=root, capture_output=True,
                                 timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ConfigError(f"--base {base}: git archive failed ({error})") from None
    if archive.returncode != 0:
        reason = (archive.stderr.decode(errors="replace").strip().splitlines() or ["unknown ref"])[-1]
        raise ConfigError(f"--base {base}: not a folder, and git cannot read {MIGRATIONS} there: {reason}")
    folder = Path(tempfile.mkdtemp(prefix="polaris-review-base-"))
    try:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        yield folder / MIGRATIONS
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def release_notes(text: str) -> dict[str, str]:
    """`## NNNN_name` sections of the release notes, by version."""
    sections = re.split(r"^## (?=\d{4}_)", text, flags=re.M)[1:]
    return {section[:4]: "## " + section.strip() for section in sections}


def make_plan(base: str, base_dir: Path, head_dir: Path, notes_path: Path) -> Plan:
    base_files = discover(base_dir)
    by_version = {m.version: m for m in base_files}
    plan = Plan(base, base_dir, base_files)
    for migration in discover(head_dir):
        old = by_version.get(migration.version)
        if old is None:
            plan.added.append(migration)
        elif old.statements != migration.statements or old.name != migration.name:
            plan.edited.append(migration)
    notes = release_notes(notes_path.read_text(encoding="utf-8")) if notes_path.is_file() else {}
    plan.notes = {m.version: notes[m.version] for m in plan.changed if m.version in notes}
    return plan


def statements(migration: Migration) -> list[tuple[int, str]]:
    """(line, statement) of a file, comments before each statement left out."""
    return [(migration.line_of(offset + code_offset(text)), text[code_offset(text):].strip())
            for offset, text in statement_spans(migration.sql)]
