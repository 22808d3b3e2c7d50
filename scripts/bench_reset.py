#!/usr/bin/env python3
"""Benchmark: warm `inv db.reset` vs the floor vs `supabase db reset --remote`, on one server.

  floor  create a fresh database, then the shim as supabase_admin (`psql -1 -f`, as `inv db.reset` installs it:
         `postgres` is hosted's non-superuser) and every migration + seeds as postgres in one `psql -1 -f`
  ours   `inv db.reset` on the embedded default (a separate cluster under a temp POLARIS_STATE_DIR):
         warm, so it clones the cached build; also timed with --no-cache (every migration replayed)
  cli    `supabase db reset --remote=<url>` as postgres (drops what the migrations made, keeps the platform's
         auth and storage as on hosted, applies migrations, runs the same seeds)

Prints the median of N warm runs and the ratios. Target: ours <= 1.3x floor, and faster than the CLI.
Usage: .venv/bin/python scripts/bench_reset.py [--runs 5] [--no-warmup]
       (tests/test_bench_reset.py runs it with --runs 1 --no-warmup)
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

from polaris_db import MIGRATIONS_DIR, REPO_ROOT, SEEDS_DIR
from polaris_db.cluster import free_port_from, local_cluster
from polaris_db.migrations import discover
from polaris_db.migrations.seeds import discover_seeds
from polaris_db.psql import psql_command
from polaris_db.shim import SHIM_SQL
from polaris_db import supabase_cli
from polaris_db.supabase_cli import cli_path

CLI_HOST = "127.0.0.2"  # the CLI treats 127.0.0.1 as its Docker stack; any other loopback address is "remote"


STEP_TIMEOUT = 600  # seconds for one reset


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO_ROOT,
                            stdin=subprocess.DEVNULL, timeout=STEP_TIMEOUT)
    took = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"benchmark step failed: {' '.join(command[:3])}: {(result.stderr or result.stdout).strip()[-400:]}")
    return took


def cli_workdir(root: Path) -> Path:
    """supabase/migrations linked to ours, and config.toml seeding our seeds in their declared order."""
    supabase = root / "supabase"
    (supabase / "seeds").mkdir(parents=True)
    # Run as postgres (the hosted model), the CLI's remote reset keeps the platform's schemas, which
    # supabase_admin owns: the shim that the warm-up `inv db.reset` installed stays.
    (supabase / "migrations").mkdir()
    for migration in discover(MIGRATIONS_DIR):
        (supabase / "migrations" / migration.filename).symlink_to(migration.path.resolve())
    paths = []
    for seed in discover_seeds(SEEDS_DIR):
        (supabase / "seeds" / seed.path.name).symlink_to(seed.path.resolve())
        paths.append(f'"./seeds/{seed.path.name}"')
    (supabase / "config.toml").write_text(f'project_id = "polaris-bench"\n\n[db.seed]\nenabled = true\nsql_paths = [{", ".join(paths)}]\n')
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-warmup", action="store_true",
                        help="no warm-up run of the floor (a smoke run: the first floor pays for cold caches)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="polaris-bench-") as scratch:
        scratch_path = Path(scratch)
        os.chmod(scratch_path, 0o755)
        env = {**os.environ, "POLARIS_STATE_DIR": str(scratch_path / "state"),
               "POLARIS_PG_PORT": str(free_port_from(56500)), "POLARIS_PG_LISTEN": CLI_HOST}
        env.pop("DATABASE_URL", None)
        os.environ.update({k: env[k] for k in ("POLARIS_STATE_DIR", "POLARIS_PG_PORT", "POLARIS_PG_LISTEN")})
        cluster = local_cluster()
        cluster.root = scratch_path / "state" / "postgres"
        cluster.start()
        try:
            all_sql = scratch_path / "all.sql"
            parts = [m.sql for m in discover(MIGRATIONS_DIR)] + [s.path.read_text() for s in discover_seeds(SEEDS_DIR)]
            all_sql.write_text("\n;\n".join(parts))
            admin, admin_env = psql_command(cluster.url("postgres"), "-q", "-c")
            one_file = ("-q", "-1", "-v", "ON_ERROR_STOP=1", "-f")
            floor_shim, shim_env = psql_command(cluster.admin_url("floor"), *one_file, str(SHIM_SQL))
            floor_db, floor_env = psql_command(cluster.url("floor"), *one_file, str(all_sql))
            inv = [sys.executable, "-m", "invoke", "db.reset"]
            cli = [str(cli_path()), "db", "reset", "--yes", f"--remote={cluster.url('postgres').replace('127.0.0.1', CLI_HOST)}",
                   "--workdir", str(cli_workdir(scratch_path / "cli"))]
            cli_env = {**supabase_cli.QUICK_START, **env, "SUPABASE_TELEMETRY_DISABLED": "1", "DO_NOT_TRACK": "1"}

            def floor() -> float:
                started = time.perf_counter()
                for command, command_env in ((admin + ["drop database if exists floor with (force)"], admin_env),
                                             (admin + ["create database floor"], admin_env),
                                             (floor_shim, shim_env), (floor_db, floor_env)):
                    result = subprocess.run(command, env=command_env, capture_output=True, text=True,
                                            stdin=subprocess.DEVNULL, timeout=STEP_TIMEOUT)
                    if result.returncode != 0:
                        sys.exit(f"benchmark step failed: floor: {result.stderr.strip()[-400:]}")
                return time.perf_counter() - started

            timings: dict[str, list[float]] = {"floor": [], "ours": [], "ours_no_cache": [], "cli": []}
            timed(inv, env)  # warm-up: creates the database and the cached build the warm resets clone, OS pages
            if not args.no_warmup:
                floor()
            for run in range(args.runs):
                timings["floor"].append(floor())
                timings["ours"].append(timed(inv, env))
                timings["ours_no_cache"].append(timed(inv + ["--no-cache"], env))
                timings["cli"].append(timed(cli, cli_env))
                print(f"run {run + 1}/{args.runs}: " + ", ".join(f"{k} {v[-1]:.3f}s" for k, v in timings.items()), flush=True)
        finally:
            cluster.destroy()

    median = {k: statistics.median(v) for k, v in timings.items()}
    migrations = len(discover(MIGRATIONS_DIR))
    print(f"\nwarm reset of {migrations} migrations + seeds, median of {args.runs} runs")
    print(f"  floor (psql -1, fresh db)   {median['floor']:.3f}s")
    print(f"  inv db.reset                {median['ours']:.3f}s   {median['ours'] / median['floor']:.2f}x floor (target <= 1.30x)")
    print(f"  inv db.reset --no-cache     {median['ours_no_cache']:.3f}s   {median['ours_no_cache'] / median['floor']:.2f}x floor (every migration replayed)")
    print(f"  supabase db reset --remote  {median['cli']:.3f}s   ours is {median['cli'] / median['ours']:.2f}x faster "
          f"({median['cli'] / median['ours_no_cache']:.2f}x without the cache)")


if __name__ == "__main__":
    main()
