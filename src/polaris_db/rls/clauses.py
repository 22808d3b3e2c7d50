"""Which clauses a policy must state, per command: one rule for the catalog audit and lint's PC302.

Reads filter rows (`using`), writes check new rows (`with check`); `update` and `all` need both (we do
not rely on Postgres reusing USING as the check: the written check documents the intent).
"""

from __future__ import annotations

NEEDS = {
    "select": ("using",),
    "delete": ("using",),
    "insert": ("with check",),
    "update": ("using", "with check"),
    "all": ("using", "with check"),
}


def missing_clauses(command: str, *, has_using: bool, has_check: bool) -> list[str]:
    """The clauses a `command` policy needs and lacks, in NEEDS order ("using", "with check")."""
    present = {"using": has_using, "with check": has_check}
    return [clause for clause in NEEDS.get(command, ()) if not present[clause]]
