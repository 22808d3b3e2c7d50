"""`inv db.rehearse`: pending migrations on a restored backup, measured (logic in rehearse/)."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from .. import MIGRATIONS_DIR, REPO_ROOT
from ..console import say
from ..errors import ConfigError, MigrationFailed, PolarisError
from ..rehearse import report
from ..rehearse.flags import Thresholds, parse_count
from ..rehearse.run import parse_checks, rehearse as run_rehearsal
from ._common import reports_errors


@task(help={"env": "prod (default) or staging: whose pending migrations, whose backups (local works too)",
            "file": "this backup: <store>/<env>-<stamp> or <store>/latest",
            "from_": "the store to take the newest verified backup from (default $POLARIS_BACKUP_STORE, else backups/<env>)",
            "flag_rows": "flag a lock blocking reads or writes while a statement works through a table of more rows "
                         "in production (the backup manifest's counts; default 100k)",
            "flag_bytes": "... or of more bytes (scaled to production's rows; default 100MB)",
            "jobs": "pg_restore parallel jobs (default 2)", "keep": "keep the rehearsal database afterwards",
            "checks": "rls,smoke,types (default all), or none (the report says they were skipped)",
            "report": "markdown report path (default backups/reports/rehearse-<env>-<UTC stamp>.md)",
            "any_env": "accept a backup (--file) of another env than --env", "migrations": "migrations folder (default ops/supabase/migrations)",
            "snapshot": "rehearse on the newest verified masked snapshot (inv db.snapshot; --from: the snapshot store, "
            "default $POLARIS_SNAPSHOT_STORE) instead of a raw backup"})
@reports_errors
def rehearse(c, env="prod", file=None, from_=None, flag_rows="100k", flag_bytes="100MB", jobs="2", keep=False, checks=None, report_=None,
             migrations=None, any_env=False, snapshot=False):
    """Restore the newest verified backup into a scratch database, apply what is pending there, measure locks and rewrites."""
    limits = Thresholds(parse_count(flag_rows, "rows"), parse_count(flag_bytes, "bytes"))
    try:
        workers = int(jobs)
    except ValueError:
        raise ConfigError(f"--jobs must be a whole number, got {jobs!r}") from None
    run = run_rehearsal(env, file=file, source=from_, migrations_dir=Path(migrations) if migrations else MIGRATIONS_DIR,
                        thresholds=limits, jobs=max(workers, 1), keep=keep, checks=parse_checks(checks), any_env=any_env,
                        say=lambda text: say(text, err=True), snapshot=snapshot)
    path = report.write(run, Path(report_) if report_ else None, REPO_ROOT / "backups" / "reports")
    say(report.terminal(run))
    say(f"report: {path}" + (f"; rehearsal database kept: {run.database}" if run.kept else ""))
    if run.failure:
        raise MigrationFailed(f"{run.failure}; the backup and {env} are untouched")
    if not run.passed:
        raise PolarisError(f"rehearsal failed: {report.verdict(run)}: see {path}")


TASKS = [rehearse]
