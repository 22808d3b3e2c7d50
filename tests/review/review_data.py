"""Fixture numbering for review tests: tests/fixtures/review/<case>/NN_name.sql become HEAD+NN_name.sql."""

import re
import shutil
from pathlib import Path

from polaris_db import MIGRATIONS_DIR, REPO_ROOT
from polaris_db.migrations import discover

FIXTURES = Path(__file__).parents[1] / "fixtures" / "review"
HEAD = int(discover(MIGRATIONS_DIR)[-1].version)


def numbered(n: int) -> str:
    return f"{HEAD + n:04d}"


def _number(text: str, after: int) -> str:
    return re.sub(r"\{(\d\d)\}", lambda m: numbered(int(m[1]) + after), text)


def add_case(root: Path, case: str, after: int = 0) -> int:
    """The case's migrations (numbered after the head, and after `after` files of earlier cases) and release-notes
    entries, added to the tree at `root`; how many migrations it added."""
    files = sorted((FIXTURES / case).glob("*.sql"))
    for path in files:
        number, _, rest = path.name.partition("_")
        (root / "ops" / "supabase" / "migrations" / f"{numbered(int(number) + after)}_{rest}").write_text(
            _number(path.read_text(), after))
    notes = root / "ops" / "docs" / "release-notes.md"
    notes.write_text(notes.read_text() + _number((FIXTURES / case / "release-notes.md").read_text(), after))
    return len(files)


def make_head(root: Path, *cases: str | None) -> Path:
    """This checkout's ops/ copied to `root`, the cases' migrations added one case after the other."""
    shutil.copytree(REPO_ROOT / "ops", root / "ops", ignore=shutil.ignore_patterns("*.pyc"))
    after = 0
    for case in cases:
        if case:
            after += add_case(root, case, after)
    return root
