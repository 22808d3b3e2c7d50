#!/usr/bin/env python3
"""Regenerate only the mirror folders (policies/, views/, triggers/updated_at.sql) from the migrations.

Prefer `inv db.sync`, which also regenerates rls_tests.sql and the TypeScript types. The logic lives
in `polaris_db.lint.mirrors` (the same model PC602 checks). Usage: .venv/bin/python scripts/sync_mirrors.py
"""

from polaris_db import REPO_ROOT
from polaris_db.lint.mirrors import sync_mirrors

if __name__ == "__main__":
    changed, removed = sync_mirrors(REPO_ROOT)
    for path in changed:
        print(f"wrote {path}")
    for path in removed:
        print(f"removed {path}")
    print(f"{len(changed)} written, {len(removed)} removed")
