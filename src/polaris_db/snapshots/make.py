"""Make a masked snapshot: the newest verified backup of an environment, fetched and proven (`backups.fetch`),
restored into a scratch database on the embedded cluster (`backups.targets`), leak probes sampled, masked
in place (`mask`), the leak check run (any survivor: nothing is written), then `pg_dump`ed and encrypted to
the snapshot recipients into the store as a backup of kind `snapshot` named `<env>_snapshot-<stamp>`
(`backups.dump`), and, when the snapshot key is at hand, verified like any backup (restored, compared).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable

from .. import REPO_ROOT
from ..backups import keys
from ..backups.dump import take_backup
from ..backups.fetch import fetched, mark_verified, newest_verified
from ..backups.manifest import Manifest
from ..backups.store import Store, open_store
from ..backups.targets import drop_database, prove_in_scratch, scratch_url
from ..database import connection
from ..errors import BackupError, ConfigError
from . import leak
from .fakes import mask_key
from .mask import MaskResult, check_covered, mask_database
from .rules import RULES_PATH, catalog, load

SUFFIX = "_snapshot"  # the snapshot's env: prod -> prod_snapshot-20261204T031500Z
STORE_VAR, SNAPSHOT_STORE_VAR = "POLARIS_BACKUP_STORE", "POLARIS_SNAPSHOT_STORE"


def store_for(env: str, location: str | None, *, snapshot: bool, fallback: str | None = None) -> Store:
    """--from/--to, else $POLARIS_SNAPSHOT_STORE (snapshots), `fallback`, $POLARIS_BACKUP_STORE, else backups/<env>."""
    chosen = (location or (os.environ.get(SNAPSHOT_STORE_VAR) if snapshot else None) or fallback
              or os.environ.get(STORE_VAR))
    return open_store(chosen or str(REPO_ROOT / "backups" / env))


@dataclass
class Snapshot:
    source: str  # the raw backup it was made from
    manifest: Manifest | None = None
    masked: MaskResult | None = None
    leaks: leak.LeakReport | None = None
    timings: dict[str, float] = field(default_factory=dict)  # restore, mask, leak check, dump, verify
    verified: bool = False
    notes: list[str] = field(default_factory=list)


def make_snapshot(env: str, source: Store, destination: Store, *, keep: bool = False, jobs: int = 2,
                  say: Callable[[str], None] = lambda text: None) -> Snapshot:
    rules, key = load(RULES_PATH), mask_key()  # configuration first: nothing is fetched without them
    if not keys.recipients("snapshot"):
        raise ConfigError(f"snapshots are always encrypted: set {keys.SNAPSHOT_VARS[0]} (age public keys, "
                          "ops/supabase/backup.md)")
    name = newest_verified(source, env)
    run = Snapshot(name)
    url = scratch_url(f"polaris_snapshot_{env}")
    try:
        with fetched(source, name) as (archive, manifest):
            say(f"restoring {name} from {source.url} into a scratch database ...")
            started = time.perf_counter()
            restored = prove_in_scratch(archive, manifest, url, keep=True, jobs=jobs)
            if not restored.ok:
                raise BackupError(f"{name} does not restore to what its manifest says: {restored.problems}")
            run.timings["restore"] = time.perf_counter() - started
        _mask(run, url, rules, key, say)
        say("dumping and encrypting the snapshot ...")
        started = time.perf_counter()
        about = {"source": name, "rules_sha256": rules.sha256, "masked_columns": run.masked.masked_columns,
                 "leak_check": {"probes": run.leaks.probes, "survivors": run.leaks.survivors, "public": run.leaks.public}}
        run.manifest = take_backup(url, env + SUFFIX, destination, encrypt=True, kind="snapshot", about=about)
        run.timings["dump"] = time.perf_counter() - started
    finally:
        if not keep:
            drop_database(url)
    if keys.identities("snapshot"):
        _verify(run, destination, jobs, say)
    else:
        run.notes.append(f"not verified here (no snapshot key): `inv db.backup-verify {destination.url}/{run.manifest.name}`")
    return run


def _mask(run: Snapshot, url: str, rules, key: bytes, say) -> None:
    with connection(url) as conn:
        tables = catalog(conn)
        check_covered(rules, tables)
        started = time.perf_counter()
        say(f"sampling up to {rules.sample} originals per masked column ...")
        report = leak.sample(conn, rules, tables, rules.sample)
        run.masked = mask_database(conn, rules, key, on_table=lambda t, rows, took: say(f"  masked {t}: {rows} rows, {took:.2f} s"))
        run.timings["mask"] = time.perf_counter() - started
        started = time.perf_counter()
        say(f"leak check: {report.probes} originals searched in every table ...")
        run.leaks = leak.check(conn, tables, report)
        run.timings["leak check"] = time.perf_counter() - started
        conn.execute("drop table if exists leak_probe")
    if run.leaks.survivors:
        first = next(iter(sorted(run.leaks.found)))
        raise BackupError(f"leak check: {run.leaks.survivors} of {run.leaks.probes} sampled originals are still in the "
                          f"masked database ({first}: found in {', '.join(run.leaks.where[first])}): fix "
                          f"{RULES_PATH.name} (a kept column holds a copy); nothing was written")


def _verify(run: Snapshot, store: Store, jobs: int, say) -> None:
    say(f"verifying {run.manifest.name} (decrypt, restore, compare) ...")
    started = time.perf_counter()
    with fetched(store, run.manifest.name) as (archive, manifest):
        result = prove_in_scratch(archive, manifest, scratch_url("polaris_snapshot_verify"), jobs=jobs)
    if not result.ok:
        raise BackupError(f"{run.manifest.name} does not restore to what its manifest says: {result.problems}")
    note = mark_verified(store, manifest)
    run.manifest, run.verified = manifest, True
    if note:
        run.notes.append(note)
    run.timings["verify"] = time.perf_counter() - started
