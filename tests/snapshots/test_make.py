"""`inv db.snapshot` end to end on a production-like backup: verified, masked, encrypted to the snapshot key only,
0 surviving originals; then `inv db.reset --from-snapshot` and `inv db.rehearse --snapshot` on it."""

from __future__ import annotations

import psycopg
import pytest

from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched, mark_verified
from polaris_db.backups.keys import fingerprint
from polaris_db.backups.retention import prune
from polaris_db.backups.store import LocalStore
from polaris_db.backups.targets import prove_in_scratch
from polaris_db.errors import BackupError, ConfigError
from polaris_db.snapshots.make import make_snapshot
from polaris_db.snapshots.use import split_snapshot_ref
from run_inv import inv


@pytest.fixture
def raw_store(production_url, keys, tmp_path):
    """A verified, encrypted raw backup of the production-like database (as the nightly backup.yml leaves it)."""
    store = LocalStore(tmp_path / "raw")
    manifest = take_backup(production_url, "prod", store)
    with fetched(store, manifest.name) as (archive, proven):
        assert prove_in_scratch(archive, proven, production_url.rsplit("/", 1)[0] + "/raw_verify").ok
    mark_verified(store, manifest)
    return store


def test_snapshot_is_masked_encrypted_verified_and_listed(raw_store, keys, scratch_on_test_cluster, tmp_path, monkeypatch):
    snapshots = LocalStore(tmp_path / "snapshots")
    run = make_snapshot("prod", raw_store, snapshots)
    m = run.manifest
    assert m.kind == "snapshot" and m.env == "prod_snapshot" and m.encryption == "age"
    assert m.recipients == [fingerprint(str(keys[1].to_public()))]  # the snapshot key, not the backup key
    assert m.snapshot["source"] == run.source and m.snapshot["masked_columns"] == run.masked.masked_columns > 40
    assert m.snapshot["leak_check"]["survivors"] == 0 and m.snapshot["leak_check"]["probes"] > 300
    assert run.verified and m.verified_at
    assert split_snapshot_ref(f"{snapshots.url}/latest")[1] == m.name
    with fetched(snapshots, m.name) as (archive, proven):
        url = scratch_on_test_cluster.url("snap_look")
        assert prove_in_scratch(archive, proven, url, keep=True).ok
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("select count(*) from auth.users where email like '%@gmail.com'").fetchone() == (0,)
        assert conn.execute("select count(*) from auth.users where email like '%@example.com'").fetchone() == (300,)
        assert conn.execute("select count(*) from public.attempts where response like '%Santos%'").fetchone() == (0,)
        assert conn.execute("select count(*) from public.attempts").fetchone()[0] >= 3000
    with psycopg.connect(scratch_on_test_cluster.url("postgres"), autocommit=True) as admin:
        admin.execute("drop database snap_look with (force)")
    decisions = prune(snapshots, dry_run=True, env="prod_snapshot")
    assert [(d.file, d.action) for d in decisions] == [(m.file, "keep")]
    monkeypatch.delenv("POLARIS_SNAPSHOT_IDENTITY")  # the backup key alone does not open a snapshot
    with pytest.raises(ConfigError, match="set POLARIS_SNAPSHOT_IDENTITY"):
        with fetched(snapshots, m.name):
            pass


def test_a_raw_backup_is_never_taken_for_a_snapshot(raw_store, keys):
    name = next(i.name for i in raw_store.items() if i.name.endswith(".json")).removesuffix(".json")
    with pytest.raises(ConfigError, match="is a raw backup, not a masked snapshot"):
        split_snapshot_ref(f"{raw_store.url}/{name}")
    with pytest.raises(ConfigError, match="no masked snapshot there"):
        split_snapshot_ref(f"{raw_store.url}/latest")


def test_without_the_masking_key_nothing_is_fetched(raw_store, keys, monkeypatch, tmp_path):
    monkeypatch.delenv("POLARIS_MASK_KEY")
    with pytest.raises(ConfigError, match="POLARIS_MASK_KEY must be set"):
        make_snapshot("prod", raw_store, LocalStore(tmp_path / "snapshots"))


def test_snapshot_reset_and_rehearse_as_an_operator_types_them(raw_store, keys, cluster, tmp_path):
    snapshots = tmp_path / "snapshots"
    env = {"POLARIS_SCRATCH_URL": cluster.url("postgres"), "POLARIS_MASK_KEY": "test-mask-key-0123456789",
           "POLARIS_SNAPSHOT_RECIPIENTS": str(keys[1].to_public()), "POLARIS_SNAPSHOT_IDENTITY": str(keys[1]),
           "POLARIS_BACKUP_IDENTITY": str(keys[0])}
    made = inv("db.snapshot", "--env", "prod", "--from", raw_store.url, "--to", str(snapshots), env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "leak check:" in made.stdout and ", 0 found" in made.stdout and "verified" in made.stdout
    assert "auth.users.email" in made.stdout  # the per-column table: sampled, found
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
        admin.execute("drop database if exists dev_local with (force)")
        admin.execute("create database dev_local")
    developer = {"POLARIS_SCRATCH_URL": cluster.url("postgres"), "POLARIS_SNAPSHOT_IDENTITY": str(keys[1])}  # no backup key
    reset = inv("db.reset", "--from-snapshot", f"{snapshots}/latest", "--yes", url=cluster.url("dev_local"), env=developer)
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert "reset local from prod_snapshot-" in reset.stdout and "pending migration(s) applied" in reset.stdout
    with psycopg.connect(cluster.url("dev_local"), autocommit=True) as conn:
        assert conn.execute("select count(*), count(*) filter (where email like '%@example.com') from auth.users").fetchone() == (300, 300)
    rehearsal = inv("db.rehearse", "--env", "prod", "--snapshot", "--from", str(snapshots), "--checks", "none",
                    "--report", str(tmp_path / "rehearse.md"), env=developer)
    assert rehearsal.returncode == 0, rehearsal.stdout + rehearsal.stderr
    assert "prod_snapshot-" in (tmp_path / "rehearse.md").read_text()
    raw = inv("db.reset", "--from-snapshot", f"{raw_store.url}/latest", "--yes", url=cluster.url("dev_local"), env=developer)
    assert raw.returncode == 2 and "no masked snapshot there" in raw.stderr
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
        for (name,) in admin.execute("select datname from pg_database where datname like 'dev_local%'").fetchall():
            admin.execute(f"drop database {name} with (force)")


def test_a_missing_key_is_one_line_and_exit_2(tmp_path):
    result = inv("db.snapshot", "--env", "prod", "--from", str(tmp_path), env={"POLARIS_MASK_KEY": ""})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: POLARIS_MASK_KEY must be set to a secret of at least 16 characters (the masking key: one per "
        "environment, kept like the backup key; ops/supabase/backup.md)"]
