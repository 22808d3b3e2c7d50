#!/usr/bin/env python3
"""Benchmark: masking a restored backup vs restoring it, same run, printed as a ratio; memory as rows grow.

  restore    the backup's `pg_restore` into a fresh scratch database on the embedded cluster (what
             `inv db.snapshot` does first, and what `backup-verify` does)
  mask       `snapshots.mask.mask_database` on that restored database: every masked column of every
             table by ops/supabase/masking.toml (one pass per table: a bulk rewrite or an UPDATE)
  leak check `snapshots.leak.sample` + `check` (reported apart: a proof on the result, not the masking)

The database: tests/fixtures/snapshots/production_like.sql (learners with emails, phones, names, metadata,
sessions, attempts with free-text answers, tickets, events, payments, storage objects). Target:
mask / restore <= 1.5x. Memory: this process's peak RSS and the masking session's server memory at half and
at full size (set-based SQL: neither grows with the rows).
Usage: .venv/bin/python scripts/bench_snapshot.py [--users 20000] [--attempts 1000000] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from polaris_db import REPO_ROOT
from polaris_db.backups.dump import take_backup
from polaris_db.backups.fetch import fetched
from polaris_db.backups.store import open_store
from polaris_db.backups.targets import drop_database, prove_in_scratch
from polaris_db.database import clone_database
from polaris_db.snapshots import leak
from polaris_db.snapshots.fakes import mask_key
from polaris_db.snapshots.mask import mask_database
from polaris_db.snapshots.rules import catalog, load

sys.path.insert(0, str(Path(__file__).parent))
from benchkit import bench_server, schema_database  # noqa: E402
sys.path.pop(0)

PRODUCTION_LIKE = REPO_ROOT / "tests" / "fixtures" / "snapshots" / "production_like.sql"


def generate(url: str, users: int, attempts: int) -> None:
    """The production-like rows, on a copy of the schema database."""
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            conn.execute(f"set local polaris.users = {users}; set local polaris.attempts = {attempts}")
            conn.execute(PRODUCTION_LIKE.read_text())
        conn.execute("vacuum analyze")


def backend_bytes(conn: psycopg.Connection) -> int:
    """Memory the masking session's server process holds (all its memory contexts)."""
    return conn.execute("select sum(total_bytes)::bigint from pg_backend_memory_contexts").fetchone()[0]


def measure(cluster, store, name: str, rules, key: bytes) -> dict[str, float]:
    url = cluster.url("bench_snapshot")
    with fetched(store, name) as (archive, manifest):
        result = prove_in_scratch(archive, manifest, url, keep=True)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = catalog(conn)
        started = time.perf_counter()
        report = leak.sample(conn, rules, tables, rules.sample)  # before masking: the originals
        leak_seconds = time.perf_counter() - started
        started = time.perf_counter()
        masked = mask_database(conn, rules, key)
        mask_seconds = time.perf_counter() - started
        started = time.perf_counter()
        leak.check(conn, tables, report)
        leak_seconds += time.perf_counter() - started
        backend = backend_bytes(conn)
    drop_database(url)
    if report.survivors:
        sys.exit(f"leak check found {report.survivors} originals: the benchmark's masking is wrong")
    return {"restore": result.seconds, "mask": mask_seconds, "leak": leak_seconds, "rows": masked.rows,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "backend": backend / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if min(args.users, args.attempts, args.runs) <= 0:
        print("error: --users, --attempts and --runs must be positive", file=sys.stderr)
        sys.exit(2)
    os.environ.setdefault("POLARIS_MASK_KEY", "bench-mask-key-0123456789")
    rules, key = load(), mask_key()
    with tempfile.TemporaryDirectory(prefix="polaris-bench-snapshot-") as scratch:
        root = Path(scratch)
        port = int(os.environ.get("POLARIS_TEST_PORT", 56800)) + 60
        with bench_server(root / "pg", port, {"synchronous_commit": "off"}) as cluster:
            store = open_store(str(root / "store"))
            schema_database(cluster, "bench_schema")  # the migrations and seeds, once: each size's database is a copy
            figures = {}
            for label, scale in (("half", 2), ("full", 1)):
                source = cluster.url(f"bench_source_{label}")
                with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
                    clone_database(conn, "bench_schema", f"bench_source_{label}")
                generate(source, args.users // scale, args.attempts // scale)
                manifest = take_backup(source, f"bench_{label}", store, encrypt=False)
                runs = [measure(cluster, store, manifest.name, rules, key) for _ in range(args.runs)]
                figures[label] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            full, half = figures["full"], figures["half"]
            print(f"database: {args.users} learners, {args.attempts} attempts ({int(full['rows'])} rows masked); "
                  f"median of {args.runs} run(s), seconds")
            print(f"  restore (pg_restore into a scratch database)  {full['restore']:8.2f}")
            ratio = full["mask"] / full["restore"]
            print(f"  mask (one pass per table)                      {full['mask']:8.2f}   ratio {ratio:.2f}x "
                  f"(target <= 1.5x: {'ok' if ratio <= 1.5 else 'OVER'})")
            print(f"  leak check ({rules.sample} originals per column)        {full['leak']:8.2f}")
            print(f"  memory: peak RSS {half['rss']:.0f} MB at half size, {full['rss']:.0f} MB at full size; server "
                  f"process {half['backend']:.1f} MB / {full['backend']:.1f} MB; mask time per row "
                  f"{half['mask'] / half['rows'] * 1e6:.1f} / {full['mask'] / full['rows'] * 1e6:.1f} us")


if __name__ == "__main__":
    main()
