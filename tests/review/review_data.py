"""Fixture numbering for review tests: tests/fixtures/review/<case>/NN_name.sql become HEAD+NN_name.sql."""

import re
from pathlib import Path

from polaris_db import MIGRATIONS_DIR
from polaris_db.migrations import discover

FIXTURES = Path(__file__).parents[1] / "fixtures" / "review"
HEAD = int(discover(MIGRATIONS_DIR)[-1].version)


def numbered(n: int) -> str:
    return f"{HEAD + n:04d}"


def _number(text: str) -> str:
    return re.sub(r"\{(\d\d)\}", lambda m: numbered(int(m[1])), text)


def add_case(root: Path, case: str) -> None:
    """The case's migrations (numbered after the head) and release-notes entries, added to the tree at `root`."""
    for path in sorted((FIXTURES / case).glob("*.sql")):
        number, _, rest = path.name.partition("_")
        (root / "ops" / "supabase" / "migrations" / f"{numbered(int(number))}_{rest}").write_text(
            _number(path.read_text()))
    notes = root / "ops" / "docs" / "release-notes.md"
    notes.write_text(notes.read_text() + _number((FIXTURES / case / "release-notes.md").read_text()))
