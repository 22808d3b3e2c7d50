"""Fixture numbering for review tests: tests/fixtures/review/<case>/NN_name.sql become HEAD+NN_name.sql."""

from polaris_db import MIGRATIONS_DIR
from polaris_db.migrations import discover

HEAD = int(discover(MIGRATIONS_DIR)[-1].version)


def numbered(n: int) -> str:
    return f"{HEAD + n:04d}"
