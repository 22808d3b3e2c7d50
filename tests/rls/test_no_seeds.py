"""A fresh project gets everything the app needs from the migrations: the RLS suite and the smoke query
pass on shim + migrations without the demo seeds (issue 13, point 5)."""

from __future__ import annotations

import psycopg
import pytest

from polaris_db import MIGRATIONS_DIR, OPS_DIR
from polaris_db.database import scratch_database
from polaris_db.migrations.files import head_version
from polaris_db.migrations.reset import build
from polaris_db.rls.suite import run_suite

SMOKE = OPS_DIR / "tests" / "smoke.sql"


@pytest.fixture(scope="module")
def migrations_only_url(cluster) -> str:
    """Shim + migrations, no seeds: one database for the module. Tests that change it do so in a
    transaction they roll back."""
    with scratch_database(cluster.url("postgres"), "rls_no_seeds") as url:
        with psycopg.connect(url, autocommit=True) as conn:
            build(conn, seeds=False)
        yield url


def run_smoke(conn):
    conn.execute("select set_config('polaris.migration_head', %s, false)", (head_version(MIGRATIONS_DIR),))
    conn.execute(SMOKE.read_bytes())


def test_rls_suite_passes_without_seeds(migrations_only_url, connect):
    conn = connect(migrations_only_url)
    assert conn.execute("select count(*) from public.coaches").fetchone()[0] == 0  # really no demo content
    lines: list[str] = []
    report = run_suite(migrations_only_url, lines.append)
    assert report.failed == 0, "\n".join(line for line in lines if line.startswith(("not ok", "#")))


def test_smoke_passes_on_migrations_alone(migrations_only_url, connect):
    run_smoke(connect(migrations_only_url))


@pytest.mark.parametrize(("statement", "named"), [
    ("delete from public.tiers where key = 'pro'", "tiers.pro"),
    ("delete from public.tiers; delete from public.limits where key = 'session_max_minutes'",
     "limits.session_max_minutes, tiers.free, tiers.pro"),
])
def test_smoke_names_missing_reference_data(migrations_only_url, connect, statement, named):
    conn = connect(migrations_only_url, autocommit=False)
    conn.execute(statement)
    with pytest.raises(psycopg.errors.RaiseException, match=f"(?m)reference data missing: {named}$"):
        run_smoke(conn)
    conn.rollback()
