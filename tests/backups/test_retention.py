"""GFS retention: exact kept sets on fixed timelines, properties on generated ones, the folder-level prune."""

import os
import time
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

import pytest

from polaris_db.backups.manifest import Manifest
from polaris_db.backups.retention import Backup, prune, reasons_to_keep
from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError, ConfigError
from run_inv import inv

START = datetime(2026, 1, 1, tzinfo=timezone.utc)


def every_6_hours(days, verified=()):
    times = [START + timedelta(hours=6 * i) for i in range(days * 4)]
    return [Backup(f"prod-{t:%Y%m%dT%H%M%SZ}.dump", t, t.strftime("%m%d%H") in verified) for t in times]


# -- exact expected sets -------------------------------------------------------------------------
def test_exact_set_after_100_days_of_6_hourly_backups():
    keep = reasons_to_keep(every_6_hours(100), daily=7, weekly=4, monthly=3)  # 2026-01-01 .. 2026-04-10
    assert keep == {
        "prod-20260410T180000Z.dump": ["newest", "daily 2026-04-10", "weekly 2026-W15", "monthly 2026-04"],
        "prod-20260409T180000Z.dump": ["daily 2026-04-09"],
        "prod-20260408T180000Z.dump": ["daily 2026-04-08"],
        "prod-20260407T180000Z.dump": ["daily 2026-04-07"],
        "prod-20260406T180000Z.dump": ["daily 2026-04-06"],
        "prod-20260405T180000Z.dump": ["daily 2026-04-05", "weekly 2026-W14"],
        "prod-20260404T180000Z.dump": ["daily 2026-04-04"],
        "prod-20260329T180000Z.dump": ["weekly 2026-W13"],
        "prod-20260322T180000Z.dump": ["weekly 2026-W12"],
        "prod-20260331T180000Z.dump": ["monthly 2026-03"],
        "prod-20260228T180000Z.dump": ["monthly 2026-02"],
    }


def test_last_verified_survives_beyond_every_bucket():
    backups = every_6_hours(100, verified={"011506"})  # verified once, on 15 January
    keep = reasons_to_keep(backups)
    assert keep["prod-20260115T060000Z.dump"] == ["last verified"]
    assert len(keep) == 12


def test_only_the_newest_verified_counts():
    keep = reasons_to_keep(every_6_hours(100, verified={"011506", "020100"}))
    assert "prod-20260115T060000Z.dump" not in keep
    assert keep["prod-20260201T000000Z.dump"] == ["last verified"]


def test_nothing_to_prune_when_few():
    backups = every_6_hours(1)[:1]
    assert reasons_to_keep(backups) == {backups[0].name: ["newest", "daily 2026-01-01", "weekly 2026-W01", "monthly 2026-01"]}
    assert reasons_to_keep([]) == {}


def test_zero_limits_keep_only_newest_and_last_verified():
    backups = every_6_hours(30, verified={"011000"})
    assert reasons_to_keep(backups, daily=0, weekly=0, monthly=0) == {
        "prod-20260130T180000Z.dump": ["newest"], "prod-20260110T000000Z.dump": ["last verified"]}


# -- properties over synthetic timelines -----------------------------------------------------------
timelines = st.lists(
    st.tuples(st.integers(min_value=0, max_value=400 * 24 * 60), st.booleans()),  # minutes after START, verified?
    max_size=120, unique_by=lambda pair: pair[0],
).map(lambda pairs: [Backup(f"b{minutes:07d}", START + timedelta(minutes=minutes), verified) for minutes, verified in pairs])
limits = st.integers(min_value=0, max_value=10)


def kept(backups, d, w, m):
    return set(reasons_to_keep(backups, daily=d, weekly=w, monthly=m))


@settings(max_examples=300, deadline=None)
@given(timelines, limits, limits, limits)
def test_properties(backups, d, w, m):
    keep = kept(backups, d, w, m)
    by_name = {b.name: b for b in backups}
    assert keep <= set(by_name)
    assert len(keep) <= d + w + m + 2
    if backups:
        assert max(backups, key=lambda b: b.taken_at).name in keep  # the newest
    verified = [b for b in backups if b.verified]
    if verified:
        assert max(verified, key=lambda b: b.taken_at).name in keep  # the last verified
    # pruning twice keeps the same set
    assert kept([by_name[n] for n in keep], d, w, m) == keep
    # every kept daily/weekly/monthly bucket is held by the newest backup of that bucket
    for name, why in reasons_to_keep(backups, daily=d, weekly=w, monthly=m).items():
        for reason in why:
            kind, _, bucket = reason.partition(" ")
            if kind in ("daily", "weekly", "monthly"):
                members = [b for b in backups if _bucket(kind, b.taken_at) == bucket]
                assert max(members, key=lambda b: b.taken_at).name == name


