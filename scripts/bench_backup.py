#!/usr/bin/env python3
"""Benchmark: our backup + restore vs raw `pg_dump -Fc` + `pg_restore -j2`, same ~1M-row database, same run.

  raw   pg_dump -Fc of the whole database; create database; pg_restore -j2 into it
  ours  polaris_db.backup.take_backup (snapshot row counts, pg_dump -Fc, sha256, fsync, manifest)
        + polaris_db.restore.restore_backup (sha256, fresh database + shim, planned pg_restore -j2,
        row counts and migration history compared with the manifest)

The database: the full schema and seeds plus ~1M rows (users, sessions, attempts, events) on a
temporary embedded cluster on 127.0.0.1. Prints the median of N runs and ratios (target <= 1.1x).
Usage: .venv/bin/python scripts/bench_backup.py [--runs 3] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from polaris_db.backup import take_backup, tool_env
from polaris_db.cluster import Cluster, bin_path, free_port_from
from polaris_db.migrations.reset import build
from polaris_db.restore import restore_backup


def fill(url: str, rows: int) -> int:
    users, sessions = max(rows // 500, 10), max(rows // 20, 10)
    attempts = rows - users * 2 - sessions - rows // 10  # auth.users + profiles (trigger), sessions, events
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("insert into auth.users (id, email) select gen_random_uuid(), 'u' || g || '@example.com'"
                     " from generate_series(1, %s) g", (users,))
        conn.execute("create temporary table u as select id, row_number() over () as n from auth.users")
        conn.execute("insert into public.sessions (user_id, minutes_used) select u.id, (g %% 60)::numeric"
                     " from generate_series(1, %s) g join u on u.n = 1 + g %% %s", (sessions, users))
        conn.execute("create temporary table s as select id, user_id, row_number() over () as n from public.sessions")
        conn.execute("insert into public.attempts (user_id, session_id, drill_id, score, response)"
                     " select s.user_id, s.id, (select id from public.drills order by id limit 1 offset g %% 40),"
                     " (g %% 100)::numeric, md5(g::text) from generate_series(1, %s) g join s on s.n = 1 + g %% %s",
                     (attempts, sessions))
        conn.execute("insert into public.events (user_id, name, payload) select u.id, 'drill_started',"
                     " jsonb_build_object('n', g) from generate_series(1, %s) g join u on u.n = 1 + g %% %s",
                     (rows // 10, users))
        conn.execute("vacuum analyze")
        return conn.execute("select sum(n_live_tup) from pg_stat_user_tables").fetchone()[0]


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(command: list[str], url: str) -> None:
    clean, env = tool_env(url)
    result = subprocess.run([*command, "-d", clean], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"benchmark step failed: {command[0]}: {result.stderr.strip()[-400:]}")


def recreate(cluster: Cluster, name: str) -> str:
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute(f"drop database if exists {name} with (force)")
        conn.execute(f"create database {name}")
    return cluster.url(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="polaris-bench-backup-") as scratch:
        root = Path(scratch)
        os.chmod(root, 0o755)
        cluster = Cluster(root=root / "pg", port=free_port_from(56700), settings={"synchronous_commit": "off"})
        cluster.start()
        try:
            source = recreate(cluster, "bench")
            with psycopg.connect(source, autocommit=True) as conn:
                build(conn)
            total_rows = fill(source, args.rows)
            print(f"database: ~{total_rows} rows (statistics) on 127.0.0.1:{cluster.port}")
            raw_dump = root / "raw.dump"
            series: dict[str, list[float]] = {k: [] for k in ("raw dump", "raw restore", "our backup", "our restore")}
            for i in range(args.runs):
                series["raw dump"].append(timed(lambda: run([bin_path("pg_dump"), "-Fc", "-f", str(raw_dump)], source)))
                target = recreate(cluster, "raw_target")
                series["raw restore"].append(
                    timed(lambda: run([bin_path("pg_restore"), "-j", "2", str(raw_dump)], target)))
                out = root / f"ours{i}"
                dumped = []
                series["our backup"].append(timed(lambda: dumped.append(take_backup(source, "bench", out))))
                dump, manifest = dumped[0]
                results = []
                series["our restore"].append(timed(lambda: results.append(
                    restore_backup(dump, cluster.url("our_target"), fresh=True, jobs=2))))
                if not results[0].ok:
                    sys.exit(f"our restore does not match its manifest: {results[0].mismatches + results[0].history}")
            med = {k: statistics.median(v) for k, v in series.items()}
            print(f"archive: raw {raw_dump.stat().st_size / 1e6:.1f} MB, ours {manifest.bytes / 1e6:.1f} MB "
                  f"({len(manifest.row_counts)} tables, {sum(manifest.row_counts.values())} rows counted)")
            print(f"median of {args.runs} runs (s):")
            for ours, raw in (("our backup", "raw dump"), ("our restore", "raw restore")):
                print(f"  {ours:12} {med[ours]:6.2f}   {raw:12} {med[raw]:6.2f}   ratio {med[ours] / med[raw]:.2f}x")
            total_ours, total_raw = med["our backup"] + med["our restore"], med["raw dump"] + med["raw restore"]
            print(f"  backup+restore: ours {total_ours:.2f} s, raw {total_raw:.2f} s, ratio {total_ours / total_raw:.2f}x"
                  " (target <= 1.1x)")
        finally:
            cluster.destroy()


if __name__ == "__main__":
    main()
