"""What the backup tasks call for Storage files: one function per task, returning the lines to print."""

from __future__ import annotations

import sys
import time
from typing import Callable

from ..backups.manifest import ARCHIVE_SUFFIX, Manifest
from ..backups.store import Store
from ..console import say, table
from ..errors import ConfigError
from . import source
from .copy import Stats, copy_storage, save_for_manifest
from .prune import prune_objects
from .restore import drill as drill_into_bucket, restore_files
from .verify import check

DRILL_SAMPLE = 20


def progress() -> Callable[[Stats], None]:
    """`storage files 512/1201, 12.3/33.2 MB, 300 copied` on stderr: live on a terminal, every 2 s in CI logs."""
    tty, last = sys.stderr.isatty(), [time.monotonic()]

    def show(stats: Stats) -> None:
        text = (f"  storage files {stats.done}/{stats.objects}, {stats.done_bytes / 1e6:.1f}/{stats.bytes / 1e6:.1f} MB,"
                f" {stats.copied} copied")
        finished = stats.done >= stats.objects
        if tty:
            sys.stderr.write("\r\033[K" + text + ("\n" if finished else ""))
            sys.stderr.flush()
        elif finished or time.monotonic() - last[0] >= 2:
            say(text, err=True)
            last[0] = time.monotonic()

    return show


def copy_hook(store: Store, db_url: str | None, figures: list[Stats], on_progress=None) -> Callable[[Manifest], None]:
    """take_backup's `before_manifest`: copy the files, list them beside the backup, summarise in the manifest."""

    def hook(manifest: Manifest) -> None:
        listing, stats = copy_storage(store, manifest.name, db_url=db_url, on_progress=on_progress)
        manifest.storage = save_for_manifest(store, listing)
        figures.append(stats)

    return hook


def copied_line(stats: Stats, buckets: int) -> str:
    return (f"storage: {stats.objects} files ({stats.bytes / 1e6:.1f} MB) in {buckets} bucket{'' if buckets == 1 else 's'}: "
            f"{stats.copied} copied "
            f"({stats.copied_bytes / 1e6:.1f} MB), {stats.known} unchanged since an earlier backup (not read), "
            f"{stats.downloaded - stats.copied} read but already stored, in {stats.seconds:.1f}s"
            + (f"; {stats.vanished} deleted from Storage while copying (not in this backup)" if stats.vanished else ""))


def verify_line(store: Store, manifest: Manifest, sample: int) -> str | None:
    if not manifest.storage:
        return None
    done = check(store, manifest, sample)
    return (f"ok storage: {done.objects} files ({done.bytes / 1e6:.1f} MB) listed, all in the store at their size"
            + (f"; {done.sampled} ({done.sampled_bytes / 1e6:.1f} MB) read back, sha256 matches" if done.sampled else ""))


def drill_files(store: Store, sample: int = DRILL_SAMPLE) -> Callable[[Manifest], str]:
    """The drill's step: a sample restored into a scratch bucket when Storage is reachable, else read from the store."""

    def step(manifest: Manifest) -> str:
        if source.configured():
            return drill_into_bucket(source.client(), store, manifest, sample)
        done = check(store, manifest, sample)
        return (f"{done.objects} files listed and in the store; {done.sampled} read back byte for byte "
                f"(no Storage S3 access configured: not restored into a bucket)")

    return step


def restore(store: Store, manifest: Manifest, buckets: list[str], dry_run: bool, missing_only: bool = False) -> None:
    if not manifest.storage:
        raise ConfigError(f"{manifest.name} has no Storage files (taken without --storage)")
    shown = [time.monotonic()]

    def each(done: int, total: int) -> None:
        if done == total or time.monotonic() - shown[0] >= 2:
            say(f"  restored {done}/{total} files", err=True)
            shown[0] = time.monotonic()

    plan = restore_files(source.client(), store, manifest, only=buckets or None, dry_run=dry_run,
                         missing_only=missing_only, on_file=each)
    verb = "would" if dry_run else ""
    for bucket in plan.create:
        settings = ", ".join(f"{k} {v}" for k, v in bucket.get("settings", {}).items() if v not in (None, [], False))
        say(f"{verb or 'created'} {'create ' if verb else ''}bucket {bucket['name']}"
            + (f" (was: {settings}; set it again in the dashboard or by its migration)" if settings else ""))
    if dry_run:
        say(table(("bucket", "file", "bytes", "content type"),
                  [(e.bucket, e.name, e.size, e.content_type) for e in plan.files]))
    buckets = len({e.bucket for e in plan.files})
    say(f"{'would write' if dry_run else 'restored'} {len(plan.files)} file{'' if len(plan.files) == 1 else 's'} "
        f"({plan.bytes / 1e6:.1f} MB) into "
        f"{buckets} bucket{'' if buckets == 1 else 's'} from {manifest.name}"
        + ("" if dry_run else ", each one's sha256 checked")
        + (f"; {plan.present} already there, left as they are" if missing_only else ""))


def prune_line(store: Store, decisions, dry_run: bool) -> str | None:
    leaving = {d.file.removesuffix(ARCHIVE_SUFFIX) for d in decisions if d.action != "keep"}
    try:
        result = prune_objects(store, leaving, dry_run=dry_run)
    except ConfigError as error:  # cannot tell which files kept backups list: delete none
        return f"note: Storage files not pruned: {error}"
    if result is None:
        return None
    return (f"storage files: {result.kept} kept (listed by a kept backup), {result.deleted} "
            f"({result.deleted_bytes / 1e6:.1f} MB) {'to delete (dry run)' if dry_run else 'deleted'}"
            + (f", {result.lists_deleted} file lists of deleted backups" if result.lists_deleted else ""))
