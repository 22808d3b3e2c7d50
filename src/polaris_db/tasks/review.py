"""`inv db.review`: the pull-request comment on a database change (logic in review/)."""

from __future__ import annotations

import os
from pathlib import Path

from invoke import task

from .. import REPO_ROOT
from ..backups.store import open_store
from ..console import say
from ..errors import PolarisError
from ..rehearse.flags import Thresholds, parse_count
from ..review.render import markdown
from ..review.run import review as run_review
from ._common import reports_errors


@task(help={"base": "a git ref (default main) or a migrations folder: what the change is compared with",
            "from_": "the store whose newest prod manifest sizes the rows (default $POLARIS_BACKUP_STORE, else "
                     "backups/prod; none: the seeds)",
            "snapshot_from": "the store of the masked snapshot the locks are traced on (default "
                             "$POLARIS_SNAPSHOT_STORE; key: $POLARIS_SNAPSHOT_IDENTITY; none: synthetic rows, the seeds)",
            "output": "also write the markdown here",
            "flag_rows": "flag a blocking lock while a statement works through a table of more rows in production "
                         "(default 100k)", "flag_bytes": "... or of more bytes (default 100MB)",
            "trace_rows": "synthetic rows per table at most (default 20k); the time is extrapolated"})
@reports_errors
def review(c, base="main", from_=None, snapshot_from=None, output=None, flag_rows="100k", flag_bytes="100MB",
           trace_rows="20k"):
    """What the migrations changed against --base do: plan, findings, locks, access diff, types diff (markdown)."""
    location = from_ or os.environ.get("POLARIS_BACKUP_STORE") or str(REPO_ROOT / "backups" / "prod")
    store = open_store(location) if "://" in location or Path(location).is_dir() else None
    snapshots = snapshot_from or os.environ.get("POLARIS_SNAPSHOT_STORE")
    result = run_review(base, store=store, snapshot_store=open_store(snapshots) if snapshots else None,
                        thresholds=Thresholds(parse_count(flag_rows, "rows"), parse_count(flag_bytes, "bytes")),
                        cap=parse_count(trace_rows, "rows"), say=lambda text: say(text, err=True))
    text = markdown(result)
    if output:
        Path(output).write_text(text)
    say(text)
    if result.blockers:
        raise PolarisError(f"review: {len(result.blockers)} blocker(s): {result.blockers[0]}")


TASKS = [review]
