"""Connections to a target (the embedded cluster started on demand), and databases made and dropped.

`recreate_database()` replaces a target's database; `scratch_database()` is the one throwaway-database
helper (lint's scratch build, `rls-test --fresh`, `db.sync`, the test fixtures); `clone_database()` copies
a template with its per-database settings.
"""

from __future__ import annotations

import os
import secrets
import time
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from .cluster import local_cluster
from .config import Target, mask
from .console import say
from .errors import ServerError, first_line
from .shim import install as install_shim

APP_NAME = "polaris_db"
LIST_SETTINGS = frozenset({"search_path", "temp_tablespaces", "local_preload_libraries", "session_preload_libraries"})


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
        raise ServerError(f"cannot connect to {mask(url)}: {mask(first_line(error, 'connection failed'))}") from None


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


def drop_database(conn: psycopg.Connection, name: str, *, wait: float = 5.0) -> None:
    """Drop `name`, closing its sessions. A non-superuser may not terminate a superuser's session: one that
    is still exiting (a connection just closed, e.g. the shim's) is waited out for up to `wait` seconds."""
    statement = sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute(statement)
            return
        except psycopg.errors.InsufficientPrivilege:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def create_database(conn: psycopg.Connection, name: str, *, template: str | None = None,
                    strategy: str | None = None) -> None:
    """An empty database, or a clone of `template` (settings included)."""
    if template:
        clone_database(conn, template, name, strategy=strategy)
    else:
        conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))


def recreate_database(url: str, *, template: str | None = None, strategy: str | None = None,
                      comment: str | None = None) -> None:
    """Drop and create the URL's database (with `comment`, before anyone connects), through the maintenance database."""
    name = database_name(url)
    maintenance = "template1" if name == "postgres" else "postgres"
    with connection(with_database(url, maintenance)) as conn:
        drop_database(conn, name)
        create_database(conn, name, template=template, strategy=strategy)
        if comment is not None:
            conn.execute(sql.SQL("comment on database {} is {}").format(sql.Identifier(name), sql.Literal(comment)))


@contextmanager
def scratch_database(url: str, name: str | None = None, *, template: str | None = None,
                     strategy: str | None = None, shim: bool = False) -> Iterator[str]:
    """A throwaway database next to `url`'s: yield its URL, always drop it afterwards.

    Fresh (any leftover of the same name replaced), or a clone of `template`; `shim=True` installs the
    Supabase platform shim in it. Created and dropped through a connection to `url` itself.
    """
    name = name or f"scratch_{os.getpid()}_{secrets.token_hex(3)}"
    scratch = with_database(url, name)
    with connection(url) as admin:
        drop_database(admin, name)
        create_database(admin, name, template=template, strategy=strategy)
    try:
        if shim:
            with connection(scratch) as conn:
                install_shim(conn, "local")
        yield scratch
    finally:
        with connection(url) as admin:
            drop_database(admin, name)


def clone_database(conn: psycopg.Connection, template: str, name: str, *, strategy: str | None = None) -> None:
    """`create database name template template`, plus the template's `alter database ... set` settings.

    Postgres does not copy per-database settings to a clone. The shim sets none (hosted has none:
    search_path with `extensions` is the postgres role's), but a database someone configured keeps them.
    """
    create = sql.SQL("create database {} template {}").format(sql.Identifier(name), sql.Identifier(template))
    if strategy:
        create = sql.SQL("{} strategy {}").format(create, sql.SQL(strategy))
    conn.execute(create)
    rows = conn.execute(
        """select r.rolname, unnest(s.setconfig) from pg_db_role_setting s
           join pg_database d on d.oid = s.setdatabase left join pg_roles r on r.oid = s.setrole
           where d.datname = %s""", [template]).fetchall()
    for role, setting in rows:
        key, value = setting.split("=", 1)
        target = sql.SQL("alter role {} in database {}").format(sql.Identifier(role), sql.Identifier(name)) \
            if role else sql.SQL("alter database {}").format(sql.Identifier(name))
        # A list setting is stored with its items already quoted where needed; others are one value.
        value_sql = sql.SQL(value) if key in LIST_SETTINGS else sql.Literal(value)
        conn.execute(sql.SQL("{} set {} = {}").format(target, sql.Identifier(*key.split(".")), value_sql))


def server_version(conn: psycopg.Connection) -> str:
    return conn.execute("select current_setting('server_version')").fetchone()[0]
