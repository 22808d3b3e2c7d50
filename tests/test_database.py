"""database.scratch_database: the one throwaway-database helper (lint, rls-test --fresh, sync, fixtures);
drop_database as hosted's non-superuser postgres."""

import threading

import psycopg
import pytest

from polaris_db.database import drop_database, scratch_database


def _exists(connect, url, name):
    return connect(url).execute("select 1 from pg_database where datname = %s", [name]).fetchone() is not None


def test_a_scratch_database_is_dropped_after_use_even_when_the_body_raises(cluster, connect):
    admin = cluster.url("postgres")
    with pytest.raises(RuntimeError), scratch_database(admin, "scratch_raises") as url:
        assert url.endswith("/scratch_raises") and _exists(connect, admin, "scratch_raises")
        connect(url).execute("create table t (id int)")  # an open connection does not keep it alive
        raise RuntimeError("boom")
    assert not _exists(connect, admin, "scratch_raises")


def test_a_scratch_database_clones_a_template_or_gets_the_shim_and_replaces_a_leftover(cluster, schema_template,
                                                                                      connect):
    admin = cluster.url("postgres")
    connect(admin).execute("create database scratch_leftover")
    with scratch_database(admin, "scratch_leftover", template=schema_template) as url:
        assert connect(url).execute("select to_regclass('public.profiles') is not null").fetchone()[0]
    with scratch_database(admin, shim=True) as url:
        conn = connect(url)
        assert conn.execute("select current_database() ~ '^scratch_[0-9]+_[0-9a-f]{6}$'").fetchone()[0]
        assert conn.execute("select to_regclass('auth.users') is not null").fetchone()[0]
        assert conn.execute("select to_regclass('public.profiles') is null").fetchone()[0]
    assert not _exists(connect, admin, "scratch_leftover")


def test_drop_waits_out_a_superuser_session_that_is_closing(cluster, connect):
    """A non-superuser cannot terminate a superuser's session: one that ends meanwhile (a connection just
    closed, like the shim's) is waited for; one that stays makes the drop fail."""
    admin = connect(cluster.url("postgres"))  # postgres: not a superuser
    for name in ("drop_closing", "drop_staying"):
        admin.execute(f"drop database if exists {name}")
        admin.execute(f"create database {name}")
    closing = psycopg.connect(cluster.admin_url("drop_closing"), autocommit=True)
    timer = threading.Timer(0.5, closing.close)
    timer.start()
    drop_database(admin, "drop_closing")
    timer.join()
    assert admin.execute("select count(*) from pg_database where datname = 'drop_closing'").fetchone() == (0,)
    with psycopg.connect(cluster.admin_url("drop_staying"), autocommit=True):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            drop_database(admin, "drop_staying", wait=0.3)
    drop_database(admin, "drop_staying")
