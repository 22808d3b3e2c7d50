"""database.scratch_database: the one throwaway-database helper (lint, rls-test --fresh, sync, fixtures)."""

import pytest

from polaris_db.database import scratch_database


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
