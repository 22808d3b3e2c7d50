"""`db.new-migration`: next number, header template, release-notes stub."""

import pytest

from polaris_db.errors import ConfigError
from polaris_db.migrations import discover
from polaris_db.newfile import create_migration


def test_next_number_template_and_notes(tmp_path):
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "0007_earlier.sql").write_text("select 1;")
    notes = tmp_path / "release-notes.md"
    notes.write_text("# Release notes\n")
    path = create_migration("add_streaks", migrations, notes)
    assert path.name == "0008_add_streaks.sql"
    assert path.read_text().startswith("-- migration: 0008_add_streaks\n-- purpose: TODO")
    assert "## 0008_add_streaks" in notes.read_text()
    assert [m.version for m in discover(migrations)] == ["0007", "0008"]


def test_bad_name_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="must be snake_case"):
        create_migration("Add-Streaks", tmp_path, tmp_path / "notes.md")
