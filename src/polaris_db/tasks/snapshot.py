"""Snapshot task: snapshot (logic in snapshots/); `db.reset --from-snapshot` is in migrate.py."""

from __future__ import annotations

from invoke import task

from ..console import say, table
from ..errors import ConfigError
from ..snapshots.make import make_snapshot, store_for
from ._common import reports_errors


@task(help={"env": "whose backups (default prod)", "from_": "store of raw backups (default $POLARIS_BACKUP_STORE, "
            "else backups/<env>)", "to": "store for the snapshot (default $POLARIS_SNAPSHOT_STORE, else the --from store)",
            "keep": "keep the masked scratch database polaris_snapshot_<env> afterwards",
            "jobs": "pg_restore parallel jobs (default 2)"})
@reports_errors
def snapshot(c, env="prod", from_=None, to=None, keep=False, jobs="2"):
    """Newest verified backup -> scratch database -> masked by ops/supabase/masking.toml -> leak check -> encrypted snapshot."""
    if not str(jobs).isdigit():
        raise ConfigError(f"--jobs must be a whole number, got {jobs!r}")
    source = store_for(env, from_, snapshot=False)
    destination = store_for(env, to, snapshot=True, fallback=from_)
    run = make_snapshot(env, source, destination, keep=keep, jobs=max(int(jobs), 1), say=lambda t: say(t, err=True))
    leaks = run.leaks
    say(table(("masked column", "originals sampled", "found in the snapshot"),
              [(name, count, leaks.found.get(name, 0)) for name, count in sorted(leaks.sampled.items())]))
    say(table(("step", "seconds"), [(step, f"{took:.2f}") for step, took in run.timings.items()]))
    for note in run.notes:
        say(f"note: {note}", err=True)
    m = run.manifest
    say(f"snapshot {m.name} in {destination.url} from {run.source}: {run.masked.masked_columns} columns masked in "
        f"{len(run.masked.tables)} tables ({run.masked.rows} rows), {len(run.masked.truncated)} tables emptied; "
        f"leak check: {leaks.probes} originals sampled, 0 found ({leaks.public} equal to catalog content, skipped); "
        f"encrypted, {m.object_bytes / 1e6:.1f} MB, {'verified' if run.verified else 'NOT verified yet'}")


TASKS = [snapshot]
