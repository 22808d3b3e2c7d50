"""Grandfather-father-son retention: keep the newest backup per day, ISO week and month.

(`rotate-backups` on PyPI is unmaintained and fails to import on Python 3.13; this is the
same policy in a few lines.)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


def stamp_of(path: Path) -> datetime:
    return datetime.strptime(path.stem.rsplit("-", 1)[-1], STAMP_FORMAT)


def to_keep(dumps: list[Path], *, daily: int = 7, weekly: int = 4, monthly: int = 12) -> set[Path]:
    newest_first = sorted(dumps, key=stamp_of, reverse=True)
    keep: set[Path] = set()
    buckets = (
        (daily, lambda d: d.date()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    )
    for limit, bucket_of in buckets:
        seen: list[object] = []
        for dump in newest_first:
            bucket = bucket_of(stamp_of(dump))
            if bucket not in seen:
                if len(seen) == limit:
                    break
                seen.append(bucket)
                keep.add(dump)
    return keep
