"""The reset cache is keyed by every input: any changed file means a real rebuild."""

import shutil

from polaris_db import MIGRATIONS_DIR, SEEDS_DIR
from polaris_db.template_cache import fingerprint


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
