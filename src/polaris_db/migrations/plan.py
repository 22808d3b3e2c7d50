"""What to apply and what has drifted: a pure function of local files and the applied history.

Drift comes in four kinds, each with its own fix: an applied file edited afterwards (`edited`), a
different file under an applied number (`replaced`), an applied version whose file is gone
(`missing`), and an unapplied file older than the head (`out_of_order`). On the local database an
unreleased migration (not yet on git's `main`, which deploys) is iterated on: there the fix is
`inv db.reset`, not a new migration.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Callable

from .files import Migration
from .history import AppliedMigration

RELEASE_REF = "main"  # pushing to main deploys to production: a file on main is released


@dataclass(frozen=True)
class Drift:
    version: str
    reason: str
    kind: str = "edited"  # edited | replaced | missing | out_of_order
    migration: Migration | None = field(default=None, compare=False, repr=False)  # the local file, if any

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
            applied_as = f"{row.version}_{row.name}.sql" if row.name else f"version {row.version}"
            plan.drift.append(Drift(row.version, f"applied as {applied_as} but the file no longer exists locally",
                                    "missing"))
        elif row.name is not None and row.name != migration.name:
            plan.drift.append(Drift(row.version, f"{migration.filename} is a different file under the applied number "
                                                 f"{row.version} (applied as {row.version}_{row.name}.sql)",
                                    "replaced", migration))
        elif row.statements is not None and row.statements != migration.statements:
            plan.drift.append(Drift(row.version, f"{migration.filename} changed after it was applied", "edited",
                                    migration))
    head = max(applied_versions, default="")
    for migration in local:
        if migration.version in applied_versions:
            continue
        if migration.version < head:
            plan.drift.append(Drift(migration.version, f"{migration.filename} is not applied but is older than the "
                                                       f"database head {head}", "out_of_order", migration))
        plan.pending.append(migration)
    return plan


def released(migration: Migration) -> bool | None:
    """Whether git's main branch holds this file (None when git cannot tell: no repository, no main)."""
    folder = migration.path.parent
    try:
        known = subprocess.run(["git", "rev-parse", "--verify", "-q", RELEASE_REF], cwd=folder, capture_output=True,
                               timeout=10, stdin=subprocess.DEVNULL)
        if known.returncode != 0:
            return None
        found = subprocess.run(["git", "cat-file", "-e", f"{RELEASE_REF}:./{migration.filename}"], cwd=folder,
                               capture_output=True, timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found.returncode == 0


def advice(drift: Drift, *, local: bool, is_released: Callable[[Migration], bool | None] = released) -> str:
    """What to do about one drifted version. `local`: the target is a developer's own database."""
    state = is_released(drift.migration) if local and drift.migration is not None else True
    if local and state is False:  # an unreleased migration, edited or renumbered while iterating
        return "an unreleased migration changed while you iterate: `inv db.reset` rebuilds local from the files"
    either = " (if it is not on main yet, `inv db.reset` rebuilds local instead)" if local and state is None else ""
    if drift.kind == "edited":
        return "never edit an applied migration: restore the file and add a new migration" + either
    if drift.kind == "replaced":
        return ("an applied number is taken: restore the applied file and give the new one the next number "
                "(`inv db.new-migration`)" + either)
    if drift.kind == "missing":
        restore = "restore the file from git: applied migrations are never deleted"
        return restore + ("; or `inv db.reset` if it was never released" if local else "")
    return ("give it a number after the head (rename the file)"
            + ("; or `inv db.reset` to apply everything in order locally" if local else ""))


def describe_drift(plan: Plan, *, local: bool = False,
                   is_released: Callable[[Migration], bool | None] = released) -> str:
    """One line for the error, naming every drifted version and what to do about it."""
    return "migration history drift: " + "; ".join(
        f"{d} ({advice(d, local=local, is_released=is_released)})" for d in plan.drift)


def counts(plan: Plan) -> dict[str, int]:
    """Applied, pending and drifted versions, for the summary line and `--json`."""
    return {"applied": len(plan.applied), "pending": len(plan.pending), "drifted": len(plan.drift)}


def summary(plan: Plan) -> str:
    return ", ".join(f"{n} {key}" for key, n in counts(plan).items())
