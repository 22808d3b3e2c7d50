"""One embedded Postgres per test run; a fresh database per test, cloned from a template.

Fixtures:
  cluster      the test run's server (fsync off, its own temp dir, a free loopback port)
  schema_url   URL of a fresh database with shim + all migrations + seeds
  empty_url    URL of a fresh database with only the Supabase shim
  bare_url     URL of a fresh, completely empty database
  connect      connect(url, **kw) -> psycopg.Connection, closed at teardown
"""

from __future__ import annotations

import itertools
import os

import psycopg
import pytest
from psycopg import sql

from polaris_db import platform
from polaris_db.database import clone_database
from polaris_db.reset import build
from polaris_db.server import FAST_UNSAFE, Cluster, free_port_from

_names = itertools.count(1)


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    root = tmp_path_factory.mktemp("pg")
    server = Cluster(root=root, port=free_port_from(int(os.environ.get("POLARIS_TEST_PORT", 55432))),
                     settings={**FAST_UNSAFE, "max_connections": "200"})
    server.start()
    yield server
    server.destroy()


def _admin(cluster) -> psycopg.Connection:
    return psycopg.connect(cluster.url("postgres"), autocommit=True)


def _create(cluster, name: str, template: str | None = None) -> str:
    with _admin(cluster) as conn:
        if template:
            clone_database(conn, template, name, strategy="file_copy")
        else:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    return cluster.url(name)


def _drop(cluster, name: str) -> None:
    with _admin(cluster) as conn:
        conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def empty_template(cluster) -> str:
    url = _create(cluster, "tpl_empty")
    with psycopg.connect(url, autocommit=True) as conn:
        platform.install(conn, "local")
    return "tpl_empty"


@pytest.fixture(scope="session")
def schema_template(cluster) -> str:
    url = _create(cluster, "tpl_schema")
    with psycopg.connect(url, autocommit=True) as conn:
        build(conn)
    return "tpl_schema"


def _fresh(cluster, template: str | None):
    name = f"t{next(_names):04d}"
    url = _create(cluster, name, template)
    yield url
    _drop(cluster, name)


@pytest.fixture
def schema_url(cluster, schema_template):
    yield from _fresh(cluster, schema_template)


@pytest.fixture
def empty_url(cluster, empty_template):
    yield from _fresh(cluster, empty_template)


@pytest.fixture
def bare_url(cluster):
    yield from _fresh(cluster, None)


@pytest.fixture
def connect():
    opened: list[psycopg.Connection] = []

    def _connect(url: str, **kwargs) -> psycopg.Connection:
        kwargs.setdefault("autocommit", True)
        conn = psycopg.connect(url, **kwargs)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()
