"""Rows for `db.migration-list`: every version, local and in the database, with drift marked."""

from __future__ import annotations

from .migrations import Plan


def migration_rows(plan: Plan) -> list[tuple[str, str, str, str]]:
    local = {m.version: m for m in plan.local}
    applied = {a.version: a for a in plan.applied}
    drift = {d.version: d.reason for d in plan.drift}
    rows = []
    for version in sorted(set(local) | set(applied)):
        name = local[version].name if version in local else (applied[version].name or "")
        if version in drift:
            status = "DRIFT: " + drift[version]
        elif version in applied:
            status = "applied"
        else:
            status = "pending"
        rows.append((version if version in local else "", version if version in applied else "", name, status))
    return rows
