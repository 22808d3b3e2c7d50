"""ops/supabase/README.md, the team's guide: its SQL examples parse, and it teaches the author loop."""

import re

import pglast

from polaris_db import OPS_DIR

GUIDE = OPS_DIR / "README.md"


def test_guide_sql_examples_parse():
    blocks = re.findall(r"```sql\n(.*?)```", GUIDE.read_text(), re.S)
    assert len(blocks) >= 4
    for block in blocks:
        pglast.parse_sql(block)


def test_guide_covers_the_workflow_and_the_patterns():
    text = GUIDE.read_text()
    for needle in ("inv db.sync", "inv db.check", "is_admin()", "security definer", "auth.uid()",
                   "refresh materialized view concurrently", "PC701"):
        assert needle in text, needle
    unsafe, safe = text.split("-- Safe:", 1)
    assert "p_user uuid" in unsafe.rsplit("-- Unsafe:", 1)[1] and "p_user" not in safe
