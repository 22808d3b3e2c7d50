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


ENTRY = re.compile(r"^\[\[(table|view|function|bucket)\]\]\n", re.M)


def keep_matrix_entries(root: Path, *names: str) -> None:
    """The head tree's access matrix cut to the entries of `names` (its [users] kept): for a review whose access
    assertions are about those objects only (the whole matrix runs in test_review.py's shared review)."""
    path = root / "ops" / "supabase" / "tests" / "access_matrix.toml"
    text = path.read_text()
    starts = [m.start() for m in ENTRY.finditer(text)]
    blocks = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    kept = [b for b in blocks if re.search(r'^name = "([^"]+)"', b, re.M)[1] in names]
    assert len(kept) == len(names), f"{path}: no entry for some of {names}"
    path.write_text(text[:starts[0]] + "".join(kept))
