"""What to apply and what has drifted: a pure function of local files and the applied history."""

from __future__ import annotations

from dataclasses import dataclass, field

from .files import Migration
from .history import AppliedMigration


@dataclass(frozen=True)
class Drift:
    version: str
    reason: str

    def __str__(self) -> str:
        return f"{self.version}: {self.reason}"


@dataclass
class Plan:
    local: list[Migration]
    applied: list[AppliedMigration]
    pending: list[Migration] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)

    @property
    def head(self) -> str | None:
        return self.applied[-1].version if self.applied else None


def make_plan(local: list[Migration], applied: list[AppliedMigration]) -> Plan:
    plan = Plan(local, applied)
    by_version = {m.version: m for m in local}
    applied_versions = {a.version for a in applied}
    for row in applied:
        migration = by_version.get(row.version)
        if migration is None:
            plan.drift.append(Drift(row.version, f"applied as {row.version}_{row.name}.sql but the file no longer exists locally"))
        elif row.statements is not None and row.statements != migration.statements:
            plan.drift.append(Drift(row.version, f"{migration.filename} changed after it was applied"))
    head = max(applied_versions, default="")
    for migration in local:
        if migration.version in applied_versions:
            continue
        if migration.version < head:
            plan.drift.append(Drift(migration.version, f"{migration.filename} is not applied but is older than the database head {head}"))
        plan.pending.append(migration)
    return plan


def describe_drift(plan: Plan) -> str:
    """One line for the error, naming every drifted version."""
    return "migration history drift: " + "; ".join(str(d) for d in plan.drift)
