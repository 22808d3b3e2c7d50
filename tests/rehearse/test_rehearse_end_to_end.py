"""`inv db.rehearse` end to end on the embedded default: reset, a backup into the S3 test server (encrypted),
verified, then the rehearsal of a pending release from the bucket; exit codes and the report."""

import os

from rehearse_data import fill_database, numbered
from run_inv import inv as run_inv

from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import copy, fetched, mark_verified
from polaris_db.backups.store import LocalStore
from polaris_db.backups.targets import prove_in_scratch
from polaris_db.cluster import Cluster, free_port_from
from run_dirs import suite_port


def test_rehearse_from_the_bucket_on_the_embedded_default(tmp_path, cluster_dir, s3_store, age_key, pending,
                                                          monkeypatch):
    state = cluster_dir("rehearse-end-to-end")  # a killed run's server there is stopped first
    for key in ("POLARIS_SCRATCH_URL", "POLARIS_BACKUP_STORE"):  # DATABASE_URL, SUPABASE_*: inv() leaves them out
        monkeypatch.delenv(key, raising=False)
    env = {"POLARIS_STATE_DIR": str(state),
           "POLARIS_PG_PORT": str(free_port_from(suite_port(60)))}

    def inv(*args, code=0):
        result = run_inv(*args, env=env)
        assert result.returncode == code, f"{args}: {result.stdout[-3000:]}{result.stderr[-1500:]}"
        assert "postgres:postgres@" not in result.stdout + result.stderr and "Traceback" not in result.stderr
        return result

    try:
        inv("db.reset")
        embedded = Cluster(root=state / "postgres")
        port = embedded.running_port()  # the port it runs on
        fill_database(embedded.url(port=port), 3_000)  # attempts with rows (~2.5k, above the release's --flag-rows 1k)
        # An encrypted backup into the bucket, verified: the steps of db.backup and db.backup-verify, in-process
        # (their CLI on the embedded default and the bucket: tests/backups/test_end_to_end.py, test_fetch.py).
        manifest = take_backup(embedded.url(port=port), "local", s3_store)
        assert manifest.encryption == "age"
        with fetched(s3_store, manifest.name) as (archive, proven):
            assert prove_in_scratch(archive, proven, embedded.url("polaris_verify", port=port)).ok
        mark_verified(s3_store, proven)
        # Nothing pending: the backup is at head; every check runs on the rehearsed database.
        report = tmp_path / "head.md"
        out = inv("db.rehearse", "--env", "local", "--from", s3_store.url, "--report", str(report)).stdout
        assert "rehearsal: PASS" in out and "rls" in out and "types" in out
        assert "time: download" in out and "restore" in out and "checks" in out
        assert "Nothing pending" in report.read_text()
        # A release with a rewrite of attempts: flagged (exit 1), the report names file:line and the safer pattern.
        report = tmp_path / "release.md"
        result = inv("db.rehearse", "--env", "local", "--file", f"{s3_store.url}/latest", "--flag-rows", "1k",
                     "--migrations", str(pending("measured")), "--checks", "smoke", "--report", str(report), code=1)
        assert result.stderr.strip().splitlines()[-1].startswith("error: rehearsal failed: FAIL (")
        text = report.read_text()
        assert f"{numbered(2, 'attempts_add_token.sql')}:2: AccessExclusiveLock on public.attempts" in text
        assert f"{numbered(4, 'attempts_index_created.sql')} (transaction=false): ok" in text
        # A release that fails on the data: exit 4 with file:line. From a downloaded copy, named (no bucket client).
        downloaded = LocalStore(tmp_path / "downloaded")
        copy(s3_store, manifest.name, downloaded)
        result = inv("db.rehearse", "--env", "local", "--file", f"{downloaded.url}/{manifest.name}", "--checks", "none",
                     "--migrations", str(pending("unique_over_duplicates")), "--report", str(tmp_path / "f.md"), code=4)
        assert f"{numbered(1, 'attempts_unique_drill.sql')}:4: could not create unique index" in result.stderr
    finally:
        Cluster(root=state / "postgres").stop()  # as `inv db.stop` does (local_cluster().stop()), without a process
