"""The whole path on the embedded default, as an operator types it: reset, backup into the bucket, prune,
drill from the bucket, restore --to local (beside, proven, swapped, the old database kept)."""

import os
import subprocess
import sys

import psycopg
import pytest

from polaris_db import REPO_ROOT
from polaris_db.cluster import Cluster, free_port_from
from run_inv import inv as run_inv
from run_dirs import suite_port


def test_backup_store_prune_drill_restore_on_the_embedded_default(tmp_path, cluster_dir, s3_store, age_key):
    state = cluster_dir("backups-end-to-end")  # a killed run's server there is stopped first
    env = {"POLARIS_SCRATCH_URL": "",  # scratch databases on the embedded cluster, as an operator's are
           "POLARIS_STATE_DIR": str(state),
           "POLARIS_PG_PORT": str(free_port_from(suite_port(40)))}

    def inv(*args):
        result = run_inv(*args, env=env, timeout=600)
        assert result.returncode == 0, f"{args}: {result.stdout[-1500:]}{result.stderr[-1500:]}"
        assert "postgres:postgres@" not in result.stdout + result.stderr
        return result.stdout

    try:
        inv("db.reset")
        assert "encrypted" in inv("db.backup", "--store", s3_store.url)
        names = [item.name for item in s3_store.items()]  # the pair, nothing else (no Storage files configured)
        assert len(names) == 2 and names[0].endswith(".backup") and names[1].endswith(".json"), names
        assert "1 kept, 0 deleted" in inv("db.backup-prune", "--store", s3_store.url, "--env", "local")
        assert "restore drill ok" in inv("db.restore-drill", "--file", f"{s3_store.url}/latest",
                                         "--reports", str(tmp_path / "reports"))
        embedded = Cluster(root=state / "postgres")
        url = embedded.url(port=embedded.running_port())  # the port it runs on, whatever it was given
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("delete from public.drills")  # the incident
        out = inv("db.restore", "--file", f"{s3_store.url}/latest", "--to", "local", "--yes")
        assert "tables match the manifest" in out and "kept as postgres_before_" in out
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("select count(*) > 0 from public.drills").fetchone() == (True,)
            kept = conn.execute("select datname from pg_database where datname like 'postgres_before_%'").fetchall()
            assert len(kept) == 1
            assert conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone() == (False,)
    finally:
        Cluster(root=state / "postgres").stop()  # what `inv db.stop` does with this POLARIS_STATE_DIR


def test_swap_waits_out_autovacuum_and_names_foreign_sessions(empty_url, cluster, connect, tmp_path):
    """The rename as non-superuser: our own sessions are closed; another role's session is named, nothing lost."""
    from polaris_db.backups.dump import take_backup
    from polaris_db.backups.fetch import fetched
    from polaris_db.backups.store import LocalStore
    from polaris_db.backups.targets import restore_beside
    from polaris_db.errors import BackupError

    store = LocalStore(tmp_path)
    manifest = take_backup(empty_url, "local", store)
    admin = psycopg.connect(cluster.admin_url("postgres"), autocommit=True)
    admin.execute("drop database if exists swap_target with (force)")
    admin.execute("create database swap_target owner postgres")
    own = connect(cluster.url("swap_target"))  # our role: closed for the swap
    foreign = psycopg.connect(cluster.admin_url("swap_target"), autocommit=True)  # the superuser's: not ours to close
    try:
        with pytest.raises(BackupError, match=r"other sessions are connected \(supabase_admin x 1\).*swap_target is unchanged, the proven copy is swap_target_restoring"):
            with fetched(store, manifest.name) as (archive, proven):
                restore_beside(archive, proven, cluster.url("swap_target"))
    finally:
        foreign.close()
    names = {d for (d,) in admin.execute("select datname from pg_database where datname like 'swap_target%'")}
    assert "swap_target" in names
    with fetched(store, manifest.name) as (archive, proven):
        replaced = restore_beside(archive, proven, cluster.url("swap_target"))
    assert replaced.previous and replaced.previous.startswith("swap_target_before_")
    with pytest.raises(psycopg.OperationalError):  # our own session was closed for the swap
        own.execute("select 1")
    admin.close()
