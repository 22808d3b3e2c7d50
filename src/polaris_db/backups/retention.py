"""Grandfather-father-son retention with reasons: what to keep, and why.

Keep the newest backup of each of the `daily` most recent days that have a backup, of the `weekly`
most recent ISO weeks and of the `monthly` most recent months (UTC); always keep the newest backup
and the newest verified one (a successful `backup-verify`, restore or drill sets `verified_at`).
So at most daily + weekly + monthly + 2 are kept, and pruning twice keeps the same set.

(`rotate-backups` on PyPI is unmaintained and fails to import on Python 3.13; this is the
same policy in a few lines, tested with property-based tests over synthetic timelines.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Hashable

from ..errors import ConfigError
from .fetch import manifests
from .manifest import ARCHIVE_SUFFIX, MANIFEST_SUFFIX
from .store import PARTIAL, Store, age_of, store_errors

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


# -- a store of backups --------------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    file: str
    taken_at: str
    verified: str
    action: str  # keep | delete | deleted
    why: str


def prune(store: Store, *, dry_run: bool, daily: int = DEFAULTS["daily"], weekly: int = DEFAULTS["weekly"],
          monthly: int = DEFAULTS["monthly"], incomplete_after: float = 3600, env: str | None = None) -> list[Decision]:
    """Apply the policy to the store's complete backups; leftovers of interrupted ones go once an hour old.

    Leftovers (never counted as backups): an archive without its manifest, a `*.partial` file, an S3
    multipart upload never completed. Younger than `incomplete_after` they may still be in progress.
    """
    for name, value in (("daily", daily), ("weekly", weekly), ("monthly", monthly)):
        if value < 0:
            raise ConfigError(f"--{name} must be a whole number >= 0, got {value}")
    complete = {n: m for n, m in manifests(store).items() if env is None or m.env == env}  # one env's timeline
    keep = reasons_to_keep([Backup(m.name, m.taken_at, bool(m.verified_at)) for m in complete.values()],
                           daily=daily, weekly=weekly, monthly=monthly)
    gone = "delete" if dry_run else "deleted"
    decisions = []
    with store_errors(store.url):
        for name, manifest in sorted(complete.items()):
            why = keep.get(name)
            if not why and not dry_run:
                store.delete(manifest.file)
                store.delete(name + MANIFEST_SUFFIX)  # last: until then it is still a (doomed) backup
            decisions.append(Decision(manifest.file, f"{manifest.taken_at:%Y-%m-%d %H:%M}",
                                      "yes" if manifest.verified_at else "", "keep" if why else gone,
                                      ", ".join(why or ["beyond retention"])))
        listed = {m.file for m in complete.values()}
        leftovers = [(i.name, i.modified, None) for i in store.items() if i.name not in listed
                     and (i.name.endswith(ARCHIVE_SUFFIX) or i.name.endswith(PARTIAL))
                     and (env is None or i.name.startswith(env + "-"))]
        uploads = [u for u in store.uploads() if env is None or u[0].startswith(env + "-")]
        for name, modified, upload in leftovers + uploads:
            old = age_of(modified) > incomplete_after
            if old and not dry_run:
                store.abort_upload(name, upload) if upload else store.delete(name)
            what = "unfinished upload" if upload else "incomplete backup (no manifest)"
            decisions.append(Decision(name, "", "", gone if old else "keep", what + ("" if old else ": may be in progress")))
    return decisions
