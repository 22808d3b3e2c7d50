"""`inv db.snapshot` end to end on a production-like backup: verified, masked, encrypted to the snapshot key only,
0 surviving originals; then `inv db.reset --from-snapshot` and `inv db.rehearse --snapshot` on it (one snapshot,
made as an operator makes it; the raw backup is made once per module and only read)."""

from __future__ import annotations

import psycopg
import pytest
from invoke import Context, Exit

from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched, load, mark_verified
from polaris_db.backups.keys import fingerprint
from polaris_db.backups.retention import prune
from polaris_db.backups.store import LocalStore
from polaris_db.backups.targets import prove_in_scratch
from polaris_db.errors import BackupError, ConfigError
from polaris_db.snapshots.make import make_snapshot
from polaris_db.snapshots.use import split_snapshot_ref
from polaris_db.tasks.snapshot import snapshot as snapshot_task
from run_inv import inv


@pytest.fixture(scope="module")
def raw_store(cluster, production_template, key_pair, tmp_path_factory):
    """A verified, encrypted raw backup of the production-like database (as the nightly backup.yml leaves it);
    the tests only read it."""
    backup, _ = key_pair
    store = LocalStore(tmp_path_factory.mktemp("raw"))
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("POLARIS_BACKUP_RECIPIENTS", str(backup.to_public()))
        monkeypatch.setenv("POLARIS_BACKUP_IDENTITY", str(backup))
        manifest = take_backup(cluster.url(production_template), "prod", store)
        with fetched(store, manifest.name) as (archive, proven):
            assert prove_in_scratch(archive, proven, cluster.url("raw_verify")).ok
    mark_verified(store, manifest)
    return store


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


def test_snapshot_is_masked_encrypted_verified_listed_then_reset_and_rehearsed_as_an_operator_types_them(
        raw_store, keys, cluster, tmp_path, monkeypatch):
    (source,) = [i.name.removesuffix(".json") for i in raw_store.items() if i.name.endswith(".json")]
    snapshots = tmp_path / "snapshots"
    env = {"POLARIS_SCRATCH_URL": cluster.url("postgres"), "POLARIS_MASK_KEY": "test-mask-key-0123456789",
           "POLARIS_SNAPSHOT_RECIPIENTS": str(keys[1].to_public()), "POLARIS_SNAPSHOT_IDENTITY": str(keys[1]),
           "POLARIS_BACKUP_IDENTITY": str(keys[0])}
    made = inv("db.snapshot", "--env", "prod", "--from", raw_store.url, "--to", str(snapshots), "--jobs", "1", env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "leak check:" in made.stdout and ", 0 found" in made.stdout and "verified" in made.stdout
    assert "NOT verified" not in made.stdout
    assert "auth.users.email" in made.stdout  # the per-column table: sampled, found
    # masked, encrypted to the snapshot key only, verified, listed
    store = LocalStore(snapshots)
    m = load(store, split_snapshot_ref(f"{store.url}/latest")[1])
    assert m.kind == "snapshot" and m.env == "prod_snapshot" and m.encryption == "age"
    assert m.recipients == [fingerprint(str(keys[1].to_public()))]  # the snapshot key, not the backup key
    assert m.snapshot["source"] == source and m.snapshot["masked_columns"] > 40
    assert f"from {source}: {m.snapshot['masked_columns']} columns masked" in made.stdout
    assert m.snapshot["leak_check"]["survivors"] == 0 and m.snapshot["leak_check"]["probes"] > 300
    assert m.verified_at
    decisions = prune(store, dry_run=True, env="prod_snapshot")
    assert [(d.file, d.action) for d in decisions] == [(m.file, "keep")]
    monkeypatch.delenv("POLARIS_SNAPSHOT_IDENTITY")  # the backup key alone does not open a snapshot
    with pytest.raises(ConfigError, match="set POLARIS_SNAPSHOT_IDENTITY"):
        with fetched(store, m.name):
            pass
    # a developer resets from it (the snapshot key only) and finds no original in it
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
        admin.execute("drop database if exists dev_local with (force)")
        admin.execute("create database dev_local")
    developer = {"POLARIS_SCRATCH_URL": cluster.url("postgres"), "POLARIS_SNAPSHOT_IDENTITY": str(keys[1])}  # no backup key
    reset = inv("db.reset", "--from-snapshot", f"{snapshots}/latest", "--yes", url=cluster.url("dev_local"), env=developer)
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert "reset local from prod_snapshot-" in reset.stdout and "pending migration(s) applied" in reset.stdout
    with psycopg.connect(cluster.url("dev_local"), autocommit=True) as conn:
        assert conn.execute("select count(*), count(*) filter (where email like '%@example.com') from auth.users").fetchone() == (300, 300)
        assert conn.execute("select count(*) from auth.users where email like '%@gmail.com'").fetchone() == (0,)
        assert conn.execute("select count(*) from public.attempts where response like '%Santos%'").fetchone() == (0,)
        assert conn.execute("select count(*) from public.attempts").fetchone()[0] >= 3000
    rehearsal = inv("db.rehearse", "--env", "prod", "--snapshot", "--from", str(snapshots), "--checks", "none",
                    "--jobs", "1", "--report", str(tmp_path / "rehearse.md"), env=developer)
    assert rehearsal.returncode == 0, rehearsal.stdout + rehearsal.stderr
    assert "prod_snapshot-" in (tmp_path / "rehearse.md").read_text()
    raw = inv("db.reset", "--from-snapshot", f"{raw_store.url}/latest", "--yes", url=cluster.url("dev_local"), env=developer)
    assert raw.returncode == 2 and "no masked snapshot there" in raw.stderr
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
        for (name,) in admin.execute("select datname from pg_database where datname like 'dev_local%'").fetchall():
            admin.execute(f"drop database {name} with (force)")


def test_a_missing_key_is_one_line_and_exit_2(tmp_path, monkeypatch):
    """The task body in-process: invoke prints the Exit's message on stderr and exits with its code (db.snapshot
    through `inv`: the operator test above)."""
    monkeypatch.setenv("POLARIS_MASK_KEY", "")
    with pytest.raises(Exit) as caught:
        snapshot_task(Context(), env="prod", from_=str(tmp_path))
    assert caught.value.code == 2
    assert str(caught.value.message).splitlines() == [
        "error: POLARIS_MASK_KEY must be set to a secret of at least 16 characters (the masking key: one per "
        "environment, kept like the backup key; ops/supabase/backup.md)"]
