"""The first source of production-shaped rows for `db.review`'s lock trace: the masked snapshot.

The newest verified snapshot of prod in the snapshot store (`--snapshot-from`, else $POLARIS_SNAPSHOT_STORE;
decrypted with the snapshot key, $POLARIS_SNAPSHOT_IDENTITY), never a raw backup, is fetched, proven and
restored into a scratch database on the embedded cluster (`backups.targets`, as `db.rehearse --snapshot`).
It is production at its migration head: the base's migrations production does not have yet are applied on top
(`migrations.migrate`), then the pull request's added ones are traced there, as the rehearsal does after the
merge. Production's row counts come from the snapshot's manifest. Anything that keeps the snapshot out of reach
(no store, no verified snapshot, no key, a restore that differs, a history the base does not know) is a note,
and the review falls back to synthetic rows, then the seeds (`trace.shape`).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..backups.fetch import fetched, newest_verified
from ..backups.manifest import Manifest
from ..backups.targets import drop_database, prove_in_scratch, scratch_url
from ..database import connection
from ..errors import BackupError, PolarisError
from ..migrations import migrate
from ..snapshots.make import SUFFIX

ENV = "prod"


@dataclass
class Restored:
    url: str
    manifest: Manifest
    applied: list[str] = field(default_factory=list)  # the base's migrations applied on top of the snapshot

    @property
    def source(self) -> str:
        base = (f"; the base's {', '.join(self.applied)} applied on top" if self.applied else
                "; nothing of the base pending on it")
        return (f"the masked snapshot {self.manifest.name} (production's rows, at migration "
                f"{self.manifest.migration_head or '?'}{base})")


def _restore(store, base_dir: Path, url: str, jobs: int, say) -> Restored:
    name = newest_verified(store, ENV + SUFFIX, kind="snapshot")
    say(f"restoring the masked snapshot {name} from {store.url} ...")
    with fetched(store, name) as (archive, manifest):
        if manifest.kind != "snapshot":  # the manifest proven against the archive says so too
            raise BackupError(f"{name} is not a masked snapshot: refused")
        restored = prove_in_scratch(archive, manifest, url, keep=True, jobs=jobs)
    if not restored.ok:
        raise BackupError(f"{name} does not restore to what its manifest says: {restored.problems}")
    with connection(url) as conn:
        # production is vacuumed and analyzed: statistics decide which tables are busy, and no empty pages a bulk
        # load leaves at a table's end (autovacuum would remove them mid-review and change the sizes it reports)
        conn.execute("vacuum (analyze)")
        plan = migrate(conn, base_dir)
    return Restored(url, manifest, [m.filename for m in plan.pending])


@contextmanager
def snapshot_database(store, base_dir: Path, notes: list[str], *, jobs: int = 2,
                      say=lambda text: None) -> Iterator[Restored | None]:
    """Yield the restored snapshot at the base's head, or None (why: in `notes`); dropped afterwards."""
    if store is None:
        yield None
        return
    url = scratch_url(f"polaris_review_snapshot_{os.getpid()}")
    try:
        try:
            restored = _restore(store, base_dir, url, jobs, say)
        except PolarisError as error:
            notes.append(f"masked snapshot not used: {str(error).splitlines()[0]}")
            restored = None
        yield restored
    finally:
        drop_database(url)
