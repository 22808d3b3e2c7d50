#!/usr/bin/env python3
"""Benchmark: the rehearsal's overhead beyond restore + apply, on a ~1M-row database, printed as a ratio.

  floor      fetch the backup, restore it into a scratch database (the backups restore), apply the pending
             migrations with the engine `db.push` uses (one simple query per file), drop the database
  rehearse   `rehearsal.run.rehearse` without its checks: the same fetch and restore, plus ANALYZE, plus the
             per-statement execution with pg_locks / pg_class snapshots and the lock sampler
  + checks   the same rehearsal with the RLS suite, smoke.sql and the types check it then runs on the result
             (one rehearsal per run: the checks, which it times itself, are reported apart: they are tests of
             the result, not overhead of measuring)

The pending release is tests/rehearse/fixtures/measured (a nullable column, a rewrite of attempts by a
volatile default, a plain index build, a concurrent index build). Target: rehearse / floor <= 1.10.
Usage: .venv/bin/python scripts/bench_rehearse.py [--runs 3] [--rows 1000000] [--checks rls,smoke,types | --no-checks]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from polaris_db import MIGRATIONS_DIR, REPO_ROOT
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched, mark_verified
from polaris_db.backups.store import open_store
from polaris_db.backups.targets import drop_database, prove_in_scratch
from polaris_db.migrations import apply_plan, discover, make_plan, read_history
from polaris_db.errors import ConfigError
from polaris_db.rehearse.run import parse_checks, rehearse

sys.path.insert(0, str(Path(__file__).parent))
from bench_backup import fill, timed  # noqa: E402  (the same generated database)
from benchkit import bench_server, schema_database  # noqa: E402
sys.path.pop(0)

CHECK_NAMES = {"rls": "RLS suite", "smoke": "smoke", "types": "types"}
RELEASE = REPO_ROOT / "tests" / "rehearse" / "fixtures" / "measured"


def release(case: Path, target: Path) -> list[str]:
    """`target`: this checkout's migrations plus the case's files (`NN_name.sql`), numbered after the head."""
    shutil.copytree(MIGRATIONS_DIR, target)
    head = int(discover(MIGRATIONS_DIR)[-1].version)
    names = []
    for path in sorted(case.glob("*.sql")):
        number, _, rest = path.name.partition("_")
        names.append(f"{head + int(number):04d}_{rest}")
        shutil.copy(path, target / names[-1])
    return names


def floor(store, name: str, url: str, migrations: Path) -> None:
    with fetched(store, name) as (archive, manifest):
        prove_in_scratch(archive, manifest, url, keep=True)
    with psycopg.connect(url, autocommit=True) as conn:
        apply_plan(conn, make_plan(discover(migrations), read_history(conn)))
    drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--checks", default="all", help="the checks the rehearsal runs, as `inv db.rehearse "
                        "--checks`: rls,smoke,types (default all), or none")
    parser.add_argument("--no-checks", action="store_true", help="no checks (--checks none)")
    args = parser.parse_args()
    try:
        checks = () if args.no_checks else parse_checks(args.checks)
    except ConfigError as error:
        parser.error(str(error))
    with tempfile.TemporaryDirectory(prefix="polaris-bench-rehearse-") as scratch:
        root = Path(scratch)
        os.chmod(root, 0o755)
        with bench_server(root / "pg", 56720, {"synchronous_commit": "off"}) as cluster:
            source = schema_database(cluster, "bench")
            total = fill(source, args.rows)
            store = open_store(str(root / "store"))
            manifest = take_backup(source, "prod", store, encrypt=False)
            mark_verified(store, manifest)
            migrations = root / "migrations"
            names = release(RELEASE, migrations)
            os.environ["POLARIS_SCRATCH_URL"] = cluster.url("postgres")
            os.environ.pop("SUPABASE_PROD_URL", None)
            print(f"database: ~{total} rows ({manifest.row_counts.get('public.attempts')} attempts); release: "
                  f"{', '.join(names)}")
            series: dict[str, list[float]] = {"floor": [], "rehearse": [], "rehearse + checks": []}
            parts: list[dict[str, float]] = []
            for _ in range(args.runs):
                series["floor"].append(timed(lambda: floor(store, manifest.name, cluster.url("bench_floor"), migrations)))
                started = time.perf_counter()
                run = rehearse("prod", source=store.url, migrations_dir=migrations, checks=checks,
                               database="bench_rehearse")
                took = time.perf_counter() - started
                series["rehearse"].append(took - run.timings.get("checks", 0.0))  # the checks are timed apart
                if checks:
                    series["rehearse + checks"].append(took)
                parts.append(run.timings)
            med = {k: statistics.median(v) for k, v in series.items() if v}
            print(f"median of {args.runs} runs (s):")
            print(f"  floor (fetch + restore + apply)  {med['floor']:7.2f}")
            print(f"  rehearse (measured, no checks)   {med['rehearse']:7.2f}   ratio {med['rehearse'] / med['floor']:.2f}x "
                  "(target <= 1.10x)")
            where = {k: statistics.median(p.get(k, 0.0) for p in parts) for k in ("download", "restore", "migrations")}
            print("  where the rehearsal's time went: " + ", ".join(f"{k} {v:.2f} s" for k, v in where.items()))
            if "rehearse + checks" in med:
                spent = med["rehearse + checks"] - med["rehearse"]
                print(f"  rehearse + checks                {med['rehearse + checks']:7.2f}   ratio "
                      f"{med['rehearse + checks'] / med['floor']:.2f}x (checks {spent:.2f} s: "
                      f"{', '.join(CHECK_NAMES[name] for name in checks)})")


if __name__ == "__main__":
    main()
