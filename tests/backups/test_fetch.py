"""Finding and proving a backup in the store: `latest`, backup-verify (full and --checksum-only), download."""

import pytest

from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched, load, split_ref
from polaris_db.backups.store import LocalStore
from polaris_db.errors import ConfigError
from polaris_db.tasks.backup import backup_download, backup_verify
from run_inv import inv




def test_latest_is_the_newest_complete_backup(empty_url, tmp_path):
    store = LocalStore(tmp_path)
    first = take_backup(empty_url, "prod", store)
    second = take_backup(empty_url, "prod", store)
    assert split_ref(f"{tmp_path}/latest")[1] == second.name > first.name
    (tmp_path / f"{second.name}.json").unlink()  # now an unfinished backup: never "latest"
    assert split_ref(f"{tmp_path}/latest")[1] == first.name
    with pytest.raises(ConfigError, match="name a backup"):
        split_ref(str(tmp_path))


def test_verify_task_restores_from_the_bucket_and_records_it(schema_url, s3_store, age_key, scratch_on_test_cluster,
                                                            connect, cluster, run_task, capsys):
    """The task's body in-process: `inv db.backup-verify <ref>` (full) runs through the CLI in test_runbook and
    test_platform_shaped; `--checksum-only` (and that it records no verified_at) in storage/test_steps.py."""
    manifest = take_backup(schema_url, "prod", s3_store)
    assert run_task(backup_verify, f"{s3_store.url}/{manifest.name}") == (0, "")
    out = capsys.readouterr().out
    assert "restored into a scratch database" in out and load(s3_store, manifest.name).verified_at
    left = connect(cluster.url("postgres")).execute("select count(*) from pg_database where datname like 'polaris_verify%'")
    assert left.fetchone() == (0,)  # the scratch database is gone


def test_verify_without_the_key_is_bad_configuration(empty_url, s3_store, age_key, monkeypatch):
    """What backup-verify opens first (fetched) refuses: ConfigError, exit 2, one line. The task's exit-2 line
    through the CLI: test_missing_backup_exits_2."""
    manifest = take_backup(empty_url, "prod", s3_store)
    monkeypatch.delenv("POLARIS_BACKUP_IDENTITY")
    with pytest.raises(ConfigError, match="is encrypted: set POLARIS_BACKUP_IDENTITY") as error:
        with fetched(s3_store, manifest.name):
            pass
    assert error.value.exit_code == 2 and "\n" not in str(error.value).strip()


def test_download_copies_the_pair_with_its_checksum(empty_url, s3_store, age_key, tmp_path, run_task, capsys):
    """The task's body in-process (`inv db.backup-download <ref> --to <folder>` runs through the CLI in test_runbook)."""
    manifest = take_backup(empty_url, "prod", s3_store)
    assert run_task(backup_download, f"{s3_store.url}/latest", to=str(tmp_path / "here")) == (0, "")
    assert f"downloaded {manifest.name} into" in capsys.readouterr().out
    local = LocalStore(tmp_path / "here")
    assert load(local, manifest.name).object_sha256 == manifest.object_sha256
    with fetched(local, split_ref(f"{tmp_path / 'here'}/latest")[1]) as (_, proven):  # backup-verify --checksum-only's check
        assert proven.sha256 == manifest.sha256


def test_missing_backup_exits_2(tmp_path, run_task):
    (tmp_path / "prod").mkdir()
    result = inv("db.backup-verify", str(tmp_path / "prod" / "prod-20260101T000000Z.backup"))
    assert result.returncode == 2 and "backup not found" in result.stderr, result.stderr
    assert result.stderr.strip().count("\n") == 0
    # db.backup-download's body in-process: the same refusal (the exit-2 line through the CLI is the one above)
    code, message = run_task(backup_download, str(tmp_path / "prod" / "prod-20260101T000000Z.backup"))
    assert code == 2 and message.startswith("error: ") and "backup not found" in message and "\n" not in message


def test_a_missing_bucket_is_bad_configuration(s3_env):
    result = inv("db.backup-prune", "--store", "s3://no-such-bucket-here/prod", "--dry-run")
    assert result.returncode == 2 and "NoSuchBucket" in result.stderr, result.stderr
    assert result.stderr.strip().count("\n") == 0 and "polaris-test-secret" not in result.stderr