@settings(max_examples=200, deadline=None)
@given(timelines, limits)
def test_daily_keeps_one_per_most_recent_days(backups, d):
    days = sorted({b.taken_at.date() for b in backups}, reverse=True)[:d]
    daily = {n for n, why in reasons_to_keep(backups, daily=d, weekly=0, monthly=0).items()
             if any(r.startswith("daily") for r in why)}
    assert sorted({by.taken_at.date() for by in backups if by.name in daily}, reverse=True) == days
    assert len(daily) == len(days)


def _bucket(kind, t):
    if kind == "daily":
        return f"{t:%Y-%m-%d}"
    if kind == "weekly":
        year, week, _ = t.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{t:%Y-%m}"


# -- the store -------------------------------------------------------------------------------------
def write_backup(store, taken, verified=False):
    """A synthetic backup pair in the store (retention reads only manifests and listings)."""
    name = f"prod-{taken:%Y%m%dT%H%M%SZ}"
    store.put(name + ".backup", b"POLARIS-BACKUP 1\n")
    manifest = Manifest(env="prod", created_at=f"{taken:%Y%m%dT%H%M%SZ}", file=name + ".backup", bytes=5, sha256="x",
                        server_version="17.4", migration_head="0029", schemas=[], row_counts={},
                        verified_at=taken.isoformat() if verified else None)
    store.put(name + ".json", manifest.to_bytes())
    return name + ".backup"


def stored(store, suffix):
    return {item.name for item in store.items() if item.name.endswith(suffix)}


def test_prune_bucket_dry_run_then_for_real(s3_store):
    names = [write_backup(s3_store, START + timedelta(days=i), verified=(i == 3)) for i in range(40)]
    expected = {n.removesuffix(".backup") for n in reasons_to_keep(
        [Backup(n.removesuffix(".backup"), START + timedelta(days=i), i == 3) for i, n in enumerate(names)])}
    decisions = prune(s3_store, dry_run=True)
    assert {d.file.removesuffix(".backup") for d in decisions if d.action == "keep"} == expected
    assert len(stored(s3_store, ".backup")) == 40  # dry run deletes nothing
    assert next(d for d in decisions if d.file == names[3]).why == "last verified"
    prune(s3_store, dry_run=False)
    assert stored(s3_store, ".backup") == {n + ".backup" for n in expected}
    assert stored(s3_store, ".json") == {n + ".json" for n in expected}
    assert [d.action for d in prune(s3_store, dry_run=False)] == ["keep"] * len(expected)  # idempotent


def test_prune_cleans_unfinished_uploads_and_never_counts_them(s3_store):
    import boto3

    write_backup(s3_store, START)
    client = boto3.client("s3")
    client.put_object(Bucket=s3_store.bucket, Key=s3_store.prefix + "prod-20260301T000000Z.backup", Body=b"half")  # no manifest
    upload = client.create_multipart_upload(Bucket=s3_store.bucket, Key=s3_store.prefix + "prod-20260302T000000Z.backup")
    young = {d.file: d for d in prune(s3_store, dry_run=False, incomplete_after=600)}  # maybe still in progress
    assert young["prod-20260301T000000Z.backup"].action == "keep" and "may be in progress" in young["prod-20260301T000000Z.backup"].why
    assert young["prod-20260302T000000Z.backup"].why.startswith("unfinished upload")  # (moto dates uploads 2010: old)
    assert young["prod-20260101T000000Z.backup"].why.startswith("newest")  # the half archive is not "newest"
    old = {d.file: d for d in prune(s3_store, dry_run=False, incomplete_after=-1)}
    assert old["prod-20260301T000000Z.backup"].action == "deleted"
    assert stored(s3_store, ".backup") == {"prod-20260101T000000Z.backup"} and s3_store.uploads() == []
    assert upload["UploadId"]


def test_prune_removes_stale_partial_files_in_a_folder(tmp_path):
    store = LocalStore(tmp_path)
    write_backup(store, START)
    stale = tmp_path / "prod-20251201T000000Z.backup.partial"
    stale.write_bytes(b"PGD")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    decisions = {d.file: d for d in prune(store, dry_run=False)}
    assert decisions[stale.name].action == "deleted" and not stale.exists()


