"""Connections to a target, with the embedded cluster started on demand."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from .config import Target, mask
from .console import say
from .errors import ServerError
from .server import local_cluster

APP_NAME = "polaris_db"


def target_url(target: Target) -> str:
    """The target's URL; for the embedded default, start the cluster if it is down."""
    if target.url:
        return target.url
    cluster = local_cluster()
    port, started = cluster.start()
    if started:
        say(f"started embedded Postgres on 127.0.0.1:{port}")
    return cluster.url()


def connect(url: str, **kwargs) -> psycopg.Connection:
    kwargs.setdefault("autocommit", True)
    kwargs.setdefault("application_name", APP_NAME)
    kwargs.setdefault("connect_timeout", 10)
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else "connection failed"
        raise ServerError(f"cannot connect to {mask(url)}: {mask(reason)}") from None


@contextmanager
def connection(url: str, **kwargs):
    conn = connect(url, **kwargs)
    try:
        yield conn
    finally:
        conn.close()


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + database))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/") or "postgres"


def recreate_database(url: str, *, template: str | None = None) -> None:
    """Drop and create the URL's database, connecting through the maintenance database."""
    name = database_name(url)
    maintenance = "template1" if name == "postgres" else "postgres"
    with connection(with_database(url, maintenance)) as conn:
        conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
        create = sql.SQL("create database {}").format(sql.Identifier(name))
        if template:
            create = sql.SQL("{} template {} strategy file_copy").format(create, sql.Identifier(template))
        conn.execute(create)


def server_version(conn: psycopg.Connection) -> str:
    return conn.execute("select current_setting('server_version')").fetchone()[0]
