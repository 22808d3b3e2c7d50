#!/usr/bin/env python3
"""Benchmark: our backup + verify + restore through the store vs raw pg_dump/upload/download/pg_restore, same run.

  raw   pg_dump -Fc to a file, upload_file to the bucket; download_file, create database, pg_restore -j2
        (as the cluster's superuser, whole database: the floor)
  ours  backups.dump.take_backup (snapshot row counts, pg_dump streamed through sha256 + age into a
        multipart upload with per-part SHA-256, checksum read back, manifest last)
        + backup-verify (download, decrypt, header and checksums, restore into a scratch database, compare)
        + restore (download, decrypt, checks, restore beside the target, compare, swap)

The store is moto's S3 server on loopback; the database the full schema and seeds plus ~1M rows on a
temporary embedded cluster. Prints the median of N runs and ratios (target <= 1.1x).
Usage: .venv/bin/python scripts/bench_backup.py [--runs 3] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

from polaris_db.backups.dump import take_backup
from polaris_db.psql import tool_env
from polaris_db.backups.fetch import fetched
from polaris_db.backups.store import open_store
from polaris_db.backups.targets import prove_in_scratch, restore_beside
from polaris_db.cluster import bin_path, free_port_from

sys.path.insert(0, str(Path(__file__).parent))
from benchkit import S3_URL, bench_server, remove_bucket, schema_database  # noqa: E402
from moto_server import cache_services  # noqa: E402
sys.path.pop(0)

BUCKET = f"bench-backups-{os.getpid()}"  # a lent S3 server (POLARIS_BENCH_S3_URL) may hold another run's


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


def recreate(cluster, name: str) -> str:
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute(f"drop database if exists {name} with (force)")
        conn.execute(f"create database {name}")
    return cluster.url(name)


def start_store(port: int):
    """moto's S3 server on loopback (or the one POLARIS_BENCH_S3_URL lends), an age key, a bucket: the same path
    production takes. Returns (the server started, or None; a client)."""
    import boto3
    from pyrage import x25519

    server, endpoint = None, os.environ.get(S3_URL)
    if not endpoint:
        from moto.server import ThreadedMotoServer

        cache_services()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        # start() waits for its server thread forever, even when that thread died (the port taken meanwhile)
        starting = threading.Thread(target=server.start, daemon=True)
        starting.start()
        starting.join(timeout=30)
        if starting.is_alive():
            sys.exit(f"error: moto server on 127.0.0.1:{port} did not start")
        endpoint = f"http://127.0.0.1:{port}"
    key = x25519.Identity.generate()
    os.environ.update(AWS_ENDPOINT_URL_S3=endpoint, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                      AWS_REGION="us-east-1", POLARIS_BACKUP_RECIPIENTS=str(key.to_public()), POLARIS_BACKUP_IDENTITY=str(key))
    client = boto3.client("s3")
    client.create_bucket(Bucket=BUCKET)
    return server, client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="polaris-bench-backup-") as scratch:
        root = Path(scratch)
        os.chmod(root, 0o755)
        base = int(os.environ.get("POLARIS_TEST_PORT", 56800))  # a test run's ports: no clash with a parallel run
        server = client = None
        with bench_server(root / "pg", base + 20, {"synchronous_commit": "off"}) as cluster:
            try:
                server, client = start_store(free_port_from(base + 30))
                source = schema_database(cluster, "bench")
                total_rows = fill(source, args.rows)
                print(f"database: ~{total_rows} rows (statistics) on 127.0.0.1:{cluster.port}; store: moto S3 on loopback")
                store = open_store(f"s3://{BUCKET}/bench")
                raw_dump, raw_back = root / "raw.dump", root / "raw-back.dump"
                keys = ("raw dump+upload", "raw download+restore", "our backup", "our verify", "our restore")
                series: dict[str, list[float]] = {k: [] for k in keys}
                for i in range(args.runs):
                    def raw_out() -> None:  # as the superuser: a whole-database dump and restore, no plan, no checks
                        run([bin_path("pg_dump"), "-Fc", "-f", str(raw_dump)], cluster.admin_url("bench"))
                        client.upload_file(str(raw_dump), BUCKET, "raw/raw.dump")

                    def raw_in() -> None:
                        client.download_file(BUCKET, "raw/raw.dump", str(raw_back))
                        recreate(cluster, "raw_target")
                        run([bin_path("pg_restore"), "-j", "2", str(raw_back)], cluster.admin_url("raw_target"))

                    series["raw dump+upload"].append(timed(raw_out))
                    series["raw download+restore"].append(timed(raw_in))
                    taken = []
                    series["our backup"].append(timed(lambda: taken.append(take_backup(source, "bench", store))))
                    manifest = taken[0]

                    def verify() -> None:
                        with fetched(store, manifest.name) as (archive, proven):
                            if not prove_in_scratch(archive, proven, cluster.url("our_verify")).ok:
                                sys.exit("our verification does not match its manifest")

                    def restore() -> None:
                        with fetched(store, manifest.name) as (archive, proven):
                            restore_beside(archive, proven, cluster.url("our_target"))

                    series["our verify"].append(timed(verify))
                    series["our restore"].append(timed(restore))
                    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
                        for (name,) in conn.execute("select datname from pg_database where datname like 'our_target_before_%'").fetchall():
                            conn.execute(f'drop database "{name}"')
                med = {k: statistics.median(v) for k, v in series.items()}
                print(f"archive: raw {raw_dump.stat().st_size / 1e6:.1f} MB, ours {manifest.object_bytes / 1e6:.1f} MB encrypted "
                      f"({len(manifest.row_counts)} tables, {sum(manifest.row_counts.values())} rows counted)")
                print(f"median of {args.runs} runs (s):")
                for ours, raw in (("our backup", "raw dump+upload"), ("our restore", "raw download+restore")):
                    print(f"  {ours:12} {med[ours]:6.2f}   {raw:21} {med[raw]:6.2f}   ratio {med[ours] / med[raw]:.2f}x")
                print(f"  {'our verify':12} {med['our verify']:6.2f}   (a full restore into a scratch database; raw has none)")
                raw_total = med["raw dump+upload"] + med["raw download+restore"]
                pair = med["our backup"] + med["our restore"]
                print(f"  backup+restore: ours {pair:.2f} s, raw {raw_total:.2f} s, ratio {pair / raw_total:.2f}x (target <= 1.1x)")
                whole = pair + med["our verify"]
                print(f"  backup+verify+restore: ours {whole:.2f} s, raw {raw_total:.2f} s, ratio {whole / raw_total:.2f}x")
            finally:
                if server:
                    server.stop()
                elif client:  # a lent server: what the bench stored goes
                    remove_bucket(client, BUCKET)


if __name__ == "__main__":
    main()
