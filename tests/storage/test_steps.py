"""The tasks as an operator types them: backup with files (on by default), verify, restore a deleted bucket,
prune; the drill's files step; a backup whose copy fails and the one that resumes it. The secret key never
appears in any output."""

import pytest
import run_inv
from storage_files import read_all, seed

from polaris_db.backups.drill import run_drill
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import load, split_ref
from polaris_db.backups.store import LocalStore
from polaris_db.errors import BackupError
from polaris_db.storage import listing as lists, steps
from polaris_db.storage.steps import copy_hook, copied_line, drill_files
from polaris_db.tasks.backup import backup_prune
from test_storage_restore import delete_bucket

SECRET = "storage-test-secret-value"


def inv(*args, url):
    result = run_inv.inv(*args, url=url)
    assert SECRET not in result.stdout + result.stderr
    return result


def test_backup_verify_restore_and_prune_through_the_tasks(storage, s3_store, age_key, empty_url, capsys, run_task):
    files = seed(storage, 40)
    first = inv("db.backup", "--store", s3_store.url, url=empty_url)
    assert first.returncode == 0, first.stderr
    assert "storage: 40 files" in first.stdout and "storage files 40/40" in first.stderr  # progress
    # The second night in-process: what db.backup prints after its backup line is copied_line(these figures).
    figures = []
    second = take_backup(empty_url, "local", s3_store, before_manifest=copy_hook(s3_store, empty_url, figures))
    assert "0 copied (0.0 MB), 40 unchanged since an earlier backup" in copied_line(figures[0], 2)
    ref = f"{s3_store.url}/latest"
    assert split_ref(ref)[1] == second.name

    verify = inv("db.backup-verify", ref, "--checksum-only", "--sample", "5", url=empty_url)
    assert verify.returncode == 0, verify.stderr
    assert "ok storage: 40 files" in verify.stdout and "5 (" in verify.stdout and "(checksum only)" in verify.stdout
    assert load(s3_store, second.name).verified_at is None  # a checksum is not a proof of restorability

    delete_bucket(storage, "public-assets")
    with pytest.raises(BackupError) as refused:  # db.restore --storage's body: `error: <this>`, exit 7
        steps.restore(s3_store, load(s3_store, second.name), [], dry_run=False)
    assert (refused.value.exit_code, str(refused.value)) == (7, "not restoring Storage files: bucket user-media "
                                                             "is not empty (a restore never overwrites; empty it, pick "
                                                             "other buckets with --bucket, or write only the files it "
                                                             "lacks with --missing-only)")
    storage.delete_object(Bucket="user-media", Key="take-0.webm")
    # Every restore flag through the CLI at once (--bucket twice: invoke's iterable), writing nothing
    dry = inv("db.restore", "--file", ref, "--storage", "--bucket", "public-assets", "--bucket", "user-media",
              "--missing-only", "--dry-run", url=empty_url)
    assert dry.returncode == 0, dry.stderr
    assert "would create bucket public-assets" in dry.stdout and "would write 21 files" in dry.stdout
    assert "19 already there, left as they are" in dry.stdout
    assert "public-assets" not in {b["Name"] for b in storage.list_buckets()["Buckets"]}
    assert "take-0.webm" not in read_all(storage, "user-media")
    # Then for real, in-process (the task hands --bucket, --dry-run and --missing-only to steps.restore)
    steps.restore(s3_store, load(s3_store, second.name), ["public-assets"], dry_run=False)
    done = capsys.readouterr().out
    assert "created bucket public-assets" in done and "restored 20 files" in done and "sha256 checked" in done
    assert read_all(storage, "public-assets") == {n: d for (b, n), d in files.items() if b == "public-assets"}
    steps.restore(s3_store, load(s3_store, second.name), [], dry_run=False, missing_only=True)
    filled = capsys.readouterr().out
    assert "restored 1 file (" in filled and "39 already there, left as they are" in filled
    assert storage.get_object(Bucket="user-media", Key="take-0.webm")["Body"].read() == files[("user-media", "take-0.webm")]

    # db.backup-prune's body in-process (`--store <s3> --dry-run` runs through the CLI in backups/test_runbook)
    assert run_task(backup_prune, store=s3_store.url, dry_run=True) == (0, "")
    pruned = capsys.readouterr().out
    assert "storage files:" in pruned and "0 (0.0 MB) to delete (dry run)" in pruned

    objects = s3_store.client.list_objects_v2(Bucket=s3_store.bucket, Prefix=s3_store.prefix + "objects/")["Contents"]
    s3_store.client.delete_object(Bucket=s3_store.bucket, Key=objects[0]["Key"])
    with pytest.raises(BackupError, match="Storage files are not in the store as listed") as broken:
        steps.verify_line(s3_store, load(s3_store, second.name), 0)  # what db.backup-verify checks first
    assert broken.value.exit_code == 7

    skipped = inv("db.backup", "--store", s3_store.url, "--no-storage", url=empty_url)
    assert skipped.returncode == 0 and "storage:" not in skipped.stdout


def test_storage_asked_for_but_not_configured_is_exit_2(empty_url, tmp_path):
    result = inv("db.backup", "--store", str(tmp_path), "--storage", url=empty_url)
    assert result.returncode == 2 and "--storage needs POLARIS_STORAGE_S3_ENDPOINT" in result.stderr


def test_the_drill_takes_files_and_restores_a_sample(storage, schema_url, cluster, tmp_path):
    seed(storage, 12)
    store = LocalStore(tmp_path / "backups")
    rls = tmp_path / "rls.sql"
    rls.write_text("\\echo 'ok 1 - fine'\n")
    drill = run_drill("local", schema_url, cluster.url("drill_scratch"), store, rls_script=rls,
                      files=drill_files(store, sample=4), before_manifest=copy_hook(store, schema_url, []))
    assert drill.passed, drill.failures
    said = dict((step, result) for step, result, _ in drill.steps)["storage files"]
    assert "4 of 12 files" in said and "0 byte differences" in said
    assert drill.manifest.storage["objects"] == 12
    settings = {b["name"]: b["settings"] for b in lists.load(store, drill.manifest.storage).buckets}
    assert settings["public-assets"]["public"] is True and settings["user-media"]["public"] is False
    assert settings["user-media"]["file_size_limit"] > 0  # from storage.buckets: S3 does not carry them


def test_a_backup_whose_file_copy_fails_is_no_backup_and_the_next_one_resumes(storage, empty_url, tmp_path):
    seed(storage, 50)
    store = LocalStore(tmp_path)

    def cut_after_15(stats):
        if stats.done == 15:
            raise BackupError("connection reset by peer")

    with pytest.raises(BackupError, match="connection reset"):
        take_backup(empty_url, "local", store, before_manifest=copy_hook(store, empty_url, [], cut_after_15))
    assert [item.name for item in store.items()] == []  # neither archive nor manifest: not a backup
    figures = []
    manifest = take_backup(empty_url, "local", store, before_manifest=copy_hook(store, empty_url, figures))
    assert figures[0].known >= 15 and figures[0].downloaded == 50 - figures[0].known
    assert manifest.storage["objects"] == 50
    buckets = lists.load(store, manifest.storage).buckets
    assert sorted(b["name"] for b in buckets) == ["public-assets", "user-media"]
