"""The reset cache is keyed by every input: any changed file means a real rebuild."""

import shutil

import psycopg

from polaris_db import MIGRATIONS_DIR, SEEDS_DIR
from polaris_db.database import clone_database
from polaris_db.migrations.reset_cache import fingerprint


def copy_inputs(tmp_path):
    shutil.copytree(MIGRATIONS_DIR, tmp_path / "migrations")
    shutil.copytree(SEEDS_DIR, tmp_path / "seeds")
    return tmp_path / "migrations", tmp_path / "seeds"


def test_same_inputs_same_key(tmp_path):
    migrations, seeds = copy_inputs(tmp_path)
    assert fingerprint(migrations, seeds) == fingerprint(MIGRATIONS_DIR, SEEDS_DIR)


def test_any_change_changes_the_key(tmp_path):
    migrations, seeds = copy_inputs(tmp_path)
    before = fingerprint(migrations, seeds)
    (migrations / "9999_new_step.sql").write_text("select 1;")
    after_migration = fingerprint(migrations, seeds)
    (seeds / "extra.sql").write_text("-- seed-order: 99\nselect 1;")
    after_seed = fingerprint(migrations, seeds)
    assert len({before, after_migration, after_seed}) == 3



def _settings(url):
    with psycopg.connect(url) as conn:
        return conn.execute("select current_setting('search_path'), current_setting('work_mem')").fetchone()


def test_a_clone_keeps_the_database_settings_of_its_template(cluster, empty_url, connect):
    """`create database ... template` alone does not copy `alter database ... set`; clone_database does.
    The shim itself sets none (hosted has none): search_path with `extensions` is the postgres role's."""
    source = empty_url.rsplit("/", 1)[1]
    admin = connect(cluster.url("postgres"))
    assert _settings(empty_url)[0] == '"$user", public, extensions'
    admin.execute(f'alter database "{source}" set work_mem = \'7MB\'')
    expected = _settings(empty_url)
    assert expected[1] == "7MB"
    clone_database(admin, source, "clone_settings")
    try:
        assert _settings(cluster.url("clone_settings")) == expected
    finally:
        admin.execute("drop database clone_settings with (force)")
