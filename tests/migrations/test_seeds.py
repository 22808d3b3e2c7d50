"""Seeds run in their declared order, in one transaction, and refuse an undeclared order."""

import pytest

from polaris_db.errors import MigrationFailed, MigrationFileError
from polaris_db.migrations.seeds import discover_seeds, run_seeds


def test_declared_order_not_file_order(tmp_path):
    (tmp_path / "a_second.sql").write_text("-- seed-order: 20\nselect 1;")
    (tmp_path / "b_first.sql").write_text("-- seed-order: 10\nselect 1;")
    assert [s.path.name for s in discover_seeds(tmp_path)] == ["b_first.sql", "a_second.sql"]


def test_missing_order_is_refused(tmp_path):
    (tmp_path / "x.sql").write_text("select 1;")
    with pytest.raises(MigrationFileError, match="x.sql: missing '-- seed-order: N'"):
        discover_seeds(tmp_path)


def test_failing_seed_rolls_back_all_seeds(tmp_path, bare_url, connect):
    conn = connect(bare_url)
    conn.execute("create table t (id int primary key)")
    (tmp_path / "one.sql").write_text("-- seed-order: 1\ninsert into t values (1) on conflict do nothing;")
    (tmp_path / "two.sql").write_text("-- seed-order: 2\n\ninsert into missing values (1);")
    with pytest.raises(MigrationFailed, match=r"two.sql:3: relation \"missing\" does not exist"):
        run_seeds(conn, tmp_path)
    assert conn.execute("select count(*) from t").fetchone()[0] == 0
