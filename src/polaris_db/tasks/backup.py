"""Backup tasks: backup, backup-verify, restore, restore-drill, backup-prune (logic in backup/restore/drill/retention)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from invoke import task

from .. import REPO_ROOT
from ..backup import take_backup, verify_archive
from ..config import resolve
from ..console import confirm as confirm_yes, say, table
from ..database import target_url, with_database
from ..drill import run_drill, write_report
from ..errors import Aborted, BackupError
from ..manifest import mark_verified
from ..restore import restore_backup
from ..retention import DEFAULTS, prune
from ._common import reports_errors

BACKUP_ROOT = REPO_ROOT / "backups"
SCRATCH_DB = "polaris_restore_scratch"  # `restore --to scratch`: kept for inspection until the next one
DRILL_DB = "polaris_restore_drill"  # the drill's own, dropped afterwards
HOSTED = ("staging", "prod")


def _local_database(name: str) -> str:
    """A throwaway database next to the local one (embedded cluster or DATABASE_URL's server)."""
    return with_database(target_url(resolve("local")), name)


def _progress():
    """'dumping table X (n/N)' on stderr: one live line on a terminal, a line every 2 s in CI logs."""
    tty, last = sys.stderr.isatty(), [time.monotonic()]

    def show(done: int, total: int, name: str) -> None:
        text = f"  dumping table {name} ({done}/{total})"
        if tty:
            sys.stderr.write("\r\033[K" + text + ("\n" if done >= total else ""))
            sys.stderr.flush()
        elif time.monotonic() - last[0] >= 2:
            say(text, err=True)
            last[0] = time.monotonic()

    return show


def _confirm_hosted(to: str, allowed: bool, typed: str | None) -> None:
    """Hosted targets need the flag and the target's name typed (or given as --confirm NAME)."""
    if not allowed:
        raise Aborted(f"restoring into {to} (hosted) needs --i-know-this-is-hosted and typing {to!r} to confirm")
    if typed is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise Aborted(f"no terminal to type the target name: pass --confirm {to}")
        typed = input(f"This restores into the hosted {to} database. Type {to!r} to continue: ").strip()
    if typed != to:
        raise Aborted(f"aborted: typed {typed!r}, not {to!r}; nothing was changed")


@task(help={"env": "local (default), staging or prod", "dir": "output folder (default backups/<env>)"})
@reports_errors
def backup(c, env="local", dir=None):
    """pg_dump -Fc of public, auth, storage and migration history + manifest (sha256, row counts), atomically."""
    directory = Path(dir) if dir else BACKUP_ROOT / env
    dump, manifest = take_backup(target_url(resolve(env)), env, directory, on_table=_progress())
    say(f"backup {dump} ({manifest.bytes / 1e6:.1f} MB, sha256 {manifest.sha256[:12]}, head {manifest.migration_head}, "
        f"{sum(manifest.row_counts.values())} rows in {len(manifest.row_counts)} tables)")


@task(help={"file": "the .dump to check (its .json manifest sits next to it)"})
@reports_errors
def backup_verify(c, file):
    """Check a backup's sha256 against its manifest, read every entry of the archive, record verified_at."""
    manifest = verify_archive(Path(file))
    try:
        manifest = mark_verified(Path(file))
    except OSError as error:  # a read-only copy: verified all the same, only not recorded
        say(f"note: verified_at not recorded: {error.strerror}", err=True)
    say(f"ok {file}: sha256 matches, archive reads completely ({manifest.env}, {manifest.created_at})")


@task(help={"file": "the .dump to restore (checked against its manifest first)",
            "to": "local (replaces it), scratch (database polaris_restore_scratch), staging or prod (an empty project)",
            "jobs": "pg_restore parallel jobs (default 2)", "yes": "local: skip the confirmation",
            "i_know_this_is_hosted": "required for staging and prod", "confirm": "staging/prod: the target name, typed"})
@reports_errors
def restore(c, file, to="local", jobs=2, yes=False, i_know_this_is_hosted=False, confirm=None):
    """Restore a backup into a fresh database, then compare row counts and migration history with the manifest."""
    dump = Path(file)
    if to in HOSTED:
        _confirm_hosted(to, i_know_this_is_hosted, confirm)
        url, fresh = target_url(resolve(to)), False
    elif to == "scratch":
        url, fresh = _local_database(SCRATCH_DB), True
    elif to == "local":
        confirm_yes(f"Replace the local database with {dump.name}?", assume_yes=yes)
        url, fresh = target_url(resolve("local")), True
    else:
        raise BackupError(f"unknown restore target {to!r}: use local, scratch, staging or prod")
    result = restore_backup(dump, url, fresh=fresh, name=to, jobs=int(jobs))
    for note in result.notes:
        say(f"note: {note}", err=True)
    if not result.ok:
        raise BackupError(f"restore into {to} does not match the manifest: " + "; ".join(result.mismatches + result.history))
    say(f"restored {dump.name} into {to} in {result.seconds:.1f}s: {len(result.manifest.row_counts)} tables match the "
        f"manifest ({sum(result.manifest.row_counts.values())} rows), migration head {result.manifest.migration_head}")


@task(help={"env": "where to take the backup from (default local)", "file": "drill an existing .dump instead",
            "keep": "keep the scratch database polaris_restore_drill afterwards",
            "dir": "where the drill's backup goes (default backups/<env>)",
            "reports": "report folder (default backups/reports)"})
@reports_errors
def restore_drill(c, env="local", file=None, keep=False, dir=None, reports=None):
    """Backup, verify, restore into a fresh scratch database, check counts, history and RLS tests; dated report."""
    source = None if file else target_url(resolve(env))
    drill = run_drill(env, source, _local_database(DRILL_DB), Path(dir) if dir else BACKUP_ROOT / env, file=Path(file) if file else None,
                      keep_scratch=keep, on_table=_progress())
    report = write_report(drill, Path(reports) if reports else BACKUP_ROOT / "reports")
    say(table(("step", "result", "time"), drill.steps))
    if not drill.passed:
        raise BackupError(f"restore drill failed ({'; '.join(drill.failures)}): report {report}")
    say(f"restore drill ok: report {report}")


@task(help={"dir": "folder of backups (default backups/<env>)", "env": "which backups/<env> (default local)",
            "daily": f"days to keep (default {DEFAULTS['daily']})", "weekly": f"ISO weeks (default {DEFAULTS['weekly']})",
            "monthly": f"months (default {DEFAULTS['monthly']})", "dry_run": "show what would be deleted, delete nothing"})
@reports_errors
def backup_prune(c, dir=None, env="local", daily=DEFAULTS["daily"], weekly=DEFAULTS["weekly"],
                 monthly=DEFAULTS["monthly"], dry_run=False):
    """GFS retention: keep the newest per day, ISO week and month, the newest and the last verified; delete the rest."""
    directory = Path(dir) if dir else BACKUP_ROOT / env
    if not directory.is_dir():
        raise BackupError(f"{directory}: no such folder of backups")
    decisions = prune(directory, dry_run=dry_run, daily=int(daily), weekly=int(weekly), monthly=int(monthly))
    say(table(("backup", "taken (UTC)", "verified", "action", "why"),
              [(d.file, d.taken_at, d.verified, d.action, d.why) for d in decisions]))
    kept = sum(d.action == "keep" for d in decisions)
    say(f"{kept} kept, {len(decisions) - kept} {'to delete (dry run)' if dry_run else 'deleted'}")


TASKS = [backup, backup_verify, restore, restore_drill, backup_prune]
