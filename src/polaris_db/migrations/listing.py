"""Rows for `db.migration-list`: every version, local and in the database, with drift marked."""

from __future__ import annotations

from .plan import Plan


def migration_records(plan: Plan) -> list[dict[str, object]]:
    """One record per version (`--json`): in the files, in the database, name, status and drift reason."""
    local = {m.version: m for m in plan.local}
    applied = {a.version: a for a in plan.applied}
    drift = {d.version: d for d in plan.drift}
    records = []
    for version in sorted(set(local) | set(applied)):
        name = local[version].name if version in local else (applied[version].name or "")
        status = "drift" if version in drift else "applied" if version in applied else "pending"
        records.append({"version": version, "local": version in local, "remote": version in applied, "name": name,
                        "status": status, "drift": drift[version].reason if version in drift else None,
                        "drift_kind": drift[version].kind if version in drift else None})
    return records


def migration_rows(plan: Plan) -> list[tuple[str, str, str, str]]:
    rows = []
    for record in migration_records(plan):
        status = f"DRIFT: {record['drift']}" if record["drift"] else record["status"]
        version = record["version"]
        rows.append((version if record["local"] else "", version if record["remote"] else "", record["name"], status))
    return rows
