"""What the bench scripts share: the Postgres server they run on (their own, or one a test lends them).

By default a bench starts its own temporary embedded cluster and builds the schema (shim, migrations, seeds).
Variables let a test run lend its own server instead (tests/benches.py), so that a toy-sized run pays for
neither a cluster nor a schema build nor an S3 server:

  POLARIS_BENCH_SERVER_URL  the superuser's URL of a running server with the hosted model (supabase_admin,
                            postgres not a superuser) that nothing else uses meanwhile (a test worker's): the
                            bench makes its databases there, and drops every database made meanwhile when it ends
  POLARIS_BENCH_SCHEMA      a database on that server with the full schema: `schema_database` clones it
                            instead of building the schema again
  POLARIS_BENCH_S3_URL      an S3 endpoint (moto's) for bench_backup's store instead of a moto server of its
                            own: a bucket per run, removed after
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

from polaris_db.cluster import Cluster, RunningServer, free_port_from
from polaris_db.database import clone_database, drop_database
from polaris_db.migrations.reset import build

SERVER_URL = "POLARIS_BENCH_SERVER_URL"
SCHEMA = "POLARIS_BENCH_SCHEMA"
S3_URL = "POLARIS_BENCH_S3_URL"


def _databases(server: RunningServer) -> set[str]:
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        return {name for (name,) in conn.execute("select datname from pg_database").fetchall()}


@contextmanager
def bench_server(root: Path, port: int, settings: dict[str, str] | None = None,
                 keep: bool = False) -> Iterator[Cluster | RunningServer]:
    """The server a bench runs on: a new cluster under `root` on the first free port from `port` (destroyed
    after, unless `keep`), or the server POLARIS_BENCH_SERVER_URL lends (the databases the bench made dropped)."""
    lent = os.environ.get(SERVER_URL)
    if lent:
        server = RunningServer(lent)
        before = _databases(server)
        try:
            yield server
        finally:
            if not keep:
                with psycopg.connect(server.admin_url(), autocommit=True) as conn:
                    for name in sorted(_databases(server) - before):
                        drop_database(conn, name)
        return
    cluster = Cluster(root=root, port=free_port_from(port), settings=settings)
    cluster.start()
    try:
        yield cluster
    finally:
        if not keep:
            cluster.destroy()


def schema_database(server: Cluster | RunningServer, name: str) -> str:
    """URL of a new database `name` on `server` with the full schema: POLARIS_BENCH_SCHEMA cloned, or built."""
    template = os.environ.get(SCHEMA) if os.environ.get(SERVER_URL) else None
    with psycopg.connect(server.url("postgres"), autocommit=True) as conn:  # a new one: never a lent server's own
        if template:
            clone_database(conn, template, name, strategy="file_copy")
        else:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    if not template:
        with psycopg.connect(server.url(name), autocommit=True) as conn:
            build(conn)
    return server.url(name)


def remove_bucket(client, bucket: str) -> None:
    """`bucket` and what it holds (a bench's, on a lent S3 server)."""
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)
