#!/usr/bin/env python3
"""A second embedded Postgres in the hosted model, for `POLARIS_TEST_DATABASE_URL` without Docker.

It stands in for a supabase/postgres container: superuser `supabase_admin`, the platform roles already
present, the non-superuser `postgres`, and the platform's schemas in its `postgres` database (per-test
databases get them from the shim, as on the image). Prints the URL to export.

Usage: .venv/bin/python scripts/hosted_test_server.py [start|stop] [--dir .polaris/hosted-test] [--port 56200]
       POLARIS_TEST_DATABASE_URL=<printed URL> .venv/bin/python -m pytest -q
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polaris_db import STATE_DIR, shim
from polaris_db.cluster import FAST_UNSAFE, Cluster
from polaris_db.database import connection
from polaris_db.errors import PolarisError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", nargs="?", choices=("start", "stop"), default="start")
    parser.add_argument("--dir", type=Path, default=STATE_DIR / "hosted-test")
    parser.add_argument("--port", type=int, default=56200)
    args = parser.parse_args(argv)
    cluster = Cluster(root=args.dir, port=args.port, settings={**FAST_UNSAFE, "max_connections": "200"})
    try:
        if args.action == "stop":
            print("stopped" if cluster.stop() else "not running")
            return 0
        cluster.start()
        with connection(cluster.url()) as conn:
            shim.install(conn, "local")
    except PolarisError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    print(f"POLARIS_TEST_DATABASE_URL={cluster.admin_url()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
