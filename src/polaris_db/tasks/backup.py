"""Backup tasks: backup, backup-verify, restore, restore-drill, prune-backups."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from .. import REPO_ROOT
from ..backup import BackupError, drill, prepare_restore_target, restore as restore_archive, take_backup, verify_archive
from ..config import resolve
from ..console import confirm, say, table
from ..database import recreate_database, target_url, with_database
from ..retention import to_keep
from ._common import reports_errors

BACKUP_ROOT = REPO_ROOT / "backups"
SCRATCH_DB = "polaris_restore_drill"


def _scratch_url() -> str:
    """A throwaway database next to the local one (embedded cluster or DATABASE_URL's server)."""
    return with_database(target_url(resolve("local")), SCRATCH_DB)


@task(help={"env": "local (default), staging or prod", "dir": "output folder (default backups/<env>)"})
@reports_errors
def backup(c, env="local", dir=None):
    """pg_dump -Fc of public, auth, storage and migration history, with a sha256 + row-count manifest."""
    directory = Path(dir) if dir else BACKUP_ROOT / env
    dump, manifest = take_backup(target_url(resolve(env)), env, directory)
    say(f"backup {dump} ({manifest.bytes / 1e6:.1f} MB, sha256 {manifest.sha256[:12]}, head {manifest.migration_head}, "
        f"{sum(manifest.row_counts.values())} rows in {len(manifest.row_counts)} tables)")


@task(help={"file": "the .dump to check (its .json manifest sits next to it)"})
@reports_errors
def backup_verify(c, file):
    """Check a backup's sha256 against its manifest and read every entry of the archive."""
    manifest = verify_archive(Path(file))
    say(f"ok {file}: sha256 matches, archive reads completely ({manifest.env}, {manifest.created_at})")


@task(help={"file": "the .dump to restore", "env": "local only (a hosted restore is a runbook step)",
            "yes": "skip the confirmation"})
@reports_errors
def restore(c, file, env="local", yes=False):
    """Replace the local database with a backup (verified first); hosted: see ops/supabase/runbook_restore.md."""
    if env != "local":
        raise BackupError("restore targets local only; restoring a hosted project follows ops/supabase/runbook_restore.md")
    dump = Path(file)
    manifest = verify_archive(dump)
    confirm(f"Replace the local database with {dump.name}?", assume_yes=yes)
    url = target_url(resolve(env))
    recreate_database(url)
    prepare_restore_target(url)
    took = restore_archive(dump, url)
    say(f"restored {dump.name} into local in {took:.1f}s (head {manifest.migration_head})")


@task(help={"env": "where to take the backup from (default local)", "file": "drill an existing .dump instead"})
@reports_errors
def restore_drill(c, env="local", file=None):
    """Backup (or --file), verify, restore into a scratch database, compare every table's row count."""
    dump = Path(file) if file else take_backup(target_url(resolve(env)), env, BACKUP_ROOT / env)[0]
    scratch = _scratch_url()
    recreate_database(scratch)
    try:
        manifest, took, mismatches = drill(dump, scratch)
    finally:
        recreate_database(scratch)
    if mismatches:
        raise BackupError(f"restore drill of {dump.name} lost rows: " + "; ".join(mismatches))
    say(f"restore drill ok: {dump.name} restored in {took:.1f}s, {len(manifest.row_counts)} tables match the manifest")


@task(help={"dir": "folder of .dump files (default backups/local)", "daily": "days to keep", "weekly": "ISO weeks",
            "monthly": "months", "dry_run": "list what would be deleted"})
@reports_errors
def prune_backups(c, dir=None, daily=7, weekly=4, monthly=12, dry_run=False):
    """Grandfather-father-son rotation: newest backup per day, week and month; deletes the rest."""
    directory = Path(dir) if dir else BACKUP_ROOT / "local"
    dumps = sorted(directory.glob("*.dump"))
    keep = to_keep(dumps, daily=int(daily), weekly=int(weekly), monthly=int(monthly))
    rows = [(d.name, "keep" if d in keep else ("would delete" if dry_run else "deleted")) for d in dumps]
    if not dry_run:
        for dump in dumps:
            if dump not in keep:
                dump.unlink()
                dump.with_suffix(".json").unlink(missing_ok=True)
    say(table(("backup", "action"), rows))


TASKS = [backup, backup_verify, restore, restore_drill, prune_backups]