def inv_prune(*args):
    return inv("db.backup-prune", *args)


def test_prune_task_prints_what_it_keeps_and_why(tmp_path):
    for i in range(20):
        write_backup(LocalStore(tmp_path), START + timedelta(days=i), verified=(i == 2))
    result = inv_prune("--store", str(tmp_path), "--dry-run", "--daily", "3", "--weekly", "1", "--monthly", "1")
    assert result.returncode == 0, result.stderr
    rows = {line.split("|")[0].strip(): line for line in result.stdout.splitlines() if "prod-" in line}
    assert "newest, daily 2026-01-20, weekly 2026-W04, monthly 2026-01" in rows["prod-20260120T000000Z.backup"]
    assert "last verified" in rows["prod-20260103T000000Z.backup"]
    assert "| delete " in rows["prod-20260110T000000Z.backup"] and "beyond retention" in rows["prod-20260110T000000Z.backup"]
    assert result.stdout.strip().endswith("4 kept, 16 to delete (dry run)")  # 3 daily, newest, last verified
    assert len(list(tmp_path.glob("*.backup"))) == 20


STRAYS = {"notes.json": '{"hello": 1}', "prod-20260105T000000Z.json": "{not json"}


def test_prune_bad_input_is_one_error_line(tmp_path):
    """The CLI contract for a store prune cannot read (exit 7, one line, nothing deleted); bad flags below. (Its
    exit-2 line through the CLI: test_fetch's missing bucket; --daily/--weekly/--monthly: the task test above.)"""
    write_backup(LocalStore(tmp_path), START)
    (tmp_path / "notes.json").write_text(STRAYS["notes.json"])
    result = inv_prune("--store", str(tmp_path))
    assert result.returncode == 7, result.stderr
    assert result.stderr.startswith("error: ") and "notes.json: not a backup manifest" in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert len(list(tmp_path.glob("*.backup"))) == 1
    with pytest.raises(BackupError, match="not a backup manifest"):
        prune(LocalStore(tmp_path), dry_run=True)


@pytest.mark.parametrize("value, option, message", [
    ("abc", "daily", "--daily must be a whole number, got 'abc'"),
    ("-1", "weekly", "--weekly must be >= 0, got -1"),
])
def test_a_bad_limit_is_a_bad_flag(value, option, message):
    """db.backup-prune parses --daily/--weekly/--monthly with the task's _whole (exit 2 before the store is read)."""
    from polaris_db.tasks.backup import _whole

    with pytest.raises(ConfigError) as error:
        _whole(value, option)
    assert (str(error.value), error.value.exit_code) == (message, 2)


def test_a_manifest_that_is_not_json_stops_the_prune(tmp_path):
    """What db.backup-prune prints as `error: ...` (BackupError: exit 7); nothing is deleted."""
    write_backup(LocalStore(tmp_path), START)
    (tmp_path / "prod-20260105T000000Z.json").write_text(STRAYS["prod-20260105T000000Z.json"])
    with pytest.raises(BackupError, match=r"not a backup manifest \(invalid JSON") as error:
        prune(LocalStore(tmp_path), dry_run=False)
    assert error.value.exit_code == 7 and "\n" not in str(error.value)
    assert len(list(tmp_path.glob("*.backup"))) == 1


def test_prune_with_env_leaves_other_environments_alone(tmp_path):
    """One store, two timelines: pruning prod never counts or deletes a local backup."""
    store = LocalStore(tmp_path)
    for i in range(10):
        write_backup(store, START + timedelta(days=i))
    store.put("local-20260201T000000Z.backup", b"x")
    store.put("local-20260201T000000Z.json", Manifest(
        env="local", created_at="20260201T000000Z", file="local-20260201T000000Z.backup", bytes=1, sha256="x",
        server_version="18", migration_head=None, schemas=[], row_counts={}).to_bytes())
    decisions = {d.file: d for d in prune(store, dry_run=False, daily=1, weekly=0, monthly=0, env="prod")}
    assert "local-20260201T000000Z.backup" not in decisions and (tmp_path / "local-20260201T000000Z.json").exists()
    assert decisions["prod-20260110T000000Z.backup"].why.startswith("newest")  # not pushed out by the newer local one
    assert stored(store, ".backup") == {"prod-20260110T000000Z.backup", "local-20260201T000000Z.backup"}
