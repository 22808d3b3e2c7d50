"""GFS retention keeps the newest backup per day, ISO week and month."""

from datetime import datetime, timedelta
from pathlib import Path

from polaris_db.retention import to_keep


def backups_every_6_hours(days):
    start = datetime(2026, 1, 1)
    return [Path(f"prod-{(start + timedelta(hours=6 * i)):%Y%m%dT%H%M%SZ}.dump") for i in range(days * 4)]


def test_keeps_newest_per_bucket():
    dumps = backups_every_6_hours(100)  # 2026-01-01 .. 2026-04-10
    keep = to_keep(dumps, daily=7, weekly=4, monthly=3)
    names = sorted(p.name for p in keep)
    assert "prod-20260410T180000Z.dump" in names  # newest overall
    assert "prod-20260410T120000Z.dump" not in names  # same day, older
    assert "prod-20260331T180000Z.dump" in names  # newest of March
    assert "prod-20260228T180000Z.dump" in names  # newest of February
    assert "prod-20260131T180000Z.dump" not in names  # fourth month back: beyond monthly=3
    assert len(keep) <= 7 + 4 + 3


def test_nothing_to_prune_when_few():
    dumps = backups_every_6_hours(1)[:1]
    assert to_keep(dumps) == set(dumps)
