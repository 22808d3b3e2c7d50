"""The migration chain: applies on nothing, again on itself without change, and 0029 with or without 0022."""

import shutil
import subprocess

from polaris_db import MIGRATIONS_DIR, SEEDS_DIR
from polaris_db.cluster import bin_path
from polaris_db.migrations import discover, migrate
from polaris_db.migrations.seeds import run_seeds
from polaris_db.psql import split_password


def dump(url, *args):
    clean, password = split_password(url)
    return subprocess.run([bin_path("pg_dump"), "--restrict-key=polaris", *args, "-d", clean], check=True,
                          capture_output=True, text=True, env={"PGPASSWORD": password}, timeout=120).stdout


def replay_chain(conn):
    """Apply every migration file again, as if history had been lost."""
    conn.execute("delete from supabase_migrations.schema_migrations")
    return migrate(conn, MIGRATIONS_DIR)


def test_chain_applies_on_an_empty_database(empty_url, connect):
    plan = migrate(connect(empty_url), MIGRATIONS_DIR)
    versions = [m.version for m in plan.pending]
    assert versions == [f"{n:04d}" for n in range(1, len(versions) + 1)]
    assert len(versions) == len(discover(MIGRATIONS_DIR)) >= 31


def test_second_application_and_seeds_twice_change_nothing(schema_url, connect):
    """The whole chain applied again changes neither schema nor data; the seeds run again then give identical
    tables (one database, one dump of each kind before)."""
    before = dump(schema_url, "--schema-only")
    data_before = dump(schema_url, "--data-only", "--exclude-schema=supabase_migrations")
    assert len(replay_chain(connect(schema_url)).pending) == len(discover(MIGRATIONS_DIR))
    assert dump(schema_url, "--schema-only") == before
    assert dump(schema_url, "--data-only", "--exclude-schema=supabase_migrations") == data_before
    run_seeds(connect(schema_url), SEEDS_DIR)
    assert dump(schema_url, "--data-only", "--exclude-schema=supabase_migrations") == data_before, (
        "the seeds, run twice, changed the tables")


def test_0029_removes_adyen_where_0022_ran(schema_url, connect):
    conn = connect(schema_url)
    assert conn.execute("select to_regclass('public.adyen_notifications')").fetchone()[0] is None


def test_0029_succeeds_where_0022_never_ran(empty_url, connect, tmp_path):
    without = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, without)
    (without / "0022_adyen_core.sql").unlink()
    conn = connect(empty_url)
    plan = migrate(conn, without)
    assert "0029_remove_adyen.sql" in [m.filename for m in plan.pending]
    assert conn.execute("select count(*) from pg_tables where tablename like 'adyen%'").fetchone()[0] == 0


def test_migrations_keep_tuned_limits_and_the_limits_seed_resets_them(schema_url, connect):
    """Reference data: migrations `on conflict do nothing` (a live project's tuning stays); the local/demo seed
    limits.sql (`on conflict do update`) puts the defaults back."""
    conn = connect(schema_url)
    conn.execute("update public.limits set value = 15 where key = 'free_minutes_daily'")
    conn.execute("update public.tiers set title = 'Gratis' where key = 'free'")
    tuned = "select (select value from public.limits where key = 'free_minutes_daily'), " \
            "(select title from public.tiers where key = 'free')"
    replay_chain(conn)
    assert conn.execute(tuned).fetchone() == (15, "Gratis")
    run_seeds(conn, SEEDS_DIR)
    assert conn.execute(tuned).fetchone() == (10, "Free")
    assert (SEEDS_DIR / "limits.sql").is_file()
