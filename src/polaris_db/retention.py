"""Grandfather-father-son retention with reasons: what to keep, and why.

Keep the newest backup of each of the `daily` most recent days that have a backup, of the `weekly`
most recent ISO weeks and of the `monthly` most recent months (UTC); always keep the newest backup
and the newest verified one (a successful `backup-verify`, restore or drill sets `verified_at`).
So at most daily + weekly + monthly + 2 are kept, and pruning twice keeps the same set.

(`rotate-backups` on PyPI is unmaintained and fails to import on Python 3.13; this is the
same policy in a few lines, tested with property-based tests over synthetic timelines.)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Hashable

from .manifest import PARTIAL, Manifest

DEFAULTS = {"daily": 7, "weekly": 4, "monthly": 3}


@dataclass(frozen=True)
class Backup:
    name: str
    taken_at: datetime
    verified: bool = False


def _day(t: datetime) -> str:
    return f"daily {t:%Y-%m-%d}"


def _week(t: datetime) -> str:
    year, week, _ = t.isocalendar()
    return f"weekly {year}-W{week:02d}"


def _month(t: datetime) -> str:
    return f"monthly {t:%Y-%m}"


def reasons_to_keep(backups: list[Backup], *, daily: int = DEFAULTS["daily"], weekly: int = DEFAULTS["weekly"],
                    monthly: int = DEFAULTS["monthly"]) -> dict[str, list[str]]:
    """name -> why it is kept, for every backup that is kept (the others may go)."""
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.name), reverse=True)
    keep: dict[str, list[str]] = {}
    if not newest_first:
        return keep
    keep[newest_first[0].name] = ["newest"]
    verified = [b for b in newest_first if b.verified]
    if verified:
        keep.setdefault(verified[0].name, []).append("last verified")
    bucketings: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = ((daily, _day), (weekly, _week), (monthly, _month))
    for limit, bucket_of in bucketings:
        seen: set[str] = set()
        for backup in newest_first:
            bucket = bucket_of(backup.taken_at)
            if bucket in seen:
                continue
            if len(seen) == limit:
                break
            seen.add(bucket)
            keep.setdefault(backup.name, []).append(bucket)
    return keep


# -- a folder of backups -------------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    file: str
    taken_at: str
    verified: str
    action: str  # keep | delete | deleted
    why: str


def prune(directory: Path, *, dry_run: bool, daily: int = DEFAULTS["daily"], weekly: int = DEFAULTS["weekly"],
          monthly: int = DEFAULTS["monthly"], incomplete_after: float = 3600) -> list[Decision]:
    """Apply the policy to `<dir>/*.json` + `*.dump`; leftovers of interrupted backups go once an hour old."""
    manifests = {path: Manifest.load(path) for path in sorted(directory.glob("*.json"))}
    backups = [Backup(m.file, m.taken_at, bool(m.verified_at)) for m in manifests.values()]
    keep = reasons_to_keep(backups, daily=daily, weekly=weekly, monthly=monthly)
    gone = "delete" if dry_run else "deleted"
    decisions = []
    for path, manifest in manifests.items():
        why = keep.get(manifest.file)
        if not why and not dry_run:
            (directory / manifest.file).unlink(missing_ok=True)
            path.unlink()
        decisions.append(Decision(manifest.file, f"{manifest.taken_at:%Y-%m-%d %H:%M}", "yes" if manifest.verified_at else "",
                                  "keep" if why else gone, ", ".join(why or ["beyond retention"])))
    listed = {m.file for m in manifests.values()}
    for path in sorted(directory.glob("*.dump")) + sorted(directory.glob("*" + PARTIAL)):
        if path.name in listed:
            continue
        old = time.time() - path.stat().st_mtime > incomplete_after
        if old and not dry_run:
            path.unlink()
        decisions.append(Decision(path.name, "", "", gone if old else "keep",
                                  "incomplete backup (no manifest)" + ("" if old else ": may be in progress")))
    return decisions
