"""The whole path on the embedded default, as an operator types it: reset, backup into the bucket, prune,
drill from the bucket, restore --to local (beside, proven, swapped, the old database kept)."""

import os
import subprocess
import sys

import psycopg

from polaris_db import REPO_ROOT
from polaris_db.server import free_port_from


def test_backup_store_prune_drill_restore_on_the_embedded_default(tmp_path, s3_store, age_key):
    port = free_port_from(int(os.environ.get("POLARIS_TEST_PORT", 55432)) + 40)
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "POLARIS_SCRATCH_URL")}
    env.update(POLARIS_STATE_DIR=str(tmp_path / "state"), POLARIS_PG_PORT=str(port))

    def inv(*args):
        result = subprocess.run([sys.executable, "-m", "invoke", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                                text=True, stdin=subprocess.DEVNULL, timeout=600)
        assert result.returncode == 0, f"{args}: {result.stdout[-1500:]}{result.stderr[-1500:]}"
        assert "postgres:postgres@" not in result.stdout + result.stderr
        return result.stdout

    try:
        inv("db.reset")
        assert "encrypted" in inv("db.backup", "--store", s3_store.url)
        assert "1 kept, 0 deleted" in inv("db.backup-prune", "--store", s3_store.url, "--env", "local")
        assert "restore drill ok" in inv("db.restore-drill", "--file", f"{s3_store.url}/latest",
                                         "--reports", str(tmp_path / "reports"))
        url = f"postgresql://postgres:postgres@127.0.0.1:{port}/postgres"
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
        subprocess.run([sys.executable, "-m", "invoke", "db.stop"], cwd=REPO_ROOT, env=env, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=120)
