"""Discovery refuses bad names, duplicate numbers and stray files, naming the file."""

import pytest

from polaris_db.errors import MigrationFileError
from polaris_db.migrations import discover


def write(directory, name, sql="select 1;"):
    (directory / name).write_text(sql)


def test_discovers_in_version_order_with_names(tmp_path):
    write(tmp_path, "0002_second_step.sql")
    write(tmp_path, "0001_init.sql")
    found = discover(tmp_path)
    assert [(m.version, m.name) for m in found] == [("0001", "init"), ("0002", "second_step")]


@pytest.mark.parametrize("name", ["1_init.sql", "0001-init.sql", "0001_Init.sql", "0001_.sql", "00001_init.sql", "0001_init.SQL"])
def test_bad_names_are_refused(tmp_path, name):
    write(tmp_path, name)
    with pytest.raises(MigrationFileError, match=name.replace(".", r"\.")):
        discover(tmp_path)


def test_duplicate_numbers_are_refused(tmp_path):
    write(tmp_path, "0001_init.sql")
    write(tmp_path, "0001_other.sql")
    with pytest.raises(MigrationFileError, match=r"0001_other\.sql: duplicate migration number 0001 \(also 0001_init\.sql\)"):
        discover(tmp_path)


def test_unexpected_files_are_refused(tmp_path):
    write(tmp_path, "0001_init.sql")
    write(tmp_path, "notes.txt", "hello")
    with pytest.raises(MigrationFileError, match=r"notes\.txt: unexpected file"):
        discover(tmp_path)


def test_header_option_runs_outside_a_transaction(tmp_path):
    write(tmp_path, "0001_index.sql", "-- polaris: transaction=false\ncreate index concurrently i on t (c);")
    assert discover(tmp_path)[0].transactional is False


def test_unknown_header_option_is_refused(tmp_path):
    write(tmp_path, "0001_index.sql", "-- polaris: transaction=maybe\nselect 1;")
    with pytest.raises(MigrationFileError, match="unknown header option"):
        discover(tmp_path)
