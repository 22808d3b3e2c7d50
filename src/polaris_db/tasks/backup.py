"""Backup tasks: backup, backup-verify, backup-download, restore, restore-drill, backup-prune (logic in backups/)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from invoke import task

from .. import REPO_ROOT
from ..backups.drill import run_drill, write_report
from ..backups.dump import take_backup
from ..backups.guard import lock_wait_seconds
from ..backups.fetch import copy, fetched, load, mark_verified, split_ref
from ..backups.retention import DEFAULTS, prune
from ..backups.store import open_store
from ..backups.targets import drop_database, prove_in_scratch, restore_beside, restore_hosted, scratch_url
from ..config import resolve
from ..console import confirm as confirm_yes, say, table
from ..database import target_url, with_database
from ..errors import Aborted, BackupError, ConfigError
from ..storage import source as storage_source, steps as storage_steps
from ._common import reports_errors

BACKUP_ROOT = REPO_ROOT / "backups"
STORE_VAR = "POLARIS_BACKUP_STORE"  # e.g. s3://polaris-backups/prod (CI); default backups/<env>
SCRATCH_DB = "polaris_restore_scratch"  # `restore --to scratch`: kept for inspection until the next one
DRILL_DB = "polaris_restore_drill"  # the drill's own, dropped afterwards
VERIFY_DB = "polaris_verify_scratch"  # backup-verify's, dropped afterwards
HOSTED = ("staging", "prod")


def _store(store: str | None, env: str):
    return open_store(store or os.environ.get(STORE_VAR) or str(BACKUP_ROOT / env))


def _whole(value, option: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"--{option} must be a whole number, got {value!r}") from None
    if number < 0:
        raise ConfigError(f"--{option} must be >= 0, got {number}")
    return number


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


STORE_HELP = "a folder or s3://bucket/prefix (default $POLARIS_BACKUP_STORE, else backups/<env>)"
REF_HELP = "<store>/<env>-<stamp> or <store>/latest, e.g. s3://polaris-backups/prod/latest"


STORAGE_HELP = "copy the Storage files too (default: when POLARIS_STORAGE_S3_* are set); fails if they are not"


@task(help={"env": "local (default), staging or prod", "store": STORE_HELP,
            "lock_wait": "give up when a table, a reset or a push keeps the database locked this long (default 30s; "
                         "pg_dump --lock-wait-timeout)",
            "storage": STORAGE_HELP, "no_storage": "database only, even when Storage S3 keys are set"})
@reports_errors
def backup(c, env="local", store=None, lock_wait="30s", storage=False, no_storage=False):
    """pg_dump -Fc of public, auth, storage and history, encrypted to the age recipients, into the store; manifest last."""
    where, target = _store(store, env), resolve(env)
    lock_wait_seconds(lock_wait)  # a bad value is exit 2 before the cluster starts
    url, figures, hook = target_url(target), [], None
    if storage_source.wanted(storage, no_storage):
        hook = storage_steps.copy_hook(where, url, figures, storage_steps.progress())
    manifest = take_backup(url, env, where, on_table=_progress(), lock_wait_timeout=lock_wait,
                           embedded=target.embedded, before_manifest=hook)
    say(f"backup {manifest.name} in {where.url} ({manifest.object_bytes / 1e6:.1f} MB, "
        f"{'encrypted' if manifest.encryption == 'age' else 'not encrypted'}, sha256 {manifest.sha256[:12]}, "
        f"head {manifest.migration_head}, {sum(manifest.row_counts.values())} rows in {len(manifest.row_counts)} tables)")
    if figures:
        say(storage_steps.copied_line(figures[0], len(manifest.storage["buckets"])))


@task(help={"backup": REF_HELP, "checksum_only": "quick: checksums, decryption, manifest; no restore",
            "sample": "also read N of the backup's Storage files back from the store, byte for byte (default 0)"})
@reports_errors
def backup_verify(c, backup, checksum_only=False, sample="0"):
    """Fetch, decrypt, check against the manifest, restore into a scratch database and compare; records verified_at."""
    store, name = split_ref(backup)
    sample = _whole(sample, "sample")
    with fetched(store, name) as (archive, manifest):
        files = storage_steps.verify_line(store, manifest, sample)  # every listed Storage file in the store
        if files:
            say(files)
        if checksum_only:
            say(f"ok {name}: sha256 and manifest match, archive reads completely (checksum only)")
            return
        result = prove_in_scratch(archive, manifest, scratch_url(VERIFY_DB))
    if not result.ok:
        raise BackupError(f"{name} does not restore to what its manifest says: {result.problems}")
    for note in [*result.notes, mark_verified(store, manifest)]:
        if note:
            say(f"note: {note}", err=True)
    say(f"ok {name}: sha256 and manifest match; restored into a scratch database in {result.seconds:.1f}s, "
        f"{len(manifest.row_counts)} tables and the migration history match")


@task(help={"backup": REF_HELP, "to": "folder to copy the pair into (default backups/<env>)"})
@reports_errors
def backup_download(c, backup, to=None):
    """Copy a backup (archive + manifest) from the store into a local folder, its sha256 checked."""
    store, name = split_ref(backup)
    destination = open_store(to or str(BACKUP_ROOT / name.split("-", 1)[0]))
    manifest = copy(store, name, destination)
    say(f"downloaded {name} into {destination.url} ({manifest.object_bytes / 1e6:.1f} MB, sha256 checked)")


@task(help={"file": REF_HELP + " (checked against its manifest first)",
            "to": "local (replaced once proven), scratch (polaris_restore_scratch on the embedded cluster), staging or prod",
            "jobs": "pg_restore parallel jobs (default 2)", "yes": "local: skip the confirmation",
            "i_know_this_is_hosted": "required for staging and prod", "confirm": "staging/prod: the target name, typed",
            "storage": "restore the backup's Storage files instead of the database: into missing or empty buckets "
                       "of the Storage POLARIS_STORAGE_S3_* point at, never over a file",
            "bucket": "with --storage: only this bucket (repeat for more)",
            "dry_run": "with --storage: list the buckets and files it would write, write nothing",
            "missing_only": "with --storage: into buckets that hold files, write only the files they lack"},
      iterable=["bucket"])
@reports_errors
def restore(c, file, to="local", jobs="2", yes=False, i_know_this_is_hosted=False, confirm=None, storage=False,
            bucket=None, dry_run=False, missing_only=False):
    """Restore a backup beside the target, compare counts and history with the manifest, then swap it in."""
    if to not in ("local", "scratch", *HOSTED):
        raise ConfigError(f"unknown restore target {to!r}: use local, scratch, staging or prod")
    store, name = split_ref(file)
    if storage or bucket or dry_run or missing_only:
        return _restore_files(store, name, storage, bucket, dry_run, missing_only)
    jobs = _whole(jobs, "jobs") or 1  # (a str default: invoke would turn --jobs x into a traceback)
    if to in HOSTED:
        _confirm_hosted(to, i_know_this_is_hosted, confirm)
    elif to == "local":
        confirm_yes(f"Replace the local database with {name} (the current one is kept, renamed)?", assume_yes=yes)
    with fetched(store, name) as (archive, manifest):
        if to in HOSTED:
            result, previous = restore_hosted(archive, manifest, target_url(resolve(to)), to), None
        else:
            url = scratch_url(SCRATCH_DB) if to == "scratch" else target_url(resolve("local"))
            replaced = restore_beside(archive, manifest, url, jobs=jobs)
            result, previous = replaced.result, replaced.previous
            if to == "scratch" and previous:  # the last inspection copy: nothing to keep
                drop_database(with_database(url, previous))
                previous = None
    for note in result.notes:
        say(f"note: {note}", err=True)
    mark_verified(store, manifest)
    say(f"restored {name} into {to} in {result.seconds:.1f}s: {len(manifest.row_counts)} tables match the "
        f"manifest ({sum(manifest.row_counts.values())} rows), migration head {manifest.migration_head}")
    if previous:
        say(f"the previous database is kept as {previous}: once satisfied, drop it in inv db.psql with "
            f"`drop database {previous};`")


def _restore_files(store, name: str, storage: bool, buckets: list[str], dry_run: bool, missing_only: bool) -> None:
    if not storage:
        raise ConfigError("--bucket, --dry-run and --missing-only belong to --storage (a database restore is proven "
                          "before it swaps)")
    storage_steps.restore(store, load(store, name), buckets, dry_run, missing_only)  # each file's sha256 checked on the way


@task(help={"env": "where to take the backup from (default local)", "store": STORE_HELP,
            "file": "drill this backup instead of taking one: " + REF_HELP,
            "keep": "keep the scratch database polaris_restore_drill afterwards",
            "reports": "report folder (default backups/reports)", "no_storage": "backup without the Storage files"})
@reports_errors
def restore_drill(c, env="local", store=None, file=None, keep=False, reports=None, no_storage=False):
    """Backup (or --file), fetch and verify, restore into an embedded scratch database, counts, history, RLS; report."""
    hook = None
    if file:
        where, name = split_ref(file)
        source = None
    else:
        target = resolve(env)
        where, name, source = _store(store, env), None, target_url(target)
        if storage_source.wanted(False, no_storage):
            hook = storage_steps.copy_hook(where, source, [], storage_steps.progress())
    drill = run_drill(env, source, scratch_url(DRILL_DB), where, name=name, keep_scratch=keep, on_table=_progress(),
                      embedded=not file and target.embedded, files=storage_steps.drill_files(where),
                      before_manifest=hook)
    report = write_report(drill, Path(reports) if reports else BACKUP_ROOT / "reports")
    say(table(("step", "result", "time"), drill.steps))
    for note in drill.notes:
        say(f"note: {note}", err=True)
    if not drill.passed:
        raise BackupError(f"restore drill failed ({'; '.join(drill.failures)}): report {report}")
    say(f"restore drill ok: report {report}")


@task(help={"store": STORE_HELP, "env": "prune only this environment's backups (and default store backups/<env>)",
            "daily": f"days to keep (default {DEFAULTS['daily']})", "weekly": f"ISO weeks (default {DEFAULTS['weekly']})",
            "monthly": f"months (default {DEFAULTS['monthly']})", "dry_run": "show what would be deleted, delete nothing"})
@reports_errors
def backup_prune(c, store=None, env=None, daily=None, weekly=None, monthly=None, dry_run=False):
    """GFS retention on the store: newest per day, ISO week and month, the newest and the last verified; the rest go."""
    # Options are parsed here, not by invoke (an int default makes `--daily abc` a traceback in its parser).
    given = {"daily": daily, "weekly": weekly, "monthly": monthly}
    limits = {k: _whole(DEFAULTS[k] if v is None else v, k) for k, v in given.items()}
    decisions = prune(_store(store, env or "local"), dry_run=dry_run, env=env, **limits)
    say(table(("backup", "taken (UTC)", "verified", "action", "why"),
              [(d.file, d.taken_at, d.verified, d.action, d.why) for d in decisions]))
    kept = sum(d.action == "keep" for d in decisions)
    say(f"{kept} kept, {len(decisions) - kept} {'to delete (dry run)' if dry_run else 'deleted'}")
    files = storage_steps.prune_line(_store(store, env or "local"), decisions, dry_run)  # files no kept backup lists
    if files:
        say(files, err=files.startswith("note:"))


TASKS = [backup, backup_verify, backup_download, restore, restore_drill, backup_prune]
